package retries

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/passes/syntax"
)

// goRetry recognises sethvargo/go-retry's Do and DoValue(ctx, b, f) and
// Constant, Exponential and Fibonacci(ctx, d, f). Only an error wrapped
// in retry.RetryableError is retried, so a function that never wraps one
// is not a retry. A backoff without WithMaxRetries or WithMaxDuration
// retries forever unless its context has a deadline.
func (a *finder) goRetry(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	if !isFunc(fn, goRetry, "Do", "DoValue", "Constant", "Exponential", "Fibonacci") || len(call.Args) != 3 {
		return nil
	}
	body := a.funcBody(s, call.Args[2])
	if body == nil || !a.wrapsRetryable(body) {
		return nil
	}
	r := &Retry{Mechanism: "retry." + fn.Name(), Pos: call.Pos(), End: call.End()}
	unbounded := true // Constant, Exponential, Fibonacci
	if fn.Name() == "Do" || fn.Name() == "DoValue" {
		bounded, known := a.goRetryBackoff(s, call.Args[1], 0)
		unbounded = known && !bounded
	}
	if unbounded && !a.ctxBounded(s, call.Args[0], true) {
		r.Unbounded = "its backoff has no WithMaxRetries or WithMaxDuration and its context no deadline"
		r.BoundFix = "wrap the backoff in retry.WithMaxRetries or retry.WithMaxDuration"
	}
	a.retriedFunc(r, s, call.Args[2])
	return r
}

// goRetryBackoff reports whether a go-retry Backoff expression is bounded.
func (a *finder) goRetryBackoff(s *site, e ast.Expr, depth int) (bounded, known bool) {
	if depth > syntax.MaxDepth {
		return false, false
	}
	call, fn := a.idx.ResolveCall(e)
	switch {
	case isFunc(fn, goRetry, "WithMaxRetries", "WithMaxDuration"):
		return true, true
	case isFunc(fn, goRetry, "WithJitter", "WithJitterPercent", "WithFullJitter", "WithCappedDuration") && len(call.Args) > 0:
		return a.goRetryBackoff(s, call.Args[len(call.Args)-1], depth+1)
	case isFunc(fn, goRetry, "NewConstant", "NewExponential", "NewFibonacci"):
		return false, true
	}
	return false, false
}

// funcBody returns the body of a closure or of a function of the package.
func (a *finder) funcBody(s *site, e ast.Expr) ast.Node {
	info := a.pass.TypesInfo
	switch x := a.idx.Resolve(e).(type) {
	case *ast.FuncLit:
		return x.Body
	case *ast.Ident:
		if fn, ok := info.Uses[x].(*types.Func); ok && a.idx.Decl(fn) != nil {
			return a.idx.Decl(fn).Body
		}
	case *ast.SelectorExpr:
		if fn, ok := info.Uses[x.Sel].(*types.Func); ok && a.idx.Decl(fn) != nil {
			return a.idx.Decl(fn).Body
		}
	}
	return nil
}

// wrapsRetryable reports whether body calls retry.RetryableError, itself
// or through functions of the package.
func (a *finder) wrapsRetryable(body ast.Node) bool {
	return a.wrapsRetryableDepth(body, 0)
}

func (a *finder) wrapsRetryableDepth(body ast.Node, depth int) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := calleeFunc(a.pass.TypesInfo, call)
		if isFunc(fn, goRetry, "RetryableError") {
			found = true
		} else if fn != nil && depth < maxDepth {
			if d := a.idx.Decl(fn); d != nil && !contains(d, call) {
				found = a.wrapsRetryableDepth(d.Body, depth+1)
			}
		}
		return !found
	})
	return found
}
