package routes

import (
	"go/ast"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/internal/xpos"
	"github.com/idemlint/idemlint/passes/directives"
)

// fixer builds the suggested fix that wraps a route in the platform
// middleware, when exactly one middleware of the form
// func(http.Handler) http.Handler is known. The registering package
// builds it, where the registration's file is visible, and hands it on
// to importers with the route.
type fixer struct {
	pass *analysis.Pass
	mw   *types.Func // the one candidate, or nil
}

// fixer returns the package's fixer, made on first use.
func (e *evaluator) fixer() *fixer {
	if e.fix == nil {
		e.fix = newFixer(e.pass, e.dirs)
	}
	return e.fix
}

// encoded returns how messages name the platform middleware and the fix
// of a route registered in the package, in the form a fact carries.
func (f *fixer) encoded(rt *Route) (string, *Fix) {
	if f.mw == nil {
		return "", nil
	}
	fixes := f.fix(rt)
	if len(fixes) == 0 {
		return f.name(), nil
	}
	out := &Fix{Message: fixes[0].Message}
	for _, ed := range fixes[0].TextEdits {
		out.Edits = append(out.Edits, Edit{Pos: xpos.Of(f.pass.Fset, ed.Pos), End: xpos.Of(f.pass.Fset, ed.End), NewText: string(ed.NewText)})
	}
	return f.name(), out
}

func newFixer(pass *analysis.Pass, dirs *directives.Result) *fixer {
	f := &fixer{pass: pass}
	var cands []*types.Func
	for _, obj := range dirs.Objects(directives.Middleware) {
		fn, ok := obj.(*types.Func)
		if ok && fn.Signature().Recv() == nil && (fn.Exported() || fn.Pkg() == pass.Pkg) && plainMiddleware(fn.Signature()) {
			cands = append(cands, fn)
		}
	}
	if len(cands) == 1 {
		f.mw = cands[0]
	}
	return f
}

// name returns how messages refer to the middleware.
func (f *fixer) name() string {
	if f.mw == nil {
		return "the platform idempotency middleware"
	}
	if f.mw.Pkg() == f.pass.Pkg {
		return f.mw.Name()
	}
	return f.mw.Pkg().Name() + "." + f.mw.Name()
}

// fix returns the edit wrapping rt in the middleware, or nil when the edit
// is not mechanical (no single middleware, package not imported by the
// file, unusual call shape).
func (f *fixer) fix(rt *Route) []analysis.SuggestedFix {
	if f.mw == nil || rt.Call == nil {
		return nil
	}
	if fn, _ := typeutil.Callee(f.pass.TypesInfo, rt.Call).(*types.Func); fn == nil || fn.Pkg() == nil || frameworks[fn.Pkg().Path()] == nil {
		return nil // a call of the application's own router wrapper, whose method is not the router's
	}
	file := f.fileOf(rt.Call)
	if file == nil {
		return nil
	}
	mw, ok := f.qualifier(file, f.mw.Pkg())
	if !ok {
		return nil
	}
	mw += f.mw.Name()
	sel, ok := ast.Unparen(rt.Call.Fun).(*ast.SelectorExpr)
	if !ok || len(rt.Call.Args) < 2 {
		return nil
	}
	h := rt.Call.Args[len(rt.Call.Args)-1]
	if h != rt.Handler {
		return nil // a route of a table: the call serves every row
	}
	wrap := dialects[rt.Framework].wrap
	if wrap == nil {
		return nil
	}
	edits := wrap(f, file, sel, h, mw)
	if edits == nil {
		return nil
	}
	return []analysis.SuggestedFix{{Message: "Wrap the route in " + mw, TextEdits: edits}}
}

func wrapArg(x ast.Expr, before, after string) []analysis.TextEdit {
	return []analysis.TextEdit{
		{Pos: x.Pos(), End: x.Pos(), NewText: []byte(before)},
		{Pos: x.End(), End: x.End(), NewText: []byte(after)},
	}
}

func (f *fixer) fileOf(n ast.Node) *ast.File {
	for _, file := range f.pass.Files {
		if file.FileStart <= n.Pos() && n.Pos() < file.FileEnd {
			return file
		}
	}
	return nil
}

// qualifier returns the prefix that refers to pkg from file ("name.", or
// "" for the current package), and false when the file does not import it.
func (f *fixer) qualifier(file *ast.File, pkg *types.Package) (string, bool) {
	if pkg.Path() == f.pass.Pkg.Path() {
		return "", true
	}
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || path != pkg.Path() {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return "", false
			}
			return imp.Name.Name + ".", true
		}
		for _, p := range f.pass.Pkg.Imports() {
			if p.Path() == path {
				return p.Name() + ".", true
			}
		}
	}
	return "", false
}

// plainMiddleware reports whether sig is func(http.Handler) http.Handler.
func plainMiddleware(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		typesutil.IsNamed(sig.Params().At(0).Type(), netHTTP, "Handler") && typesutil.IsNamed(sig.Results().At(0).Type(), netHTTP, "Handler")
}

// Fix returns how findings name the platform middleware to wrap a route
// in, and the suggested fix that does it when the edit is mechanical;
// for a route registered in another package, as that package made them.
func (r *Result) Fix(pass *analysis.Pass, rt *Route) (string, []analysis.SuggestedFix) {
	if rt.Home == nil {
		if r.fixer == nil {
			return "the platform idempotency middleware", nil
		}
		return r.fixer.name(), r.fixer.fix(rt)
	}
	// As the registering package names it: every package that decides
	// the route says the same, so that a finding is shown once.
	name := rt.Home.Middleware
	if name == "" {
		name = "the platform idempotency middleware"
	}
	f := rt.Home.Fix
	if f == nil || len(f.Edits) == 0 {
		return name, nil
	}
	var ps []xpos.Pos
	for _, ed := range f.Edits {
		ps = append(ps, ed.Pos, ed.End)
	}
	pos := r.resolver(pass).Resolve(ps...)
	fix := analysis.SuggestedFix{Message: f.Message}
	for i, ed := range f.Edits {
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: pos[2*i], End: pos[2*i+1], NewText: []byte(ed.NewText)})
	}
	return name, []analysis.SuggestedFix{fix}
}
