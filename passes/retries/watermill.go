package retries

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const (
	watermillMessage    = "github.com/ThreeDotsLabs/watermill/message"
	watermillMiddleware = watermillMessage + "/router/middleware"
)

// watermillRetry recognises watermill's middleware.Retry added with
// AddMiddleware to a router (retrying each of its handlers) or to one
// handler: a handler that fails is run again, whatever it did, up to
// MaxRetries more times, waiting InitialInterval first (none when it is
// zero). The retry is at the AddMiddleware call; a Retry built by code
// the analysis cannot see, or with no retry (MaxRetries 0), is not one.
func (a *finder) watermillRetry(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	router := isMethod(fn, watermillMessage, "Router", "AddMiddleware")
	if !router && !isMethod(fn, watermillMessage, "Handler", "AddMiddleware") {
		return nil
	}
	info := a.pass.TypesInfo
	var lit *ast.CompositeLit
	for _, arg := range call.Args {
		sel, ok := ast.Unparen(arg).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Middleware" || !typesutil.IsNamed(info.TypeOf(sel.X), watermillMiddleware, "Retry") {
			continue
		}
		if lit, ok = a.idx.Resolve(sel.X).(*ast.CompositeLit); ok {
			break
		}
	}
	if lit == nil {
		return nil
	}
	if m, _ := compositeField(lit, "MaxRetries"); m == nil || isZero(info, m) {
		return nil // no retry
	}
	r := &Retry{Mechanism: "watermill middleware.Retry", Pos: call.Pos(), End: call.End(), indirect: true}
	if iv, _ := compositeField(lit, "InitialInterval"); iv == nil || isZero(info, iv) {
		r.NoBackoff = "an InitialInterval of 0 retries at once"
		r.BackoffFix = "set InitialInterval (and Multiplier) so that retries back off"
	}
	recv := receiver(call)
	if router {
		for _, h := range a.watermillHandlers(recv) {
			a.retriedFunc(r, s, h)
		}
	} else if hc, hfn := a.idx.ResolveCall(recv); hc != nil {
		if h := watermillHandlerArg(hc, hfn); h != nil {
			a.retriedFunc(r, s, h)
		}
	}
	return r
}

// watermillHandlers returns the handler functions added in the package to
// the router that recv names.
func (a *finder) watermillHandlers(recv ast.Expr) []ast.Expr {
	info := a.pass.TypesInfo
	obj := exprObject(info, recv)
	if obj == nil {
		return nil
	}
	var out []ast.Expr
	for _, c := range a.idx.AllCalls() {
		if exprObject(info, receiver(c)) == obj {
			if h := watermillHandlerArg(c, calleeFunc(info, c)); h != nil {
				out = append(out, h)
			}
		}
	}
	return out
}

// watermillHandlerArg returns the handler function of a Router.AddHandler,
// AddNoPublisherHandler or AddConsumerHandler call.
func watermillHandlerArg(call *ast.CallExpr, fn *types.Func) ast.Expr {
	i := 3
	switch {
	case isMethod(fn, watermillMessage, "Router", "AddHandler"):
		i = 5
	case isMethod(fn, watermillMessage, "Router", "AddNoPublisherHandler", "AddConsumerHandler"):
	default:
		return nil
	}
	if i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}
