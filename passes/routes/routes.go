package routes

import (
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Analyzer builds the route model of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "idemroutes",
	Doc:        "builds the router-neutral model of a package's HTTP routes; does not report diagnostics",
	Run:        safe.Run("idemroutes", run),
	Requires:   []*analysis.Analyzer{config.Analyzer, directives.Analyzer, effects.Analyzer, proceduresAnalyzer, syntax.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(SummaryFact), new(Routing)},
}

// Routing is the fact that a package exports summaries: a package that
// imports it may register, wrap or serve routes through it.
type Routing struct{}

// AFact marks Routing as an analysis fact.
func (*Routing) AFact() {}

func (*Routing) String() string { return "routing" }

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if relevant(pass) {
		cfg := pass.ResultOf[config.Analyzer].(*config.Config)
		e := newEvaluator(pass, pass.ResultOf[directives.Analyzer].(*directives.Result))
		e.cfg, e.eff = cfg, pass.ResultOf[effects.Analyzer].(*effects.Result)
		e.planSummaries()
		e.run()
		res.Routes = e.resolve()
		e.resolvePending(res.Routes)
		e.financialRoutes(res.Routes)
		e.decideHome(res.Routes)
		if e.export() {
			pass.ExportPackageFact(&Routing{})
		}
		for _, rt := range res.Routes {
			rt.Exported = !rt.Served && e.regs[rt.reg] != nil
		}
		res.fixer, res.positions = e.fixer(), e.positions()
		res.DedupArgs = e.dedupArgs
	}
	res.Unrecognised = unrecognised(pass, indexOf(pass), res.Routes)
	return res, nil
}

// relevant reports whether the package imports a supported router, or a
// package that exports summaries, and is not a router package itself.
func relevant(pass *analysis.Pass) bool {
	if frameworks[pass.Pkg.Path()] != nil {
		return false
	}
	for _, imp := range pass.Pkg.Imports() {
		if frameworks[imp.Path()] != nil || pass.ImportPackageFact(imp, new(Routing)) {
			return true
		}
	}
	return false
}

// decideHome records the registrations idemhandler reports in this
// package, so that an importer serving the same router again does not
// report them twice.
func (e *evaluator) decideHome(rts []*Route) {
	for _, rt := range rts {
		if rt.reg == nil || !(rt.Served || ReportedUnserved(rt, e.cfg)) {
			continue
		}
		if m, _ := Unprotected(rt, e.cfg); m != "" {
			if e.reported == nil {
				e.reported = make(map[*reg][]string)
			}
			key := ReportKey(m, rt.Path)
			if !rt.Served {
				key = reportedUnserved
			}
			e.reported[rt.reg] = append(e.reported[rt.reg], key)
		}
	}
}

// ReportKey names an idemhandler finding on a route, for
// Registration.Reported.
func ReportKey(method, path string) string { return "idemhandler " + method + " " + path }

// reportedUnserved is the ReportKey of a route reported where it was
// registered because unserved-routes is report: importers report it
// under no path again.
const reportedUnserved = "idemhandler (unserved)"

// ReportedUnserved reports whether idemhandler reports a route of the
// package, whose router is not served here, where it is registered:
// unserved-routes is report.
func ReportedUnserved(rt *Route, cfg *config.Config) bool {
	return cfg.ReportUnserved && !rt.Served && rt.Home == nil
}

// AlreadyReported reports whether a package that registered or served a
// route registered in another package already reported it under key.
func AlreadyReported(rt *Route, key string) bool {
	return rt.Home != nil && (slices.Contains(rt.Home.Reported, key) || slices.Contains(rt.Home.Reported, reportedUnserved))
}
