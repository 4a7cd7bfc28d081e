package idemstore

import (
	_ "embed"
	"fmt"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/dedup"
	"github.com/idemlint/idemlint/passes/routes"
)

//go:embed doc.go
var doc string

// Check finds the problems idemstore reports.
var Check = &report.Check{Name: "idemstore", Find: find}

// Analyzer reports in-process dedup stores guarding mutating routes.
var Analyzer = &analysis.Analyzer{
	Name:       "idemstore",
	Doc:        checkdoc.MustExtract(doc, "idemstore"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemstore",
	Run:        safe.Run("idemstore", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	models := passes.Of(pass)
	rts, err := models.Routes()
	if err != nil {
		return nil, err
	}
	policy, err := models.Dedup()
	if err != nil {
		return nil, err
	}
	mutating := func(rt *routes.Route) string { return routes.MutatingMethod(rt, models.Config) }
	var findings []*report.Finding
	for g := range policy.All(mutating) {
		if g.Kind != dedup.LocalStore {
			continue
		}
		why := "each replica remembers only its own keys and forgets them on restart, so a retry reaching another instance runs again); use the shared store"
		if g.Consumer != nil {
			why = "each replica remembers only its own messages and forgets them on restart, so a redelivery to another instance is handled again); use a shared repository"
		}
		findings = append(findings, &report.Finding{
			Pos:     g.Pos(),
			End:     g.End(),
			Message: fmt.Sprintf("%s is an in-process dedup store guarding %s (%s", g.Value, g.Name(), why),
			Subject: report.Subject{Route: g.Route, Method: g.Method, Consumer: g.Consumer, Setting: &g.Setting},
			Reason:  report.LocalStore,
		})
	}
	// Stores handed to platform middleware through functions of other
	// packages.
	for _, arg := range rts.DedupArgs {
		for _, s := range policy.Stores(arg.Expr) {
			findings = append(findings, &report.Finding{
				Pos: s.Pos(),
				End: s.End(),
				Message: fmt.Sprintf("%s is an in-process dedup store, handed to %s (each replica remembers only its own keys and forgets them on restart, so a retry reaching another instance runs again); use the shared store",
					s.Value, arg.Via),
				Subject: report.Subject{Setting: &s},
				Reason:  report.LocalStore,
			})
		}
	}
	return findings, nil
}
