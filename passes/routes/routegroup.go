package routes

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const routegroupPath = "github.com/go-pkgz/routegroup"

func init() {
	frameworks[routegroupPath] = routegroupCall
}

// routegroupCall models go-pkgz/routegroup, a wrapper of a net/http
// ServeMux. A root bundle (New(mux), Mount(mux, base)) applies its own
// middleware when the bundle serves a request, around every route of the
// mux, whenever it was added (it panics on a Use after a route); a bundle
// made from it (Group, Mount, With, Route) copies the middleware it has
// then and wraps its routes in it when they are registered, so its Use
// covers only routes and bundles made after it (see attach). The routes
// go to the mux, which may be served without the bundle: then the root's
// middleware does not run.
//
// The model of a root bundle is a router holding its middleware, whose
// first mount is a node holding its routes and the bundles made from it;
// the mux mounts the node too. The node's first mount is a base marker:
// a mount with no handler, whose prefix is the root's base path.
func routegroupCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		switch fn.Name() {
		case "New", "Mount":
			if len(call.Args) == 0 {
				return nil, false
			}
			base := ""
			if fn.Name() == "Mount" {
				b, ok := e.str(call.Args[min(1, len(call.Args)-1)])
				if !ok {
					e.evalArgs(fr, call.Args)
					return nil, true // an unknown base: the bundle is not followed
				}
				base = b
			}
			mux := e.asRouter(e.eval(fr, call.Args[0]), netHTTP)
			node := e.newRouter("routegroup")
			node.mounts = append(node.mounts, &mount{prefix: base, h: &handler{}})
			root := e.newRouter("routegroup")
			root.mounts = append(root.mounts, &mount{h: &handler{router: node}})
			mux.mounts = append(mux.mounts, &mount{h: &handler{router: node}})
			return root, true
		case "Wrap":
			if len(call.Args) < 2 {
				return nil, false
			}
			h := e.asHandler(e.eval(fr, call.Args[0]))
			mws := e.middlewareArgs(fr, call.Args[1:])
			if h == nil || call.Ellipsis.IsValid() {
				return nil, true
			}
			return h.wrap(mws...), true
		}
		return nil, false
	}
	if !typesutil.IsNamed(sig.Recv().Type(), routegroupPath, "Bundle") {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	b := e.asRouter(e.eval(fr, sel.X), "routegroup")
	node, base, root := routegroupRoot(b)
	if !root {
		node = b
	}
	// child makes a bundle below b at prefix with middleware mws.
	child := func(prefix string, mws []Middleware) *router {
		c := e.newRouter("routegroup")
		node.mounts = append(node.mounts, &mount{prefix: base + prefix, mws: mws, h: &handler{router: c}, order: e.stamp()})
		return c
	}
	str := func(i int) (string, bool) {
		if i < len(call.Args) {
			return e.str(call.Args[i])
		}
		return "", false
	}
	switch fn.Name() {
	case "Use":
		mws := e.middlewareArgs(fr, call.Args)
		if root {
			b.mws = append(b.mws, mws...)
		} else {
			e.attach(b, "", mws...)
		}
	case "Group":
		return child("", nil), true
	case "Mount":
		p, ok := str(0)
		if !ok {
			return nil, true // an unknown base: the bundle is not followed
		}
		return child(p, nil), true
	case "With":
		return child("", e.middlewareArgs(fr, call.Args)), true
	case "Route":
		if len(call.Args) != 1 {
			return nil, true
		}
		target := b
		if root {
			target = child("", nil)
		}
		switch cb := e.eval(fr, call.Args[0]).(type) {
		case litRef:
			e.callLit(fr, cb.lit, target)
		case funcRef:
			e.callLocal(cb.fn, nil, []value{target})
		}
	case "Handle", "HandleFunc":
		if len(call.Args) != 2 {
			return nil, true
		}
		method, path := "", ""
		p, ok := str(0)
		if ok {
			method, path = splitPattern(p)
			path = base + path
		}
		e.register(node, method, path, call, call.Args[1], e.eval(fr, call.Args[1]), nil)
	case "HandleRoot", "HandleRootFunc":
		if len(call.Args) != 2 {
			return nil, true
		}
		m, ok := str(0)
		if !ok {
			e.evalArgs(fr, call.Args)
			return nil, true // an unknown method: the route is not followed
		}
		path := base
		if path == "" && root {
			path = "/"
		}
		e.register(node, m, path, call, call.Args[1], e.eval(fr, call.Args[1]), nil)
	default:
		e.evalArgs(fr, call.Args) // HandleFiles, NotFoundHandler, Handler, ...: no route that mutates
	}
	return nil, true
}

// routegroupRoot returns the node and base path of a root bundle, and
// whether b is one (see routegroupCall).
func routegroupRoot(b *router) (*router, string, bool) {
	if len(b.mounts) == 0 || b.mounts[0].h.router == nil {
		return nil, "", false
	}
	node := b.mounts[0].h.router.find()
	if len(node.mounts) == 0 {
		return nil, "", false
	}
	h := node.mounts[0].h
	if h.router != nil || h.slot != nil || h.fn != nil || h.lit != nil || h.rpc != nil {
		return nil, "", false
	}
	return node, node.mounts[0].prefix, true
}
