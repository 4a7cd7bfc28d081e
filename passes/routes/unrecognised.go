package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// An Unrecognised is a call that looks like a route registration on a
// router the model does not know: a method named like a registration
// (Post, HandleFunc, ...) of a type from a package that is not a
// supported framework, with a constant path and an argument that looks
// like a handler (a function or a value with a ServeHTTP method). It is never reported; the
// inventory lists it.
type Unrecognised struct {
	Call     *ast.CallExpr
	Receiver string // the receiver's type: "*otherrouter.Router"
	Method   string // upper-case method; "" when the call names none
	Path     string // the constant path
}

// registrationNames maps the names of registration methods to the
// method they register ("" for any or a method given as an argument).
var registrationNames = map[string]string{
	"Post": "POST", "POST": "POST",
	"Patch": "PATCH", "PATCH": "PATCH",
	"Put": "PUT", "PUT": "PUT",
	"Delete": "DELETE", "DELETE": "DELETE",
	"Get": "GET", "GET": "GET",
	"Handle": "", "HandleFunc": "", "Any": "", "All": "", "Add": "",
}

// unrecognised finds the calls of the package that look like route
// registrations on an unknown router. Calls the model resolved as
// routes are left out. It reads the package's calls from the syntax
// index and checks the method name before any type lookup.
func unrecognised(pass *analysis.Pass, idx *syntax.Index, known []*Route) []Unrecognised {
	if typesutil.IsStd(pass.Pkg.Path()) {
		// The standard library imports only itself, and its one router,
		// net/http's ServeMux, is modelled.
		return nil
	}
	if !registrars.Reached(pass.Pkg) && !registrar(pass.Pkg) {
		// No type in reach has a registration method. (A type declared
		// inside a function is not looked at.)
		return nil
	}
	var out []Unrecognised
	resolved := make(map[*ast.CallExpr]bool, len(known))
	for _, rt := range known {
		if rt != nil {
			resolved[rt.Call] = true
		}
	}
	for _, call := range idx.AllCalls() {
		if len(call.Args) < 2 {
			continue
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		method, ok := registrationNames[sel.Sel.Name]
		if !ok || resolved[call] {
			continue
		}
		if u, ok := unrecognisedCall(pass.TypesInfo, call, sel, method); ok {
			out = append(out, u)
		}
	}
	return out
}

// registrars tells whether a package's imports reach a registrar.
var registrars = typesutil.NewImportSet(registrar)

// registrar reports whether pkg, outside the standard library and the
// supported frameworks, declares a type with a method named like a
// registration: only such a type can be an unknown router.
func registrar(pkg *types.Package) bool {
	if typesutil.IsStd(pkg.Path()) || supported(pkg) {
		return false
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if n, ok := types.Unalias(tn.Type()).(*types.Named); ok {
			for m := range n.Methods() {
				if _, ok := registrationNames[m.Name()]; ok {
					return true
				}
			}
		}
		if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				if _, ok := registrationNames[m.Name()]; ok {
					return true
				}
			}
		}
	}
	return false
}

func unrecognisedCall(info *types.Info, call *ast.CallExpr, sel *ast.SelectorExpr, method string) (Unrecognised, bool) {
	// The path: the first argument, or the second after a constant
	// method (Add("POST", "/x", h)).
	first, ok := typesutil.ConstString(info, call.Args[0])
	if !ok {
		return Unrecognised{}, false
	}
	var path string
	switch {
	case strings.HasPrefix(first, "/"):
		path = first
	case method == "" && isMethodName(first):
		second, ok := typesutil.ConstString(info, call.Args[1])
		if !ok || !strings.HasPrefix(second, "/") || len(call.Args) < 3 {
			return Unrecognised{}, false
		}
		method, path = first, second
	case method == "":
		// A Go 1.22 pattern: "POST /v1/x", optionally with a host.
		m, rest, ok := strings.Cut(first, " ")
		rest = strings.TrimLeft(rest, " \t")
		if !ok || !isMethodName(m) {
			return Unrecognised{}, false
		}
		if i := strings.Index(rest, "/"); i < 0 || strings.ContainsAny(rest[:i], " \t") {
			return Unrecognised{}, false
		}
		method, path = m, rest
	default:
		return Unrecognised{}, false
	}
	if !handlerArg(info, call.Args[1:]) {
		return Unrecognised{}, false // a client call: c.Post("/v1/x", body)
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return Unrecognised{}, false
	}
	if fn := s.Obj(); fn == nil || supported(fn.Pkg()) {
		return Unrecognised{}, false
	}
	recv := s.Recv()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	var pkg *types.Package
	switch t := types.Unalias(recv).(type) {
	case *types.Named:
		pkg = t.Obj().Pkg()
	default:
		return Unrecognised{}, false
	}
	if pkg == nil || supported(pkg) || stdlib(pkg.Path()) {
		return Unrecognised{}, false
	}
	return Unrecognised{
		Call:     call,
		Receiver: types.TypeString(s.Recv(), func(p *types.Package) string { return p.Name() }),
		Method:   method,
		Path:     path,
	}, true
}

// supported reports whether pkg is a supported framework.
func supported(pkg *types.Package) bool {
	return pkg != nil && frameworks[pkg.Path()] != nil
}

// stdlib reports whether path is a standard library package whose
// methods take keys that may look like paths (url.Values.Add,
// textproto.MIMEHeader.Get, expvar.Map.Add). No router outside net/http
// lives in the standard library.
func stdlib(path string) bool {
	switch path {
	case "net/url", "net/textproto", "expvar", "sync", "context":
		return true
	}
	return strings.HasPrefix(path, "net/http")
}

// handlerArg reports whether one of args looks like a handler: a
// function, or a value with a ServeHTTP method.
func handlerArg(info *types.Info, args []ast.Expr) bool {
	for _, a := range args {
		t := info.TypeOf(a)
		if t == nil {
			continue
		}
		if _, ok := t.Underlying().(*types.Signature); ok {
			return true
		}
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP"); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

func isMethodName(s string) bool {
	switch s {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE":
		return true
	}
	return false
}
