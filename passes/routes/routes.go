package routes

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes/directives"
)

// Analyzer builds the route model of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "idemroutes",
	Doc:        "builds the router-neutral model of a package's HTTP routes; does not report diagnostics",
	Run:        safe.Run("idemroutes", run),
	Requires:   []*analysis.Analyzer{directives.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

func run(pass *analysis.Pass) (any, error) {
	if !relevant(pass) {
		return &Result{}, nil
	}
	e := newEvaluator(pass, pass.ResultOf[directives.Analyzer].(*directives.Result))
	e.run()
	return &Result{Routes: e.resolve()}, nil
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
