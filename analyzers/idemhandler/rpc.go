package idemhandler

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/typesutil"
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
// exactly one is known: a //idem:middleware function that returns, or
// is, a grpc.UnaryServerInterceptor (gRPC) or a connect.Interceptor.
func interceptorName(pass *analysis.Pass, dirs *directives.Result, framework string) string {
	var cands []*types.Func
	for _, obj := range dirs.Objects(directives.Middleware) {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Signature().Recv() != nil || !(fn.Exported() || fn.Pkg() == pass.Pkg) {
			continue
		}
		sig := fn.Signature()
		// returns reports whether fn returns one value, of the named
		// type pkg.name itself (not a pointer to it).
		returns := func(pkg, name string) bool {
			if sig.Results().Len() != 1 {
				return false
			}
			t := sig.Results().At(0).Type()
			_, ptr := t.(*types.Pointer)
			return !ptr && typesutil.IsNamed(t, pkg, name)
		}
		switch framework {
		case "grpc":
			if returns("google.golang.org/grpc", "UnaryServerInterceptor") ||
				types.Identical(sig, underlyingOf(pass, "google.golang.org/grpc", "UnaryServerInterceptor")) {
				cands = append(cands, fn)
			}
		case "connect":
			if returns("connectrpc.com/connect", "Interceptor") || returns("connectrpc.com/connect", "UnaryInterceptorFunc") {
				cands = append(cands, fn)
			}
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

// underlyingOf returns the underlying type of pkg.name as imported by the
// package, or an invalid type.
func underlyingOf(pass *analysis.Pass, pkg, name string) types.Type {
	for _, p := range pass.Pkg.Imports() {
		if p.Path() == pkg {
			if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
				return tn.Type().Underlying()
			}
		}
	}
	return types.Typ[types.Invalid]
}
