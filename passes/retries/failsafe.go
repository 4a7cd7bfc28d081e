package retries

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/passes/syntax"
)

const (
	failsafePkg     = "github.com/failsafe-go/failsafe-go"
	failsafeRetry   = "github.com/failsafe-go/failsafe-go/retrypolicy"
	failsafeHTTPPkg = "github.com/failsafe-go/failsafe-go/failsafehttp"
)

// failsafePolicy describes a failsafe-go retry policy.
type failsafePolicy struct {
	unbounded, noDelay bool
}

// failsafe recognises an executor of failsafe-go built with a retry
// policy (failsafe.With(policies...).Run, Get, RunWithExecution,
// GetWithExecution), and failsafehttp.NewRequest(...).Do. Retry policies
// allow 3 attempts without delay by default; -1 max retries or attempts
// means no limit unless WithMaxDuration is set.
func (a *finder) failsafe(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	if fn.Signature().Recv() == nil || len(call.Args) != 1 {
		return nil
	}
	switch {
	case fn.Pkg().Path() == failsafePkg && (fn.Name() == "Run" || fn.Name() == "Get" || fn.Name() == "RunWithExecution" || fn.Name() == "GetWithExecution"):
		p := a.failsafeExecutor(s, receiver(call), 0)
		if p == nil {
			return nil
		}
		r := &Retry{Mechanism: "failsafe " + fn.Name(), Pos: call.Pos(), End: call.End()}
		a.failsafeBudget(r, p)
		a.retriedFunc(r, s, call.Args[0])
		return r
	}
	return nil
}

// failsafeRequest recognises failsafehttp.NewRequest(req, client, policies...).Do().
func (a *finder) failsafeRequest(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	if !isMethod(fn, failsafeHTTPPkg, "Request", "Do") {
		return nil
	}
	nc, nfn := a.idx.ResolveCall(receiver(call))
	if !isFunc(nfn, failsafeHTTPPkg, "NewRequest") || len(nc.Args) < 3 {
		return nil
	}
	p := a.failsafePolicies(s, nc.Args[2:])
	if p == nil {
		return nil
	}
	r := &Retry{Mechanism: "failsafehttp Request.Do", Pos: call.Pos(), End: call.End()}
	a.failsafeBudget(r, p)
	method, url, keys, kfr := a.request(nc.Args[0], &frame{scope: s.fn})
	if kfr != nil && a.mutating(method) {
		a.addOp(r, &Op{Pos: call.Pos(), End: call.End(), Desc: method + " " + url, KeyHint: a.headerHint()}, keys, kfr, "")
	}
	return r
}

func (a *finder) failsafeBudget(r *Retry, p *failsafePolicy) {
	if p.unbounded {
		r.Unbounded = "its retry policy has no max retries (-1) and no max duration"
		r.BoundFix = "set WithMaxRetries(n) or WithMaxDuration on the retry policy"
	}
	if p.noDelay {
		r.NoBackoff = "failsafe-go retry policies retry at once unless given a delay"
		r.BackoffFix = "add WithBackoff to the retry policy"
	}
}

// failsafeExecutor finds the retry policy of an executor expression.
func (a *finder) failsafeExecutor(s *site, e ast.Expr, depth int) *failsafePolicy {
	if depth > syntax.MaxDepth {
		return nil
	}
	call, fn := a.idx.ResolveCall(e)
	switch {
	case isFunc(fn, failsafePkg, "With"):
		return a.failsafePolicies(s, call.Args)
	case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == failsafePkg && fn.Signature().Recv() != nil:
		p := a.failsafeExecutor(s, receiver(call), depth+1)
		if p == nil && fn.Name() == "Compose" {
			return a.failsafePolicies(s, call.Args)
		}
		return p
	}
	return nil
}

// failsafePolicies returns the retry policy among policies, or nil.
func (a *finder) failsafePolicies(s *site, policies []ast.Expr) *failsafePolicy {
	for _, e := range policies {
		if p := a.failsafeRetryPolicy(s, e); p != nil {
			return p
		}
	}
	return nil
}

// failsafeRetryPolicy describes a retry policy built by a chain of
// builder calls, or returns nil.
func (a *finder) failsafeRetryPolicy(s *site, e ast.Expr) *failsafePolicy {
	info := a.pass.TypesInfo
	p := &failsafePolicy{noDelay: true}
	duration := false
	maxSet := false
	for range 24 {
		call, fn := a.idx.ResolveCall(e)
		if fn == nil || fn.Pkg() == nil {
			return nil
		}
		switch path := fn.Pkg().Path(); {
		case path == failsafeRetry && fn.Signature().Recv() == nil && (fn.Name() == "NewBuilder" || fn.Name() == "NewWithDefaults"):
			p.unbounded = p.unbounded && !duration
			return p
		case path == failsafeHTTPPkg && fn.Name() == "NewRetryPolicyBuilder":
			p.noDelay = false
			p.unbounded = p.unbounded && !duration
			return p
		case path == failsafeRetry && fn.Signature().Recv() != nil:
			switch fn.Name() {
			case "WithMaxRetries", "WithMaxAttempts":
				if !maxSet && len(call.Args) == 1 { // the last call wins
					n, ok := constInt(info, call.Args[0])
					p.unbounded = ok && n == -1
					maxSet = true
				}
			case "WithMaxDuration":
				duration = true
			case "WithDelay":
				if len(call.Args) == 1 && !isZero(info, call.Args[0]) {
					p.noDelay = false
				}
			case "WithBackoff", "WithBackoffFactor", "WithRandomDelay", "WithDelayFunc":
				p.noDelay = false
			}
			e = receiver(call)
		default:
			return nil
		}
	}
	return nil
}
