package idemhandler

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/report"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
	"github.com/idemlint/idemlint/passes/routes"
)

//go:embed doc.go
var doc string

// Check finds the problems idemhandler reports.
var Check = &report.Check{Name: "idemhandler", Find: find}

// Analyzer reports mutating routes served without idempotency middleware.
var Analyzer = &analysis.Analyzer{
	Name:       "idemhandler",
	Doc:        checkdoc.MustExtract(doc, "idemhandler"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemhandler",
	Run:        safe.Run("idemhandler", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	models := passes.Of(pass)
	cfg, dirs := models.Config, models.Directives
	var findings []*report.Finding
	var fixer *fixer
	rts, err := models.Routes()
	if err != nil {
		return nil, err
	}
	for _, rt := range rts.Routes {
		if !rt.Served || rt.Protected() != nil || rt.Unknown() {
			continue
		}
		method, why := MutatingMethod(rt, cfg), ""
		if method == "" && !rt.RPC && rt.Method == "" {
			if e := HandlerEffects(pass, rt); e.NonIdempotent != "" {
				method, why = "ANY", "its handler "+e.NonIdempotent+", and " // a route for any method with side effects
			}
		}
		if method == "" || claimsDedup(pass.TypesInfo, dirs, rt.Body) {
			continue
		}
		if fixer == nil {
			fixer = newFixer(pass, dirs)
		}
		if rt.RPC {
			if rt.Func == nil || dirs.Find(directives.Readonly, rt.Func.Pos()) == nil {
				findings = append(findings, rpcFinding(pass, dirs, rt))
			}
			continue
		}
		findings = append(findings, &report.Finding{
			Pos: rt.Call.Pos(),
			End: rt.Call.End(),
			Message: fmt.Sprintf("%s %s is served without idempotency middleware (%sclients and proxies retry %s); wrap it in %s or exempt it with an ADR",
				method, displayPath(rt.Path), why, method, fixer.name()),
			Fixes: fixer.fix(rt),
		})
	}
	return findings, nil
}

// HandlerEffects returns the side effects of a route's handler.
func HandlerEffects(pass *analysis.Pass, rt *routes.Route) effects.Effects {
	var res *effects.Result
	if r, ok := pass.ResultOf[passes.Analyzer].(*passes.Results); ok {
		res = r.Effects
	}
	if rt.Func != nil {
		return res.Of(rt.Func)
	}
	if rt.Body == nil {
		return effects.Effects{}
	}
	return res.OfNode(rt.Body)
}

// MutatingMethod returns the mutating method a route serves: its own
// method, or for a route of any method the first mutating method its
// handler branches on. It returns "" for reads and naturally idempotent
// methods.
func MutatingMethod(rt *routes.Route, cfg *config.Config) string {
	if rt.RPC {
		if MutatingRPC(rt) {
			return rt.Method
		}
		return ""
	}
	if rt.Method != "" {
		if mutating(rt.Method, cfg) {
			return rt.Method
		}
		return ""
	}
	for _, m := range rt.BranchMethods {
		if mutating(m, cfg) {
			return m
		}
	}
	return ""
}

func mutating(method string, cfg *config.Config) bool {
	switch method {
	case "POST", "PATCH":
		return true
	case "PUT", "DELETE":
		return !cfg.NaturallyIdempotent(method)
	}
	return false
}

// claimsDedup reports whether a handler body calls a dedup claim itself.
func claimsDedup(info *types.Info, dirs *directives.Result, body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			found = dirs.Is(typeutil.Callee(info, call), directives.Dedup)
		}
		return !found
	})
	return found
}

func displayPath(p string) string {
	if p == "" {
		return "(dynamic path)"
	}
	return p
}
