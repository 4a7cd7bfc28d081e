package dedup

import (
	"go/ast"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/routes"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Analyzer reads the dedup-store settings guarding the routes and
// consumers of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "idemdedup",
	Doc:        "reads the dedup-store settings (fail-open, window, in-process store) guarding routes and consumers; does not report diagnostics",
	Run:        safe.Run("idemdedup", run),
	Requires:   []*analysis.Analyzer{directives.Analyzer, routes.Analyzer, consumers.Analyzer, syntax.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

// Result is the dedup-store policy of a package: the settings guarding
// each route with a chain and each consumer.
type Result struct {
	guards []Guarded
	reader func() *Reader // the reader of the package, made on first use
}

func run(pass *analysis.Pass) (any, error) {
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	rts := pass.ResultOf[routes.Analyzer].(*routes.Result)
	cs := pass.ResultOf[consumers.Analyzer].(*consumers.Result)
	syn := pass.ResultOf[syntax.Analyzer].(*syntax.Index)
	// The pass is a copy the driver may reuse for another analyzer: the
	// reader keeps what it reads of it.
	p := &analysis.Pass{Fset: pass.Fset, Files: pass.Files, Pkg: pass.Pkg, TypesInfo: pass.TypesInfo, TypesSizes: pass.TypesSizes}
	var r *Reader
	reader := func() *Reader {
		if r == nil {
			r = NewReader(p, dirs, syn)
		}
		return r
	}
	return &Result{guards: guards(reader, rts.Routes, cs.Consumers), reader: reader}, nil
}

// Stores returns the in-process stores x may be: an argument the
// package hands to platform middleware through a function of another
// package (routes.Result.DedupArgs).
func (r *Result) Stores(x ast.Expr) []Setting {
	if r.reader == nil {
		return nil // an empty result
	}
	return r.reader().Stores(x)
}
