package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const (
	fiberPath            = "github.com/gofiber/fiber/v2"
	fiberIdempotencyPath = fiberPath + "/middleware/idempotency"
	fiberAdaptorPath     = fiberPath + "/middleware/adaptor"

	fiberV3Path            = "github.com/gofiber/fiber/v3"
	fiberV3IdempotencyPath = fiberV3Path + "/middleware/idempotency"
	fiberV3AdaptorPath     = fiberV3Path + "/middleware/adaptor"
)

func init() {
	frameworks[fiberPath] = fiberCall
	frameworks[fiberIdempotencyPath] = fiberIdempotencyCall
	frameworks[fiberAdaptorPath] = fiberAdaptorCall
	frameworks[fiberV3Path] = fiberCall
	frameworks[fiberV3IdempotencyPath] = fiberIdempotencyCall
	frameworks[fiberV3AdaptorPath] = fiberAdaptorCall
	routerTypes[fiberPath+".App"] = "fiber"
	routerTypes[fiberPath+".Router"] = "fiber"
	routerTypes[fiberPath+".Group"] = "fiber"
}

// fiberFramework names the framework of a fiber package path in the
// model: "fiber" for v2, "fiber/v3" for v3.
func fiberFramework(pkg string) string {
	if strings.HasPrefix(pkg, fiberV3Path) {
		return "fiber/v3"
	}
	return "fiber"
}

// fiberMethods maps fiber's per-method registration helpers to their
// method (Get registers HEAD too; the model keeps GET).
var fiberMethods = map[string]string{
	"Get": "GET", "Head": "HEAD", "Post": "POST", "Put": "PUT", "Delete": "DELETE",
	"Connect": "CONNECT", "Options": "OPTIONS", "Trace": "TRACE", "Patch": "PATCH",
}

// A fiberGroup is a fiber Group: fiber keeps one stack of routes per app,
// and a group only adds its prefix to what it registers there. In v3 a
// RouteChain(path) is a group whose routes all have its path (chain).
type fiberGroup struct {
	app     *router
	prefix  string // as fiber keeps it
	dynamic bool   // the prefix is not constant
	chain   bool   // a v3 Register: routes are registered at prefix itself
}

// fiberCall models gofiber/fiber v2 and v3. An app is one ordered stack:
// a request runs the first matching entry, and later ones only through
// c.Next(). Use(prefix?, handlers...) adds middleware for the paths
// starting with the prefix (any group's, or the app's), so it covers only
// routes registered after it (see attach). A group's routes and Use go to
// its app's stack with the group's prefix; Group(prefix, handlers...)
// adds handlers as a Use at the prefix. A mounted app's stack takes the
// place of the Mount call (v2), or of Use(prefix, app) (v3). In a handler
// list every handler but the last is middleware. v3 takes the methods of
// Add as a list, handlers of any kind fiber adapts (net/http handlers
// among them), and adds RouteChain(path), whose All is a Use at path.
func fiberCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	pkg := fn.Pkg().Path()
	framework := fiberFramework(pkg)
	if sig.Recv() == nil {
		if fn.Name() == "New" {
			e.evalArgs(fr, call.Args)
			return e.newRouter(framework), true
		}
		return nil, false
	}
	recvType := sig.Recv().Type()
	app := typesutil.IsNamed(recvType, pkg, "App")
	chain := typesutil.IsNamed(recvType, pkg, "Register") || typesutil.IsNamed(recvType, pkg, "Registering")
	if !app && !chain && !typesutil.IsNamed(recvType, pkg, "Group") && !typesutil.IsNamed(recvType, pkg, "Router") {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	recv := e.eval(fr, sel.X)
	g, ok := recv.(*fiberGroup)
	if !ok {
		if chain {
			e.evalArgs(fr, call.Args)
			return nil, true // a chain the evaluation lost
		}
		g = &fiberGroup{app: e.asRouter(recv, framework)}
		recv = g.app
	}
	info := e.pass.TypesInfo
	// path returns the path of a route or Use in the app's stack, and
	// whether it is known.
	path := func(i int) (string, bool) {
		if g.dynamic {
			return "", false
		}
		if g.chain {
			return fiberJoin(g.prefix, ""), true
		}
		if i >= len(call.Args) {
			return "", false
		}
		p, ok := e.routeStr(call.Args[i])
		if !ok {
			return "", false
		}
		return fiberJoin(g.prefix, p), true
	}
	// first is the index of the first argument after the path: a chain's
	// methods take no path.
	first := 1
	if g.chain {
		first = 0
	}
	if g.chain && fn.Name() == "All" {
		// A chain's All is a Use at its path.
		if mws := e.middlewareArgs(fr, call.Args); len(mws) > 0 {
			e.attach(g.app, fiberScope(g), mws...)
		}
		return g, true
	}
	switch name := fn.Name(); name {
	case "Use":
		e.fiberUse(fr, g, call)
	case "Add":
		if len(call.Args) < first+1 {
			return recv, true
		}
		m, ok := e.routeStr(call.Args[0])
		if ms, list := constMethods(info, call.Args[0], true); list {
			m, ok = pickMethod(ms), true // v3: Add(methods []string, ...)
		} else if lit, isLit := ast.Unparen(call.Args[0]).(*ast.CompositeLit); isLit && len(lit.Elts) == 1 {
			m, ok = e.routeStr(lit.Elts[0]) // v3: a wrapper's Add([]string{method}, ...)
		}
		if !ok {
			e.evalArgs(fr, call.Args)
			return recv, true // an unknown method: the route is not followed
		}
		if !hasParams(m) {
			m = strings.ToUpper(m) // a template's instantiation upper-cases it
		}
		p, _ := path(1)
		e.registerChain(fr, g.app, m, p, call, call.Args[first+1:])
	case "All":
		if len(call.Args) >= 1 {
			p, _ := path(0)
			e.registerChain(fr, g.app, "", p, call, call.Args[first:])
		}
	case "RouteChain":
		sub := &fiberGroup{app: g.app, dynamic: g.dynamic, chain: true, prefix: g.prefix}
		if len(call.Args) == 0 {
			return sub, true
		}
		if p, ok := e.routeStr(call.Args[0]); ok && !g.dynamic {
			sub.prefix = fiberGroupPath(g.prefix, p)
		} else {
			sub.dynamic = true
		}
		return sub, true
	case "Group", "Route":
		sub := &fiberGroup{app: g.app, dynamic: g.dynamic}
		if len(call.Args) > 0 {
			if p, ok := e.routeStr(call.Args[0]); ok && !g.dynamic {
				sub.prefix = fiberGroupPath(g.prefix, p)
			} else {
				sub.dynamic = true
			}
		}
		if name == "Group" {
			if mws := e.middlewareArgs(fr, call.Args[min(1, len(call.Args)):]); len(mws) > 0 {
				e.attach(g.app, fiberScope(sub), mws...)
			}
			return sub, true
		}
		if len(call.Args) >= 2 {
			switch cb := e.eval(fr, call.Args[1]).(type) {
			case litRef:
				e.callLit(fr, cb.lit, sub)
			case funcRef:
				e.callback(cb.fn, call, sub)
			}
		}
		return sub, true
	case "Mount":
		if len(call.Args) != 2 {
			e.evalArgs(fr, call.Args)
			return recv, true
		}
		p, ok := path(0)
		h := e.asHandler(e.eval(fr, call.Args[1]))
		if ok && h != nil {
			g.app.mounts = append(g.app.mounts, &mount{prefix: strings.TrimRight(p, "/"), h: h, order: e.stamp()})
		}
	case "Listen", "ListenTLS", "ListenTLSWithCertificate", "ListenMutualTLS", "ListenMutualTLSWithCertificate", "Listener":
		e.evalArgs(fr, call.Args)
		if app {
			e.serve(&handler{router: g.app}, call.Pos())
		}
		return nil, true
	case "Name", "Static":
		e.evalArgs(fr, call.Args)
	default:
		method, ok := fiberMethods[name]
		if !ok {
			e.evalArgs(fr, call.Args)
			return nil, true // Test, Shutdown, Stack, ...
		}
		if len(call.Args) >= first {
			p, _ := path(0)
			e.registerChain(fr, g.app, method, p, call, call.Args[first:])
		}
	}
	if g.chain {
		return g, true
	}
	return recv, true
}

// fiberUse models Use(args ...any): string and []string arguments are
// path prefixes (the last one given wins), the others handlers.
func (e *evaluator) fiberUse(fr *frame, g *fiberGroup, call *ast.CallExpr) {
	info := e.pass.TypesInfo
	var mws []Middleware
	var prefixes []string
	var sub *handler // v3: Use(prefix, app) mounts app
	known := !g.dynamic && !call.Ellipsis.IsValid()
	for _, a := range call.Args {
		t := info.TypeOf(a)
		if t == nil {
			continue
		}
		if typesutil.IsNamed(t, fiberV3Path, "App") {
			sub = e.asHandler(e.eval(fr, a))
			continue
		}
		// Use's type switch takes exactly string and []string as prefixes.
		if b, ok := t.(*types.Basic); ok && b.Info()&types.IsString != 0 {
			p, ok := e.str(a)
			known = known && ok
			prefixes = []string{p}
			continue
		}
		if s, ok := t.(*types.Slice); ok && types.Identical(s.Elem(), types.Typ[types.String]) {
			ps, ok := constMethods(info, a, false)
			known = known && ok
			prefixes = ps
			continue
		}
		if call.Ellipsis.IsValid() {
			e.eval(fr, a)
			mws = append(mws, Middleware{Name: exprName(a), Pos: a.Pos(), Unknown: true})
			continue
		}
		mws = append(mws, e.asMiddleware(e.eval(fr, a), a)...)
	}
	if sub != nil {
		// fiber mounts at the first prefix only, ignoring the handlers.
		if known {
			p := ""
			if len(prefixes) > 0 {
				p = prefixes[0]
			}
			g.app.mounts = append(g.app.mounts, &mount{prefix: strings.TrimRight(fiberJoin(g.prefix, p), "/"), h: sub, order: e.stamp()})
		}
		return
	}
	if len(mws) == 0 {
		return
	}
	if !known || len(prefixes) == 0 {
		prefixes = []string{""} // every path, as far as the analysis can tell
	}
	for _, p := range prefixes {
		scope := ""
		if known {
			scope = fiberScope(&fiberGroup{app: g.app, prefix: fiberGroupPath(g.prefix, p)})
		}
		e.attach(g.app, scope, mws...)
	}
}

// fiberGroupPath is fiber's getGroupPath: path below a group prefix. A
// path that is a wrapper's template starting with its caller's argument
// gets the slash at instantiation, when the argument lacks one.
func fiberGroupPath(prefix, path string) string {
	if path == "" {
		return prefix
	}
	switch path[0] {
	case '/', tmplSlash:
	case tmplParam, tmplIf:
		path = string(rune(tmplSlash)) + path
	default:
		path = "/" + path
	}
	return strings.TrimRight(prefix, "/") + path
}

// fiberJoin returns the path a route is registered at in the app's
// stack: below the group prefix, with a leading slash.
func fiberJoin(prefix, path string) string {
	p := fiberGroupPath(prefix, path)
	switch {
	case p == "":
		p = "/"
	case p[0] == tmplParam || p[0] == tmplIf:
		p = string(rune(tmplSlash)) + p
	case p[0] != '/' && p[0] != tmplSlash:
		p = "/" + p
	}
	return p
}

// fiberScope returns the path prefix middleware attached at a group's
// prefix is limited to: "" when it covers every path. fiber v3 matches
// the prefix at a segment boundary only, which a trailing slash says
// (see prefixCovers).
func fiberScope(g *fiberGroup) string {
	if g.dynamic || hasParams(g.prefix) {
		return "" // as far as the analysis can tell, every path
	}
	p := strings.TrimRight(fiberJoin("", g.prefix), "/")
	if p == "" {
		return ""
	}
	if g.app.framework == "fiber/v3" {
		return p + "/"
	}
	return p
}

// fiberIdempotencyCall models fiber's own idempotency middleware (v2 and
// v3), which
// counts as the platform middleware.
func fiberIdempotencyCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	if fn.Signature().Recv() != nil || fn.Name() != "New" {
		return nil, false
	}
	e.evalArgs(fr, call.Args)
	m := e.middlewareOf(fn, call.Fun)
	m.Platform = true
	return mwList{m}, true
}

// fiberAdaptorCall models fiber's net/http adaptor (v2 and v3): HTTPMiddleware turns
// net/http middleware into fiber middleware, HTTPHandler(Func) a net/http
// handler into a fiber handler (its wrapping counts), FiberApp serves an
// app through net/http.
func fiberAdaptorCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	if fn.Signature().Recv() != nil || len(call.Args) != 1 {
		return nil, false
	}
	switch fn.Name() {
	case "HTTPMiddleware":
		return append(mwList{}, e.asMiddleware(e.eval(fr, call.Args[0]), call.Args[0])...), true
	case "HTTPHandler", "HTTPHandlerFunc", "HTTPHandlerWithContext", "FiberHandler", "FiberHandlerFunc":
		if h := e.asHandler(e.eval(fr, call.Args[0])); h != nil {
			return h, true
		}
		return nil, true
	case "FiberApp":
		return &handler{router: e.asRouter(e.eval(fr, call.Args[0]), fiberFramework(fn.Pkg().Path()))}, true
	}
	return nil, false
}
