package routes

import (
	"go/ast"
	"go/types"
)

// maxDepth bounds the nesting of mounts followed from a server.
const maxDepth = 32

// resolve walks from every served handler down through routers and
// mounts, producing one Route per registration and path. Registrations
// not reached from a server are returned with Served false.
func (e *evaluator) resolve() []*Route {
	var out []*Route
	reached := make(map[*reg]bool)
	var walk func(h *handler, chain []Middleware, prefix, method string, depth int, seen map[*router]bool)
	walkRouter := func(r *router, chain []Middleware, prefix, method string, depth int, seen map[*router]bool) {
		r = r.find()
		if seen[r] || depth > maxDepth {
			return
		}
		seen[r] = true
		defer delete(seen, r)
		chain = concat(chain, r.mws)
		for _, g := range r.regs {
			reached[g] = true
			m := g.method
			if m == "" {
				m = method
			}
			out = append(out, e.route(g, m, joinPath(prefix, g.path), concat(chain, g.mws, g.h.mws), true))
		}
		for _, mt := range r.mounts {
			m := mt.method
			if m == "" {
				m = method
			}
			walk(mt.h, concat(chain, mt.mws), joinPath(prefix, mt.prefix), m, depth+1, seen)
		}
	}
	walk = func(h *handler, chain []Middleware, prefix, method string, depth int, seen map[*router]bool) {
		chain = concat(chain, h.mws)
		switch {
		case h.router != nil:
			walkRouter(h.router, chain, prefix, method, depth, seen)
		case h.slot != nil:
			if h.slot.handler != nil && depth <= maxDepth {
				walk(h.slot.handler, chain, prefix, method, depth+1, seen)
			} else if h.slot.router != nil {
				walkRouter(h.slot.router, chain, prefix, method, depth, seen)
			}
		}
	}
	for _, s := range e.served {
		walk(s.h, nil, "", "", 0, map[*router]bool{})
	}
	for _, r := range e.routers {
		for _, g := range r.find().regs {
			if !reached[g] {
				reached[g] = true
				out = append(out, e.route(g, g.method, g.path, concat(r.find().mws, g.mws, g.h.mws), false))
			}
		}
	}
	return out
}

func concat(lists ...[]Middleware) []Middleware {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	out := make([]Middleware, 0, n)
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// route builds the public Route of a registration.
func (e *evaluator) route(g *reg, method, path string, chain []Middleware, served bool) *Route {
	rt := &Route{
		Framework: g.framework,
		Method:    method,
		Path:      path,
		Call:      g.call,
		Handler:   g.expr,
		Chain:     chain,
		Served:    served,
	}
	rt.Func, rt.Body = e.handlerBody(g.h)
	if method == "" && rt.Body != nil {
		rt.BranchMethods = branchMethods(e.pass.TypesInfo, rt.Body)
	}
	return rt
}

// handlerBody returns the function and body of a handler's target, when
// it is declared in this package (or is a literal).
func (e *evaluator) handlerBody(h *handler) (*types.Func, *ast.BlockStmt) {
	switch {
	case h.lit != nil:
		return nil, h.lit.Body
	case h.fn != nil:
		if fd := e.decls[h.fn]; fd != nil {
			return h.fn, fd.Body
		}
		return h.fn, nil
	}
	return nil, nil
}
