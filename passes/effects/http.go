package effects

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/passes/syntax"
)

// Outbound HTTP with a mutating method (net/http) and mail (net/smtp).
func init() {
	register(
		api{"net/http", "", []string{"Post", "PostForm"}, httpPost(0)},
		api{"net/http", "Client", []string{"Post", "PostForm"}, httpPost(0)},
		api{"net/http", "Client", []string{"Do"}, httpDo},
		api{"net/smtp", "", []string{"SendMail"}, always(effect{kind: Mail, desc: "sends mail"})},
	)
}

func httpPost(i int) classifier {
	return func(s *site) (effect, bool) {
		desc := "sends a POST request"
		if u, ok := s.str(i); ok {
			desc = "sends POST " + u
		}
		return effect{kind: HTTP, desc: desc}, true
	}
}

// httpDo judges Client.Do by the method of its request: built in the call
// or defined once in the package with http.NewRequest(WithContext), its
// method a constant, or a field or parameter the package sets to constants
// (requestMethods). Mutating methods other than POST and PATCH (PUT,
// DELETE) are naturally idempotent; a request that may be a POST or PATCH
// is one; any other method is no effect, and one the package does not
// show is not known.
func httpDo(s *site) (effect, bool) {
	methods, unknown, url := s.in.requestMethod(s.arg(0))
	var e effect
	method := ""
	for _, m := range methods {
		if m == "POST" || m == "PATCH" {
			method = m
			break
		}
		if (m == "PUT" || m == "DELETE") && method == "" {
			method = m
		}
	}
	switch method {
	case "POST", "PATCH":
		e = effect{kind: HTTP, desc: "sends " + method + " request"}
		if url != "" {
			e.desc = "sends " + method + " " + url
		}
	case "PUT", "DELETE":
		if unknown {
			return effect{unknown: true}, true
		}
		e = effect{kind: HTTP, desc: "sends " + method + " request", idempotent: true}
	default:
		return effect{unknown: unknown}, unknown
	}
	return e, true
}

// requestMethod returns the methods (upper case) the request x denotes can
// have, whether it can have others the package does not show, and its
// constant URL.
func (in *inferrer) requestMethod(x ast.Expr) (methods []string, unknown bool, url string) {
	for range syntax.MaxDepth {
		x = ast.Unparen(x)
		if id, ok := x.(*ast.Ident); ok {
			x = in.definition(in.pass.TypesInfo.Uses[id])
			continue
		}
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return nil, true, ""
		}
		fn, ok := typeutil.Callee(in.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
			return nil, true, ""
		}
		i := 0
		switch fn.Name() {
		case "NewRequest":
		case "NewRequestWithContext":
			i = 1
		default:
			return nil, true, ""
		}
		if i+1 >= len(call.Args) {
			return nil, true, ""
		}
		methods, unknown = in.valuesOf(call.Args[i], 0)
		for j, m := range methods {
			methods[j] = strings.ToUpper(m)
		}
		u, _ := in.constString(call.Args[i+1])
		return methods, unknown, u
	}
	return nil, true, ""
}

// valuesOf returns the constant strings x can hold, following a local
// variable to its definition, a parameter of a function of the package to
// the arguments of its calls and a field to the values the package gives
// it, and whether x can hold values the package does not show.
func (in *inferrer) valuesOf(x ast.Expr, depth int) (vals []string, unknown bool) {
	if v, ok := in.constString(x); ok {
		return []string{v}, false
	}
	if depth > syntax.MaxDepth {
		return nil, true
	}
	var from []ast.Expr
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		v, ok := in.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok {
			return nil, true
		}
		if def := in.definition(v); def != nil {
			from = []ast.Expr{def}
		} else if from, ok = in.args(v); !ok {
			return nil, true
		}
	case *ast.SelectorExpr:
		sel := in.pass.TypesInfo.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return nil, true
		}
		for _, fv := range in.syn.FieldValues(sel.Obj().(*types.Var)) {
			from = append(from, fv.Value)
		}
		unknown = sel.Obj().Exported() // other packages may set it
	default:
		return nil, true
	}
	if len(from) == 0 {
		return nil, true
	}
	for _, f := range from {
		vs, u := in.valuesOf(f, depth+1)
		vals = append(vals, vs...)
		unknown = unknown || u
	}
	return vals, unknown
}
