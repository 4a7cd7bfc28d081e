package idemhandler

import (
	_ "embed"
	"fmt"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/routes"
)

//go:embed doc.go
var doc string

// Check finds the problems idemhandler reports.
var Check = &report.Check{Name: "idemhandler", Find: find, Annotate: decisions}

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
	rts, err := models.Routes()
	if err != nil {
		return nil, err
	}
	for _, rt := range rts.Routes {
		if !rt.Served && !routes.ReportedUnserved(rt, cfg) {
			continue // decided where its router is served
		}
		method, why := routes.Unprotected(rt, cfg)
		if method == "" || routes.AlreadyReported(rt, routes.ReportKey(method, rt.Path)) {
			continue // not reported, or reported by a package this one imports
		}
		if rt.RPC {
			findings = append(findings, rpcFinding(pass, dirs, rt, method))
			continue
		}
		name, fixes := rts.Fix(pass, rt)
		what := "is served without idempotency middleware ("
		if !rt.Served {
			what = "is registered without idempotency middleware in the chain visible here (its router is not served in this package, and unserved-routes is report; "
		}
		findings = append(findings, &report.Finding{
			Pos: rt.Pos,
			End: rt.End,
			Message: fmt.Sprintf("%s %s %s%sclients and proxies retry %s); wrap it in %s or exempt it with an ADR",
				method, report.DisplayPath(rt.Path), what, why, method, name),
			Fixes:      fixes,
			Related:    servedAt(rt),
			Exemptions: rt.Exemptions(),
			Subject:    report.Subject{Route: rt, Method: method},
			Reason:     report.Unprotected,
		})
	}
	return findings, nil
}

// decisions records the registrations of the mutating routes the package
// decides, and of those registered here that it cannot decide: their
// routers are not served here, or their methods are not constants.
func decisions(pass *analysis.Pass, fs *report.Findings) error {
	models := passes.Of(pass)
	rts, err := models.Routes()
	if err != nil {
		return err
	}
	for _, rt := range rts.Routes {
		switch {
		case rt.DynamicMethod:
			// Whether it is served for a mutating method cannot be
			// told, wherever it is served, unless its handler is seen
			// not to mutate. One registered in another package counts
			// too: the method may be what this package passes to a
			// function that registers it there.
			if routes.Mutating(rt, models.Config) || !rt.Visible {
				fs.Undecided = append(fs.Undecided, rt.Pos)
			}
		case rt.Served:
			fs.Decided = append(fs.Decided, rt.Pos)
		case rt.Home == nil && routes.Mutating(rt, models.Config):
			fs.Undecided = append(fs.Undecided, rt.Pos)
		}
	}
	return nil
}

// servedAt names where a route registered in another package is served.
func servedAt(rt *routes.Route) []analysis.RelatedInformation {
	if rt.Home == nil || !rt.ServedAt.IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: rt.ServedAt, Message: "its router is served here"}}
}
