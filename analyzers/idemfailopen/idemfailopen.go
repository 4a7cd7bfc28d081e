package idemfailopen

import (
	_ "embed"
	"fmt"
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/dedupcfg"
	"github.com/idemlint/idemlint/internal/report"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/routes"
)

//go:embed doc.go
var doc string

// Analyzer reports fail-open dedup stores where a duplicate is not harmless.
var Analyzer = &analysis.Analyzer{
	Name:       "idemfailopen",
	Doc:        checkdoc.MustExtract(doc, "idemfailopen"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemfailopen",
	Run:        safe.Run("idemfailopen", run),
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
				if s.Kind != dedupcfg.FailOpen {
					continue
				}
				var msg string
				switch {
				case rt.Financial != "":
					msg = fmt.Sprintf("%s makes financial route %s fail open (%s; while the dedup store is down every retry would move money or fulfil again); remove it so the route fails closed, or exempt it with an ADR",
						s.Value, name, rt.Financial)
				case !harmless(pass, dirs, rt, s.Pos(), g.Layer.Pos):
					msg = fmt.Sprintf("%s makes %s fail open without //idem:harmless (while the dedup store is down every retry runs again); remove it, or mark the route //idem:harmless REASON if a duplicate does no harm",
						s.Value, name)
				default:
					continue
				}
				findings = append(findings, &report.Finding{Pos: s.Pos(), End: s.End(), Message: msg})
			}
		}
	}
	return report.Emit(pass, "idemfailopen", findings), nil
}

// harmless reports whether //idem:harmless covers the route's
// registration or handler, or the fail-open option or its middleware.
func harmless(pass *analysis.Pass, dirs *directives.Result, rt *routes.Route, at ...token.Pos) bool {
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
