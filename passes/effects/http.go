package effects

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
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
// or defined once in the package with http.NewRequest(WithContext) and a
// constant method. Mutating methods other than POST and PATCH (PUT,
// DELETE) are naturally idempotent; an unknown method is no effect.
func httpDo(s *site) (effect, bool) {
	method, url := s.in.requestMethod(s.arg(0))
	var e effect
	switch method {
	case "POST", "PATCH":
		e = effect{kind: HTTP, desc: "sends " + method + " request"}
		if url != "" {
			e.desc = "sends " + method + " " + url
		}
	case "PUT", "DELETE":
		e = effect{kind: HTTP, desc: "sends " + method + " request", idempotent: true}
	default:
		return effect{}, false
	}
	return e, true
}

// requestMethod returns the constant method (upper case) and URL of the
// request x denotes.
func (in *inferrer) requestMethod(x ast.Expr) (method, url string) {
	for range 3 {
		x = ast.Unparen(x)
		if id, ok := x.(*ast.Ident); ok {
			x = in.definition(in.pass.TypesInfo.Uses[id])
			continue
		}
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return "", ""
		}
		fn, ok := typeutil.Callee(in.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
			return "", ""
		}
		i := 0
		switch fn.Name() {
		case "NewRequest":
		case "NewRequestWithContext":
			i = 1
		default:
			return "", ""
		}
		if i+1 >= len(call.Args) {
			return "", ""
		}
		m, _ := in.constString(call.Args[i])
		u, _ := in.constString(call.Args[i+1])
		return strings.ToUpper(m), u
	}
	return "", ""
}
