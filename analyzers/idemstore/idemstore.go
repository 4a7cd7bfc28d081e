package idemstore

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

// Analyzer reports in-process dedup stores guarding mutating routes.
var Analyzer = &analysis.Analyzer{
	Name:       "idemstore",
	Doc:        checkdoc.MustExtract(doc, "idemstore"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemstore",
	Run:        safe.Run("idemstore", run),
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
		name := dedupcfg.RouteName(method, rt)
		for _, g := range reader.Guards(rt) {
			for _, s := range g.Settings {
				if s.Kind != dedupcfg.LocalStore {
					continue
				}
				findings = append(findings, &report.Finding{
					Pos: s.Pos(),
					End: s.End(),
					Message: fmt.Sprintf("%s is an in-process dedup store guarding %s (each replica remembers only its own keys and forgets them on restart, so a retry reaching another instance runs again); use the shared store",
						s.Value, name),
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
				for _, s := range g.Settings {
					if s.Kind != dedupcfg.LocalStore {
						continue
					}
					findings = append(findings, &report.Finding{
						Pos: s.Pos(),
						End: s.End(),
						Message: fmt.Sprintf("%s is an in-process dedup store guarding %s (each replica remembers only its own messages and forgets them on restart, so a redelivery to another instance is handled again); use a shared repository",
							s.Value, c.Name()),
					})
				}
			}
		}
	}
	return report.Emit(pass, "idemstore", findings), nil
}
