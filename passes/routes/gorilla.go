package routes

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const (
	gorillaPath      = "github.com/gorilla/mux"
	gorillaFramework = "gorilla/mux"
)

func init() {
	frameworks[gorillaPath] = gorillaCall
	routerTypes[gorillaPath+".Router"] = gorillaFramework
}

// A muxRoute is a *mux.Route being built. gorilla/mux creates the route
// first and configures it afterwards (r.HandleFunc(p, f).Methods("POST")),
// so the route keeps the registration it made and updates it on every
// later call.
type muxRoute struct {
	router *router
	call   *ast.CallExpr // the outermost call of the registration chain so far

	path    string // path template, "" when the route has no path matcher
	dynamic bool   // a path template is not constant

	methodsSet bool     // Methods was called: methods is the allowed set
	methods    []string // intersection of every Methods call
	unknown    bool     // a Methods argument is not constant
	dead       bool     // the route never matches (build error, BuildOnly)
	named      bool

	hasHandler bool
	hx         ast.Expr
	hv         value

	reg    *reg     // registration of a handler
	hmount *mount   // registration of a handler that is itself a router
	subs   []*mount // mounts of the route's subrouters
}

// live reports whether the route can match a request whose method the
// analysis knows.
func (rt *muxRoute) live() bool {
	return !rt.dead && !rt.unknown && !(rt.methodsSet && len(rt.methods) == 0)
}

// method returns the route's method: "" for any method; for several, the
// first of POST and PATCH, else the first of PUT and DELETE, else the
// first listed.
func (rt *muxRoute) method() string {
	if !rt.methodsSet {
		return ""
	}
	for _, set := range [][]string{{"POST", "PATCH"}, {"PUT", "DELETE"}} {
		for _, m := range rt.methods {
			if slices.Contains(set, m) {
				return m
			}
		}
	}
	if len(rt.methods) > 0 {
		return rt.methods[0]
	}
	return ""
}

// addPath adds a path or path-prefix template the way mux does: it must
// start with a slash and is appended to the template the route has.
//
// The path of a route (not a prefix) may be a template (template.go).
func (rt *muxRoute) addPath(e *evaluator, x ast.Expr, route bool) {
	tpl, ok := e.str(x)
	if !ok && route {
		tpl, ok = e.routeStr(x)
	}
	if !ok {
		rt.dynamic = true
		return
	}
	if !hasParams(tpl) && ((tpl != "" && tpl[0] != '/') || !balancedBraces(tpl)) {
		rt.dead = true
		return
	}
	if rt.path != "" {
		tpl = strings.TrimRight(rt.path, "/") + tpl
	}
	rt.path = tpl
}

// addMethods adds a method matcher: upper-cased, and intersected with the
// ones already on the route (every matcher must match).
func (rt *muxRoute) addMethods(e *evaluator, call *ast.CallExpr) {
	if call.Ellipsis.IsValid() {
		rt.unknown = true
		return
	}
	var ms []string
	for _, a := range call.Args {
		m, ok := e.routeStr(a)
		if !ok || hasParams(m) && len(call.Args) > 1 {
			rt.unknown = true
			return
		}
		if !hasParams(m) {
			m = strings.ToUpper(m)
		}
		if !slices.Contains(ms, m) {
			ms = append(ms, m)
		}
	}
	if rt.methodsSet {
		ms = slices.DeleteFunc(ms, func(m string) bool { return !slices.Contains(rt.methods, m) })
	}
	rt.methods, rt.methodsSet = ms, true
}

// balancedBraces reports whether a mux template's braces are balanced;
// mux refuses the template otherwise.
func balancedBraces(s string) bool {
	level := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			level++
		case '}':
			if level--; level < 0 {
				return false
			}
		}
	}
	return level == 0
}

// gorillaCall models gorilla/mux. Router methods that create a route
// return a *muxRoute; Route methods update it. Use is order-independent
// (the middleware runs for every route matched through the router) and a
// router's middleware applies to its subrouters. A subrouter's routes
// extend the parent route's path template and are restricted to its
// methods.
func gorillaCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		switch fn.Name() {
		case "NewRouter":
			return e.newRouter(gorillaFramework), true
		case "CORSMethodMiddleware":
			for _, a := range call.Args {
				e.eval(fr, a)
			}
			return mwList{{Name: "mux.CORSMethodMiddleware", Obj: fn, Pos: call.Pos()}}, true
		}
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	recvType := sig.Recv().Type()
	switch {
	case typesutil.IsNamed(recvType, gorillaPath, "MiddlewareFunc"):
		mw := e.asMiddleware(e.eval(fr, sel.X), sel.X)
		if fn.Name() == "Middleware" && len(call.Args) == 1 {
			if h := e.asHandler(e.eval(fr, call.Args[0])); h != nil {
				return h.wrap(mw...), true
			}
		}
		return nil, true
	case typesutil.IsNamed(recvType, gorillaPath, "Router"):
		return e.muxRouterCall(fr, sel, call, fn), true
	case typesutil.IsNamed(recvType, gorillaPath, "Route"):
		rt, _ := e.eval(fr, sel.X).(*muxRoute)
		if rt == nil {
			rt = &muxRoute{router: e.asRouter(nil, gorillaFramework), call: call} // a route we cannot follow
		}
		if x, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && x == rt.call {
			rt.call = call
		}
		return e.muxRouteCall(fr, rt, call, fn), true
	}
	return nil, false
}

// muxRouterCall models a method of *mux.Router.
func (e *evaluator) muxRouterCall(fr *frame, sel *ast.SelectorExpr, call *ast.CallExpr, fn *types.Func) value {
	r := e.asRouter(e.eval(fr, sel.X), gorillaFramework)
	switch name := fn.Name(); name {
	case "Use":
		r.mws = append(r.mws, e.middlewareArgs(fr, call.Args)...)
		return nil
	case "StrictSlash", "SkipClean", "UseEncodedPath":
		for _, a := range call.Args {
			e.eval(fr, a)
		}
		return r
	case "Handle", "HandleFunc":
		rt := &muxRoute{router: r, call: call}
		if len(call.Args) == 2 {
			rt.addPath(e, call.Args[0], true)
			rt.setHandler(e.eval(fr, call.Args[1]), call.Args[1])
		}
		e.muxSync(rt)
		return rt
	case "NewRoute", "Name", "Headers", "Host", "MatcherFunc", "Methods", "Path", "PathPrefix", "Queries", "Schemes", "BuildVarsFunc":
		rt := &muxRoute{router: r, call: call}
		return e.muxRouteCall(fr, rt, call, fn)
	}
	for _, a := range call.Args {
		e.eval(fr, a)
	}
	return nil
}

// muxRouteCall models a method of *mux.Route (or the Router method that
// creates a route and calls it).
func (e *evaluator) muxRouteCall(fr *frame, rt *muxRoute, call *ast.CallExpr, fn *types.Func) value {
	switch fn.Name() {
	case "Methods":
		rt.addMethods(e, call)
	case "Path", "PathPrefix":
		if len(call.Args) == 1 {
			rt.addPath(e, call.Args[0], fn.Name() == "Path")
		}
	case "Handler", "HandlerFunc":
		if len(call.Args) == 1 {
			if v := e.eval(fr, call.Args[0]); !rt.dead {
				rt.setHandler(v, call.Args[0])
			}
		}
		e.muxSync(rt)
		return rt
	case "Name":
		if rt.named {
			rt.dead = true // mux: route already has name
		}
		rt.named = true
	case "BuildOnly":
		rt.dead = true
	case "Queries":
		if !call.Ellipsis.IsValid() && len(call.Args)%2 != 0 {
			rt.dead = true
		}
	case "Subrouter":
		child := e.newRouter(gorillaFramework)
		rt.subs = append(rt.subs, &mount{h: &handler{router: child}})
		e.muxSync(rt)
		return child
	case "NewRoute", "Headers", "HeadersRegexp", "Host", "MatcherFunc", "Schemes", "BuildVarsFunc":
	default:
		for _, a := range call.Args {
			e.eval(fr, a)
		}
		return nil // accessors: GetName, URL, Match, ...
	}
	for _, a := range call.Args {
		e.eval(fr, a)
	}
	e.muxSync(rt)
	return rt
}

func (rt *muxRoute) setHandler(v value, x ast.Expr) {
	rt.hasHandler, rt.hv, rt.hx = true, v, x
}

// muxSync makes the route's registration, handler mount and subrouter
// mount reflect its current state.
func (e *evaluator) muxSync(rt *muxRoute) {
	r := rt.router.find()
	live := rt.live()
	var h *handler
	if live && rt.hasHandler {
		if h = e.asHandler(rt.hv); h == nil {
			h = &handler{}
		}
	}
	method := rt.method()
	path := rt.path
	if rt.dynamic {
		path = ""
	}
	switch {
	case h != nil && h.router == nil && h.slot == nil:
		r.mounts = removeMount(r.mounts, rt.hmount)
		rt.hmount = nil
		if rt.reg == nil {
			rt.reg = &reg{framework: gorillaFramework}
			if isTemplateReg(method, path) && e.tmplOwner != nil {
				// Its calls instantiate it (template.go).
				e.tmplOwner.templates = append(e.tmplOwner.templates, templateReg{r, rt.reg})
			} else {
				r.regs = append(r.regs, rt.reg)
			}
		}
		rt.reg.method, rt.reg.path, rt.reg.call, rt.reg.expr, rt.reg.h = method, path, rt.call, rt.hx, h
		e.tableRow(rt.reg)
		e.callerSite(rt.reg)
	case h != nil:
		// The handler is a router: mux passes the full path to it,
		// unless the handler strips a prefix.
		r.regs = slices.DeleteFunc(r.regs, func(g *reg) bool { return g == rt.reg })
		rt.reg = nil
		if rt.hmount == nil {
			rt.hmount = &mount{}
			r.mounts = append(r.mounts, rt.hmount)
		}
		rt.hmount.prefix, rt.hmount.method, rt.hmount.h = h.strip, method, h
	default:
		r.regs = slices.DeleteFunc(r.regs, func(g *reg) bool { return g == rt.reg })
		if e.tmplOwner != nil {
			e.tmplOwner.templates = slices.DeleteFunc(e.tmplOwner.templates, func(t templateReg) bool { return t.g == rt.reg })
		}
		r.mounts = removeMount(r.mounts, rt.hmount)
		rt.reg, rt.hmount = nil, nil
	}
	for _, sub := range rt.subs {
		r.mounts = removeMount(r.mounts, sub)
		if live && !rt.dynamic {
			// A subrouter's routes start from the route's template
			// without its trailing slashes.
			sub.prefix, sub.method = strings.TrimRight(rt.path, "/"), method
			r.mounts = append(r.mounts, sub)
		}
	}
}

func removeMount(ms []*mount, m *mount) []*mount {
	if m == nil {
		return ms
	}
	return slices.DeleteFunc(ms, func(x *mount) bool { return x == m })
}
