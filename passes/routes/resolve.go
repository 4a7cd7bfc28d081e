package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/passes/directives"
)

// maxDepth bounds the nesting of mounts followed from a server.
const maxDepth = 32

// resolve walks from every served handler down through routers and
// mounts, producing one Route per registration and path. Registrations
// not reached from a server are returned with Served false, with the
// chain visible from the routers they are mounted below.
func (e *evaluator) resolve() []*Route {
	var out []*Route
	reached := make(map[*reg]bool)
	served := true
	var walk func(h *handler, chain []Middleware, prefix, method string, depth int, seen map[*router]bool)
	walkRouter := func(r *router, chain []Middleware, prefix, method string, depth int, seen map[*router]bool) {
		r = r.find()
		if seen[r] || depth > maxDepth {
			return
		}
		seen[r] = true
		defer delete(seen, r)
		own := scoped(r.mws, depthScope(depth, ScopeRouter))
		for _, g := range r.regs {
			if !served && reached[g] {
				continue
			}
			reached[g] = true
			m := g.method
			if m == "" {
				m = method
			}
			path := joinPath(prefix, g.path)
			rc := concat(chain, e.attachedAt(own, g.order, prefix), scoped(g.mws, ScopeRoute), scoped(g.h.mws, ScopeRoute))
			out = append(out, e.route(g, m, path, covering(rc, path, g.path == ""), served))
		}
		for _, mt := range r.mounts {
			m := mt.method
			if m == "" {
				m = method
			}
			walk(mt.h, concat(chain, e.attachedAt(own, mt.order, prefix), scoped(mt.mws, ScopeGroup)), joinPath(prefix, mt.prefix), m, depth+1, seen)
		}
	}
	walk = func(h *handler, chain []Middleware, prefix, method string, depth int, seen map[*router]bool) {
		chain = concat(chain, scoped(h.mws, depthScope(depth, ScopeServer)))
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
		e.serving = s.pos
		walk(s.h, nil, "", "", 0, map[*router]bool{})
	}
	e.serving = token.NoPos
	// The routers no server reaches, from those not mounted below
	// another.
	served = false
	mounted := make(map[*router]bool)
	for _, r := range e.routers {
		for _, mt := range r.find().mounts {
			if t := mountedRouter(mt.h); t != nil {
				mounted[t] = true
			}
		}
	}
	for _, r := range e.routers {
		if r.rep == nil && !mounted[r] {
			walk(&handler{router: r}, nil, "", "", 0, map[*router]bool{})
		}
	}
	for _, r := range e.routers {
		for _, g := range r.find().regs {
			if !reached[g] {
				reached[g] = true
				rc := concat(e.attachedAt(scoped(r.find().mws, ScopeRouter), g.order, ""), scoped(g.mws, ScopeRoute), scoped(g.h.mws, ScopeRoute))
				out = append(out, e.route(g, g.method, g.path, covering(rc, g.path, g.path == ""), false))
			}
		}
	}
	return out
}

// mountedRouter returns the router a mount's handler leads to, or nil.
func mountedRouter(h *handler) *router {
	switch {
	case h.router != nil:
		return h.router.find()
	case h.slot != nil && h.slot.handler == nil && h.slot.router != nil:
		return h.slot.router.find()
	}
	return nil
}

// attachedAt returns the middleware of a router that applies to a route
// or mount registered at o: all of it but the middleware attached in
// order (see attach) after o. When the two cannot be ordered, platform
// middleware is kept as middleware of unknown identity, so that the
// route counts as neither protected nor unprotected. A path prefix the
// middleware is limited to is made absolute by joining it to base.
func (e *evaluator) attachedAt(mws []Middleware, o order, base string) []Middleware {
	out := make([]Middleware, 0, len(mws))
	for _, m := range mws {
		if m.order.n != 0 {
			switch e.cmpOrder(m.order, o) {
			case 1:
				continue
			case 0:
				if m.held != nil {
					// What a field holds, which may be platform
					// middleware: the same.
					for _, in := range expandHeld([]Middleware{m}) {
						out = append(out, e.unordered(in, base))
					}
					continue
				}
				m = e.unordered(m, base)
				out = append(out, m)
				continue
			}
		}
		if m.prefix != "" {
			m.prefix = joinPath(base, m.prefix)
		}
		out = append(out, m)
	}
	return out
}

// unordered returns middleware that cannot be ordered with a route:
// platform middleware is of unknown identity.
func (e *evaluator) unordered(m Middleware, base string) Middleware {
	if m.Platform {
		m.Platform, m.Unknown = false, true
	}
	if m.prefix != "" {
		m.prefix = joinPath(base, m.prefix)
	}
	return m
}

// covering drops from chain the middleware limited to a path prefix that
// path does not start with. The comparison is fiber's default one: case
// does not matter, nor a trailing slash. A parameter in the prefix or
// before its end in the path, or a path that is not constant, keeps the
// middleware.
func covering(chain []Middleware, path string, dynamic bool) []Middleware {
	if dynamic {
		return chain
	}
	out := chain[:0:0]
	for _, m := range chain {
		if m.prefix == "" || prefixCovers(m.prefix, path) {
			out = append(out, m)
		}
	}
	return out
}

// prefixCovers reports whether middleware limited to prefix covers path.
// A prefix ending in a slash must end at a segment boundary of the path
// (fiber v3: "/api" covers "/api/x", not "/apix"); otherwise it is a
// plain string prefix (fiber v2).
func prefixCovers(prefix, path string) bool {
	segment := strings.HasSuffix(prefix, "/")
	p := strings.ToLower(strings.TrimRight(prefix, "/"))
	path = strings.ToLower(path)
	if p == "" || strings.ContainsAny(p, ":*+") {
		return true
	}
	if i := strings.IndexAny(path, ":*+"); i >= 0 && i < len(p) {
		return true
	}
	if segment {
		return path == p || strings.HasPrefix(path, p+"/")
	}
	return strings.HasPrefix(path, p)
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

// scoped returns mws with Scope set to s where the evaluator left it unset.
func scoped(mws []Middleware, s Scope) []Middleware {
	out := make([]Middleware, len(mws))
	for i, m := range mws {
		if m.Scope == 0 {
			m.Scope = s
		}
		out[i] = m
	}
	return out
}

// depthScope is the scope of middleware met at a mount depth: s at the
// top, ScopeGroup below a mount.
func depthScope(depth int, s Scope) Scope {
	if depth > 0 {
		return ScopeGroup
	}
	return s
}

// route builds the public Route of a registration.
func (e *evaluator) route(g *reg, method, path string, chain []Middleware, served bool) *Route {
	dynamic := method == methodDynamic
	if dynamic {
		method = ""
	}
	path = readable(path)
	chain = expandHeld(chain)
	rt := &Route{
		DynamicMethod: dynamic,
		Framework:     g.framework,
		Method:        method,
		Path:          path,
		Call:          g.call,
		Handler:       g.expr,
		Home:          g.imp,
		Chain:         chain,
		Served:        served,
		reg:           g,
	}
	if served {
		rt.ServedAt = e.serving
	}
	if g.imp != nil {
		ps := e.positions().Resolve(g.imp.Pos, g.imp.End)
		rt.Pos, rt.End = ps[0], ps[1]
		for _, x := range g.imp.Exemptions {
			ps := e.positions().Resolve(x.Pos, x.End)
			rt.exemptions = append(rt.exemptions, &directives.Directive{
				Name: directives.Exempt, Checks: x.Checks, ADR: x.ADR, Reason: x.Reason, Args: x.ADR + " " + x.Reason,
				Pos: ps[0], End: ps[1],
			})
		}
	} else if g.at != nil {
		rt.Pos, rt.End = g.at.Pos(), g.at.End()
	} else if g.call != nil {
		rt.Pos, rt.End = g.call.Pos(), g.call.End()
	}
	if g.rpc != nil {
		rt.Path, rt.RPC, rt.Streaming = g.path, true, g.rpc.streaming
		rt.Chain, rt.Idempotency = rpcChain(chain, g.path, g.rpc.streaming)
		if rt.Idempotency == IdempotencyUnknown {
			rt.Idempotency = g.rpc.idem
		}
	}
	rt.Func, rt.Body = e.handlerBody(g.h)
	e.handlerFacts(rt)
	return rt
}

// handlerBody returns the function and body of a handler's target, when
// it is declared in this package (or is a literal).
func (e *evaluator) handlerBody(h *handler) (*types.Func, *ast.BlockStmt) {
	switch {
	case h.lit != nil:
		return nil, h.lit.Body
	case h.fn != nil:
		if fd := e.decl(h.fn); fd != nil {
			return h.fn, fd.Body
		}
		return h.fn, nil
	}
	return nil, nil
}
