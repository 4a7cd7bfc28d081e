package idemhandler

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/routes"
)

// rpcFinding reports an unprotected procedure at its registration call
// (RegisterXxxServer, NewXxxHandler), one finding per procedure; method
// is what routes.Unprotected returned for it.
func rpcFinding(pass *analysis.Pass, dirs *directives.Result, rt *routes.Route, method string) *report.Finding {
	return &report.Finding{
		Pos: rt.Pos,
		End: rt.End,
		Message: fmt.Sprintf("rpc %s is served without idempotency middleware (clients and proxies retry rpc calls); install %s or exempt it with an ADR",
			report.DisplayPath(rt.Path), interceptorName(pass, dirs, rt.Framework)),
		Related:    servedAt(rt),
		Exemptions: rt.Exemptions(),
		Subject:    report.Subject{Route: rt, Method: method},
		Reason:     report.Unprotected,
	}
}

// interceptorName names the platform interceptor for a framework when
// exactly one is known: a //idem:middleware function that is, or returns,
// one of the framework's interceptors (routes.IsInterceptor).
func interceptorName(pass *analysis.Pass, dirs *directives.Result, framework string) string {
	var cands []*types.Func
	for _, obj := range dirs.Objects(directives.Middleware) {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Signature().Recv() != nil || !(fn.Exported() || fn.Pkg() == pass.Pkg) {
			continue
		}
		if routes.IsInterceptor(pass.Pkg, framework, fn) {
			cands = append(cands, fn)
		}
	}
	if len(cands) > 1 { // prefer the platform's own over local wrappers
		var platform []*types.Func
		for _, fn := range cands {
			if fn.Pkg() != pass.Pkg {
				platform = append(platform, fn)
			}
		}
		cands = platform
	}
	if len(cands) != 1 {
		return "the platform idempotency interceptor"
	}
	if cands[0].Pkg() == pass.Pkg {
		return cands[0].Name()
	}
	return cands[0].Pkg().Name() + "." + cands[0].Name()
}
