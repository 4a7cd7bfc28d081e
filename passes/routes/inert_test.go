package routes

import (
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/passes/directives"
)

// inertReporter reports the functions the evaluator skips as top-level
// evaluations.
var inertReporter = &analysis.Analyzer{
	Name:     "inert",
	Doc:      "reports inert functions",
	Requires: []*analysis.Analyzer{directives.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		e := newEvaluator(pass, pass.ResultOf[directives.Analyzer].(*directives.Result))
		for fn := range e.inert() {
			pass.Reportf(e.decl(fn).Name.Pos(), "inert")
		}
		return nil, nil
	},
}

// TestInert checks which functions the evaluator may skip: handlers and
// helpers that use only the request and response side of net/http, and
// none that use a router API, a slot or a parameter that can hold a
// router, handler or middleware, a function returning a handler, another
// router package, or a function of the package that is not inert.
func TestInert(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "..", "testdata"))
	analysistest.Run(t, testdata, inertReporter, "routes/inert")
}

// TestInertTypes checks the types a slot or signature can carry a router in.
func TestInertTypes(t *testing.T) {
	http := types.NewPackage("net/http", "http")
	named := func(name string) types.Type {
		return types.NewNamed(types.NewTypeName(0, http, name, nil), types.NewStruct(nil, nil), nil)
	}
	mux, req := named("ServeMux"), named("Request")
	empty := types.NewInterfaceType(nil, nil)
	for _, tc := range []struct {
		name     string
		t        types.Type
		carries  bool
		anything bool
	}{
		{"*ServeMux", types.NewPointer(mux), true, false},
		{"map[string][]*ServeMux", types.NewMap(types.Typ[types.String], types.NewSlice(types.NewPointer(mux))), true, false},
		{"func() *ServeMux", types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewVar(0, nil, "", types.NewPointer(mux))), false), true, false},
		{"*Request", types.NewPointer(req), false, false},
		{"[]any", types.NewSlice(empty), false, true},
		{"string", types.Typ[types.String], false, false},
	} {
		if got := carriesRouterType(tc.t); got != tc.carries {
			t.Errorf("carriesRouterType(%s) = %v, want %v", tc.name, got, tc.carries)
		}
		if got := holdsAnything(tc.t); got != tc.anything {
			t.Errorf("holdsAnything(%s) = %v, want %v", tc.name, got, tc.anything)
		}
	}
}
