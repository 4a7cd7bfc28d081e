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
	if !relevant(pass) {
		return &Result{}, nil
	}
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	e := newEvaluator(pass, dirs)
	e.run()
	routes := e.resolve()
	financialRoutes(pass, pass.ResultOf[config.Analyzer].(*config.Config), dirs, pass.ResultOf[effects.Analyzer].(*effects.Result), routes)
	return &Result{Routes: routes}, nil
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
