package retries

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// backoffV4 recognises cenkalti/backoff v4's Retry, RetryNotify,
// RetryWithData, RetryNotifyWithData, RetryNotifyWithTimer and
// RetryNotifyWithTimerAndData: the operation is the first argument, the
// BackOff the second.
func (a *finder) backoffV4(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	if !isFunc(fn, backoffV4, "Retry", "RetryNotify", "RetryWithData", "RetryNotifyWithData", "RetryNotifyWithTimer", "RetryNotifyWithTimerAndData") || len(call.Args) < 2 {
		return nil
	}
	r := &Retry{Mechanism: "backoff." + fn.Name(), Pos: call.Pos(), End: call.End()}
	bounded, waits, known := a.backOffV4Policy(s, call.Args[1], 0)
	if known && !bounded {
		r.Unbounded = "its BackOff never stops"
		r.BoundFix = "set MaxElapsedTime, or wrap the BackOff in backoff.WithMaxRetries or backoff.WithContext"
	}
	if known && !waits {
		r.NoBackoff = "a ZeroBackOff tries again at once"
		r.BackoffFix = "use backoff.NewExponentialBackOff()"
	}
	a.retriedFunc(r, s, call.Args[0])
	return r
}

// backOffV4Policy describes a v4 BackOff expression: whether it stops,
// whether it waits between attempts, and whether the pass knows.
func (a *finder) backOffV4Policy(s *site, e ast.Expr, depth int) (bounded, waits, known bool) {
	if depth > syntax.MaxDepth {
		return false, false, false
	}
	info := a.pass.TypesInfo
	x := a.idx.Resolve(e)
	v := localVar(info, ast.Unparen(stripAddr(e)))
	switch x := x.(type) {
	case *ast.CallExpr:
		fn := calleeFunc(info, x)
		switch {
		case isFunc(fn, backoffV4, "WithMaxRetries", "WithContext") && len(x.Args) == 2:
			_, waits, known = a.backOffV4Policy(s, x.Args[0], depth+1)
			return true, waits, known
		case isFunc(fn, backoffV4, "NewExponentialBackOff"):
			bounded = true
			for _, opt := range x.Args {
				if oc, ofn := a.idx.ResolveCall(opt); isFunc(ofn, backoffV4, "WithMaxElapsedTime") && len(oc.Args) == 1 && isZero(info, oc.Args[0]) {
					bounded = false
				}
			}
			return a.elapsedAssigned(s, v, bounded), true, true
		case isFunc(fn, backoffV4, "NewConstantBackOff") && len(x.Args) == 1:
			return false, !isZero(info, x.Args[0]), true
		}
	case *ast.CompositeLit:
		t := info.TypeOf(x)
		switch {
		case typesutil.IsNamed(t, backoffV4, "ExponentialBackOff"):
			m, keyed := compositeField(x, "MaxElapsedTime")
			if !keyed {
				return false, false, false
			}
			return a.elapsedAssigned(s, v, m != nil && !isZero(info, m)), true, true
		case typesutil.IsNamed(t, backoffV4, "ConstantBackOff"):
			iv, keyed := compositeField(x, "Interval")
			return false, keyed && iv != nil && !isZero(info, iv), keyed
		case typesutil.IsNamed(t, backoffV4, "ZeroBackOff"):
			return false, false, true
		case typesutil.IsNamed(t, backoffV4, "StopBackOff"):
			return true, true, true
		}
	}
	return false, false, false
}

// elapsedAssigned applies later assignments to v.MaxElapsedTime.
func (a *finder) elapsedAssigned(s *site, v *types.Var, bounded bool) bool {
	if v == nil {
		return bounded
	}
	for _, x := range fieldAssigns(a.pass.TypesInfo, s.fn, v, "MaxElapsedTime") {
		bounded = !isZero(a.pass.TypesInfo, x)
	}
	return bounded
}

func stripAddr(e ast.Expr) ast.Expr {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok {
		return u.X
	}
	return e
}

// backoffV5 recognises cenkalti/backoff v5's Retry(ctx, op, opts...).
func (a *finder) backoffV5(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	if !isFunc(fn, backoffV5, "Retry") || len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return nil
	}
	info := a.pass.TypesInfo
	r := &Retry{Mechanism: "backoff.Retry", Pos: call.Pos(), End: call.End()}
	elapsed, tries, known := true, false, true
	waits := true
	for _, opt := range call.Args[2:] {
		oc, ofn := a.idx.ResolveCall(opt)
		switch {
		case oc == nil:
			known = false
		case isFunc(ofn, backoffV5, "WithMaxElapsedTime") && len(oc.Args) == 1:
			elapsed = !isZero(info, oc.Args[0])
		case isFunc(ofn, backoffV5, "WithMaxTries") && len(oc.Args) == 1:
			tries = !isZero(info, oc.Args[0])
		case isFunc(ofn, backoffV5, "WithBackOff") && len(oc.Args) == 1:
			if lit, ok := a.idx.Resolve(oc.Args[0]).(*ast.CompositeLit); ok && typesutil.IsNamed(info.TypeOf(lit), backoffV5, "ZeroBackOff") {
				waits = false
			}
		}
	}
	if known && !elapsed && !tries && !a.ctxBounded(s, call.Args[0], true) {
		r.Unbounded = "WithMaxElapsedTime(0) without WithMaxTries retries until it succeeds"
		r.BoundFix = "add backoff.WithMaxTries or a positive backoff.WithMaxElapsedTime"
	}
	if !waits {
		r.NoBackoff = "a ZeroBackOff tries again at once"
		r.BackoffFix = "use the default exponential backoff"
	}
	a.retriedFunc(r, s, call.Args[1])
	return r
}

// ctxBounded reports whether a context expression has a deadline the
// pass can see; unknown contexts count as bounded when doubt is true.
func (a *finder) ctxBounded(s *site, ctx ast.Expr, doubt bool) bool {
	for range syntax.MaxDepth {
		call, fn := a.idx.ResolveCall(ctx)
		switch {
		case isFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"):
			return true
		case isFunc(fn, "context", "Background", "TODO"):
			return false
		case isFunc(fn, "context", "WithCancel", "WithValue", "WithoutCancel", "WithCancelCause") && len(call.Args) > 0:
			ctx = call.Args[0]
			continue
		}
		return doubt
	}
	return doubt
}
