package idemfailopen

import (
	_ "embed"
	"fmt"
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/dedup"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/routes"
)

//go:embed doc.go
var doc string

// Check finds the problems idemfailopen reports.
var Check = &report.Check{Name: "idemfailopen", Find: find}

// Analyzer reports fail-open dedup stores where a duplicate is not harmless.
var Analyzer = &analysis.Analyzer{
	Name:       "idemfailopen",
	Doc:        checkdoc.MustExtract(doc, "idemfailopen"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemfailopen",
	Run:        safe.Run("idemfailopen", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	models := passes.Of(pass)
	dirs := models.Directives
	policy, err := models.Dedup()
	if err != nil {
		return nil, err
	}
	mutating := func(rt *routes.Route) string { return routes.MutatingMethod(rt, models.Config) }
	var findings []*report.Finding
	for g := range policy.All(mutating) {
		if g.Route == nil || g.Kind != dedup.FailOpen {
			continue
		}
		var msg string
		switch {
		case g.Route.Financial != "":
			msg = fmt.Sprintf("%s makes financial route %s fail open (%s; while the dedup store is down every retry would move money or fulfil again); remove it so the route fails closed, or exempt it with an ADR",
				g.Value, g.Name(), g.Route.Financial)
		case !harmless(pass, dirs, g.Route, g.Pos(), g.Layer.Pos):
			msg = fmt.Sprintf("%s makes %s fail open without //idem:harmless (while the dedup store is down every retry runs again); remove it, or mark the route //idem:harmless REASON if a duplicate does no harm",
				g.Value, g.Name())
		default:
			continue
		}
		findings = append(findings, &report.Finding{
			Pos: g.Pos(), End: g.End(), Message: msg,
			Subject: report.Subject{Route: g.Route, Method: g.Method, Setting: &g.Setting},
			Reason:  report.FailOpen,
		})
	}
	return findings, nil
}

// harmless reports whether //idem:harmless covers the route's
// registration or handler, or the fail-open option or its middleware.
func harmless(pass *analysis.Pass, dirs *directives.Result, rt *routes.Route, at ...token.Pos) bool {
	if rt.Home != nil && rt.Home.Harmless {
		return true
	}
	if rt.Call != nil {
		at = append(at, rt.Call.Pos())
	}
	if rt.Func != nil && rt.Func.Pkg() == pass.Pkg {
		at = append(at, rt.Func.Pos())
	}
	if rt.Body != nil {
		at = append(at, rt.Body.Pos())
	}
	for _, pos := range at {
		if dirs.Find(directives.Harmless, pos) != nil {
			return true
		}
	}
	return false
}
