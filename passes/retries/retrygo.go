package retries

import (
	"go/ast"
	"go/types"
)

// retryGo recognises avast/retry-go's Do(fn, opts...) (v3, under both of
// its import paths, and v4) and v4's DoWithData(fn, opts...): 10 attempts
// by default; in v4 without end with Attempts(0) or UntilSucceeded()
// unless a Context option has a deadline (in v3 Attempts(0) makes no
// attempt).
func (a *finder) retryGo(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	if !isFunc(fn, fn.Pkg().Path(), "Do", "DoWithData") || len(call.Args) < 1 {
		return nil
	}
	r := &Retry{Mechanism: "retry." + fn.Name(), Pos: call.Pos(), End: call.End()}
	if !call.Ellipsis.IsValid() {
		a.retryGoOptions(s, r, fn.Pkg().Path(), call.Args[1:])
	}
	a.retriedFunc(r, s, call.Args[0])
	return r
}

// retryGoV5Do recognises avast/retry-go v5's retry.New(opts...).Do(fn)
// and retry.NewWithData[T](opts...).Do(fn), with v4's defaults.
func (a *finder) retryGoV5Do(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	pkg := fn.Pkg().Path()
	if !isMethod(fn, pkg, "Retrier", "Do") && !isMethod(fn, pkg, "RetrierWithData", "Do") || len(call.Args) != 1 {
		return nil
	}
	r := &Retry{Mechanism: "retry.Do", Pos: call.Pos(), End: call.End()}
	if nc, nfn := a.idx.ResolveCall(receiver(call)); isFunc(nfn, pkg, "New", "NewWithData") && !nc.Ellipsis.IsValid() {
		a.retryGoOptions(s, r, pkg, nc.Args)
	}
	a.retriedFunc(r, s, call.Args[0])
	return r
}

// retryGoOptions reads the bound and backoff of retry-go options.
// Delay(0) with DelayType(FixedDelay) waits for nothing between attempts.
func (a *finder) retryGoOptions(s *site, r *Retry, pkg string, opts []ast.Expr) {
	info := a.pass.TypesInfo
	forever, ctxBound := false, false
	zeroDelay, fixed := false, false
	for _, opt := range opts {
		oc, ofn := a.idx.ResolveCall(opt)
		switch {
		case isFunc(ofn, pkg, "Attempts") && len(oc.Args) == 1:
			forever = isZero(info, oc.Args[0]) && pkg != retryGoV3 && pkg != retryGoV3Old
		case isFunc(ofn, pkg, "UntilSucceeded"):
			forever = true
		case isFunc(ofn, pkg, "Context") && len(oc.Args) == 1:
			ctxBound = a.ctxBounded(s, oc.Args[0], true)
		case isFunc(ofn, pkg, "Delay") && len(oc.Args) == 1:
			zeroDelay = isZero(info, oc.Args[0])
		case isFunc(ofn, pkg, "DelayType") && len(oc.Args) == 1:
			f, _ := exprObject(info, oc.Args[0]).(*types.Func)
			fixed = isFunc(f, pkg, "FixedDelay")
		}
	}
	if forever && !ctxBound {
		r.Unbounded = "Attempts(0) or UntilSucceeded() retries until it succeeds"
		r.BoundFix = "use retry.Attempts(n) with n > 0 or a retry.Context with a deadline"
	}
	if zeroDelay && fixed {
		r.NoBackoff = "Delay(0) with DelayType(FixedDelay) tries again at once"
		r.BackoffFix = "give retry.Delay a positive duration, or use retry.BackOffDelay"
	}
}
