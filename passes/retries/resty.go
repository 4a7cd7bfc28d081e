package retries

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// resty module paths: v2 retries any method once SetRetryCount(n > 0) is
// set; v3 retries POST and PATCH only with SetRetryAllowNonIdempotent(true).
const (
	restyV2 = "github.com/go-resty/resty/v2"
	restyV3 = "resty.dev/v3"
)

// restySettings are what a request and its client are configured with.
type restySettings struct {
	count, countKnown bool // retry count > 0; whether the pass knows
	allow             bool // SetRetryAllowNonIdempotent(true)
	keys              []ast.Expr
}

// resty recognises a request sent through a retrying go-resty client:
// (*Request).Post, Patch and Execute.
func (a *finder) resty(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	pkg := fn.Pkg().Path()
	if !isMethod(fn, pkg, "Request", "Post", "Patch", "Put", "Delete", "Execute") {
		return nil
	}
	info := a.pass.TypesInfo
	method, urlArg := strings.ToUpper(fn.Name()), 0
	if fn.Name() == "Execute" {
		if len(call.Args) != 2 {
			return nil
		}
		m, ok := typesutil.ConstString(info, call.Args[0])
		if !ok {
			return nil
		}
		method, urlArg = strings.ToUpper(m), 1
	}
	if !a.mutating(method) || len(call.Args) <= urlArg {
		return nil
	}
	var st restySettings
	a.restyChain(s, receiver(call), pkg, &st, 0)
	if !st.count || !st.countKnown || (pkg == restyV3 && !st.allow) {
		return nil
	}
	r := &Retry{Mechanism: "resty Request." + fn.Name(), Pos: call.Pos(), End: call.End()}
	op := &Op{Pos: call.Pos(), End: call.End(), Desc: method + " " + a.url(call.Args[urlArg]), KeyHint: a.headerHint()}
	a.addOp(r, op, st.keys, &frame{scope: s.fn}, "")
	return r
}

// restyChain applies the settings of a chain of resty calls ending in e
// (c.R().SetHeader(...)), following variables, c.R() to the client, and
// the client to where it was built.
func (a *finder) restyChain(s *site, e ast.Expr, pkg string, st *restySettings, depth int) {
	if e == nil || depth > syntax.MaxDepth {
		return
	}
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		fn := calleeFunc(info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkg {
			return
		}
		a.restySetting(fn, call, st)
		if fn.Signature().Recv() != nil {
			a.restyChain(s, receiver(call), pkg, st, depth) // a chain ends within the expression
		}
		return
	}
	// a variable or field: its statements and where it was built
	var obj types.Object
	switch x := e.(type) {
	case *ast.Ident:
		obj = info.Uses[x]
	case *ast.SelectorExpr:
		obj = info.Uses[x.Sel]
	}
	if obj == nil {
		return
	}
	for _, c := range a.restyCalls(obj) {
		if fn := calleeFunc(info, c); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg {
			a.restySetting(fn, c, st)
		}
	}
	for _, v := range a.valuesOf(obj) {
		a.restyChain(s, v, pkg, st, depth+1)
	}
}

// restySetting applies one resty call to st.
func (a *finder) restySetting(fn *types.Func, call *ast.CallExpr, st *restySettings) {
	info := a.pass.TypesInfo
	switch fn.Name() {
	case "SetRetryCount":
		if len(call.Args) == 1 {
			if n, ok := constInt(info, call.Args[0]); ok {
				st.count, st.countKnown = n > 0, true
			}
		}
	case "SetRetryAllowNonIdempotent":
		if len(call.Args) == 1 && isTrue(info, call.Args[0]) {
			st.allow = true
		}
	case "SetHeader":
		if len(call.Args) == 2 {
			if k, ok := typesutil.ConstString(info, call.Args[0]); ok && a.keyHeader(k) {
				st.keys = append(st.keys, call.Args[1])
			}
		}
	case "SetHeaders":
		if len(call.Args) == 1 {
			if lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit); ok {
				for _, el := range lit.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if k, ok := typesutil.ConstString(info, kv.Key); ok && a.keyHeader(k) {
							st.keys = append(st.keys, kv.Value)
						}
					}
				}
			}
		}
	}
}

// restyCalls returns the calls made on the variable or field obj as
// statements (c.SetRetryCount(3).SetHeader(...)).
func (a *finder) restyCalls(obj types.Object) []*ast.CallExpr {
	return a.idx.StmtCalls(obj)
}
