package routes_test

import (
	"maps"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/passes/routes"
)

// unrecognisedReporter reports the registrations on unknown routers and
// returns their number.
var unrecognisedReporter = &analysis.Analyzer{
	Name:       "unrecognised",
	Doc:        "reports registrations on routers the model does not know",
	Requires:   []*analysis.Analyzer{routes.Analyzer},
	ResultType: reflect.TypeFor[int](),
	Run: func(pass *analysis.Pass) (any, error) {
		found := pass.ResultOf[routes.Analyzer].(*routes.Result).Unrecognised
		for _, u := range found {
			pass.Reportf(u.Call.Pos(), "unrecognised %s %s on %s", u.Method, u.Path, u.Receiver)
		}
		return len(found), nil
	},
}

// TestUnrecognised checks that registrations on an unknown router are
// listed, also when the router's package is reached only through another
// import, and that a standard-library package lists none: the standard
// library's only router is net/http's.
func TestUnrecognised(t *testing.T) {
	results := analysistest.Run(t, testdata, unrecognisedReporter, "unrecognised/app", "unrecognised/factory", "unrecognised/user", "text/unrecognisedapp")
	counts := map[string]int{}
	for _, r := range results {
		counts[r.Pass.Pkg.Path()] = r.Result.(int)
	}
	want := map[string]int{"unrecognised/app": 2, "unrecognised/factory": 0, "unrecognised/user": 1, "text/unrecognisedapp": 0}
	if !maps.Equal(counts, want) {
		t.Errorf("unrecognised registrations per package = %v, want %v", counts, want)
	}
}
