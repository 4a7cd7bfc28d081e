package idemttl

import (
	_ "embed"
	"fmt"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/dedupcfg"
	"github.com/idemlint/idemlint/internal/report"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
)

//go:embed doc.go
var doc string

// Analyzer reports dedup windows shorter than the configured minimum.
var Analyzer = &analysis.Analyzer{
	Name:       "idemttl",
	Doc:        checkdoc.MustExtract(doc, "idemttl"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemttl",
	Run:        safe.Run("idemttl", run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func run(pass *analysis.Pass) (any, error) {
	models := passes.Of(pass)
	cfg, dirs := models.Config, models.Directives
	var findings []*report.Finding
	var reader *dedupcfg.Reader
	rts, err := models.Routes()
	if err != nil {
		return nil, err
	}
	for _, rt := range rts.Routes {
		method := idemhandler.MutatingMethod(rt, cfg)
		if method == "" || len(rt.Chain) == 0 {
			continue
		}
		if reader == nil {
			reader = dedupcfg.NewReader(pass, dirs)
		}
		minTTL, what := cfg.MinTTL, ""
		if rt.Financial != "" {
			minTTL, what = max(cfg.MinTTL, cfg.MinTTLFinancial), "financial route "
		}
		name := dedupcfg.RouteName(method, rt)
		for _, g := range reader.Guards(rt) {
			for _, s := range g.Settings {
				if s.Kind != dedupcfg.TTL || !s.Const || s.TTL >= minTTL {
					continue
				}
				findings = append(findings, &report.Finding{
					Pos: s.Pos(),
					End: s.End(),
					Message: fmt.Sprintf("ttl %s < %s required on %s%s (%s: a retry that arrives after the window runs again); raise the window to at least %s",
						s.TTL, minTTL, what, name, s.Value, minTTL),
				})
			}
		}
	}
	cons, err := models.Consumers()
	if err != nil {
		return nil, err
	}
	if cs := cons.Consumers; len(cs) > 0 {
		if reader == nil {
			reader = dedupcfg.NewReader(pass, dirs)
		}
		for _, g := range reader.Watermill(cs) {
			for _, c := range g.Consumers {
				minTTL, what := cfg.MinTTL, ""
				if c.Effects.MovesMoney {
					minTTL, what = max(cfg.MinTTL, cfg.MinTTLFinancial), "financial "
				}
				for _, s := range g.Settings {
					if s.Kind != dedupcfg.TTL || !s.Const || s.TTL >= minTTL {
						continue
					}
					findings = append(findings, &report.Finding{
						Pos: s.Pos(),
						End: s.End(),
						Message: fmt.Sprintf("ttl %s < %s required on %s%s (%s: a redelivery that arrives after the window is handled again); raise the window to at least %s",
							s.TTL, minTTL, what, c.Name(), s.Value, minTTL),
					})
				}
			}
		}
	}
	return report.Emit(pass, "idemttl", findings), nil
}
