package routes

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
)

// Analyzer builds the route model of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "idemroutes",
	Doc:        "builds the router-neutral model of a package's HTTP routes; does not report diagnostics",
	Run:        safe.Run("idemroutes", run),
	Requires:   []*analysis.Analyzer{config.Analyzer, directives.Analyzer, effects.Analyzer, proceduresAnalyzer},
	ResultType: reflect.TypeFor[*Result](),
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if relevant(pass) {
		dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
		e := newEvaluator(pass, dirs)
		e.run()
		res.Routes = e.resolve()
		financialRoutes(pass, pass.ResultOf[config.Analyzer].(*config.Config), dirs, pass.ResultOf[effects.Analyzer].(*effects.Result), res.Routes)
	}
	res.Unrecognised = unrecognised(pass, res.Routes)
	return res, nil
}

// relevant reports whether the package imports a supported router.
func relevant(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if frameworks[imp.Path()] != nil {
			return true
		}
	}
	return false
}
