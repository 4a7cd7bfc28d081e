package idemttl

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

// Check finds the problems idemttl reports.
var Check = &report.Check{Name: "idemttl", Find: find}

// Analyzer reports dedup windows shorter than the configured minimum.
var Analyzer = &analysis.Analyzer{
	Name:       "idemttl",
	Doc:        checkdoc.MustExtract(doc, "idemttl"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemttl",
	Run:        safe.Run("idemttl", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	models := passes.Of(pass)
	cfg := models.Config
	policy, err := models.Dedup()
	if err != nil {
		return nil, err
	}
	mutating := func(rt *routes.Route) string { return routes.MutatingMethod(rt, cfg) }
	var findings []*report.Finding
	for g := range policy.All(mutating) {
		financial, what, late := g.Consumer != nil && g.Consumer.Effects.MovesMoney, "", "a redelivery that arrives after the window is handled again"
		if g.Route != nil {
			financial, late = g.Route.Financial != "", "a retry that arrives after the window runs again"
		}
		minTTL := cfg.MinTTL
		if financial {
			minTTL, what = max(cfg.MinTTL, cfg.MinTTLFinancial), "financial "
			if g.Route != nil {
				what = "financial route "
			}
		}
		if g.Kind != dedup.TTL || !g.Const || g.TTL >= minTTL {
			continue
		}
		findings = append(findings, &report.Finding{
			Pos: g.Pos(),
			End: g.End(),
			Message: fmt.Sprintf("ttl %s < %s required on %s%s (%s: %s); raise the window to at least %s",
				g.TTL, minTTL, what, g.Name(), g.Value, late, minTTL),
			Subject: report.Subject{Route: g.Route, Method: g.Method, Consumer: g.Consumer, Setting: &g.Setting},
			Reason:  report.ShortWindow,
		})
	}
	return findings, nil
}
