// Package contracts finds the duplicate-injection contract tests in test
// files: calls of idemtest.TestRoute whose Contract names a method and
// path the analysis can resolve, and //idem:contract METHOD PATH
// directives. It also tells which route a test covers.
package contracts

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/passes/directives"
)

// idemtestPath is the import path of the harness.
const idemtestPath = "github.com/idemlint/idemlint/idemtest"

// A Test is a contract test of one route.
type Test struct {
	Method, Path string    // the request: "POST", "/v1/charges"
	Pos          token.Pos // the call, or the directive
}

// Unresolved is a call of idemtest.TestRoute whose route cannot be told.
type Unresolved struct {
	Pos token.Pos
	Why string // "Path is not a constant", ...
}

// A Problem is a malformed //idem:contract directive.
type Problem struct {
	Pos     token.Pos
	Message string // "//idem:contract has 1 words, ..."
}

// Result holds the contract tests of a set of files.
type Result struct {
	Tests      []Test
	Unresolved []Unresolved
	Problems   []Problem
}

// Find adds to r the contract tests of the _test.go files among files,
// whose types are in info.
func (r *Result) Find(fset *token.FileSet, files []*ast.File, info *types.Info) {
	for _, f := range files {
		if !strings.HasSuffix(fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		r.directives(f)
		if imports(f, idemtestPath) {
			r.calls(f, info)
		}
	}
}

// directives records the //idem:contract directives of f.
func (r *Result) directives(f *ast.File) {
	for _, g := range f.Comments {
		for _, c := range g.List {
			d := directives.Parse(c.Text)
			switch {
			case d == nil:
			case d.Name == directives.Contract && d.Valid():
				method, path := d.ContractRoute()
				r.Tests = append(r.Tests, Test{Method: method, Path: path, Pos: c.Pos()})
			case d.Name == directives.Contract:
				r.Problems = append(r.Problems, Problem{Pos: c.Pos(), Message: "//idem:contract " + d.Err})
			case d.Name == "" && strings.HasPrefix(c.Text, "// idem:contract"):
				r.Problems = append(r.Problems, Problem{Pos: c.Pos(), Message: d.Err})
			}
		}
	}
}

func imports(f *ast.File, path string) bool {
	for _, spec := range f.Imports {
		if strings.Trim(spec.Path.Value, "`\"") == path {
			return true
		}
	}
	return false
}

// calls records the calls of idemtest.TestRoute in f.
func (r *Result) calls(f *ast.File, info *types.Info) {
	// The composite literals that define local variables, and the
	// variables assigned or addressed after that.
	defs := make(map[types.Object]*ast.CompositeLit)
	changed := make(map[types.Object]bool)
	var routeCalls []*ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if isTestRoute(n, info) {
				routeCalls = append(routeCalls, n)
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				obj := rootObject(lhs, info)
				if obj == nil {
					continue
				}
				lit, _ := ast.Unparen(rhs(n.Rhs, i)).(*ast.CompositeLit)
				switch lhs := ast.Unparen(lhs).(type) {
				case *ast.Ident:
					if n.Tok == token.DEFINE && info.Defs[lhs] != nil && lit != nil {
						defs[obj] = lit
					} else {
						changed[obj] = true
					}
				case *ast.SelectorExpr:
					// Setting another field (c.Skip = ...) leaves the route.
					if _, direct := ast.Unparen(lhs.X).(*ast.Ident); !direct || lhs.Sel.Name == "Method" || lhs.Sel.Name == "Path" {
						changed[obj] = true
					}
				default:
					changed[obj] = true
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if lit, ok := ast.Unparen(rhs(n.Values, i)).(*ast.CompositeLit); ok {
					defs[info.Defs[name]] = lit
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if obj := rootObject(n.X, info); obj != nil {
					changed[obj] = true
				}
			}
		case *ast.IncDecStmt:
			if obj := rootObject(n.X, info); obj != nil {
				changed[obj] = true
			}
		}
		return true
	})
	for _, call := range routeCalls {
		if len(call.Args) != 3 {
			continue
		}
		lit, why := contractLiteral(call.Args[2], info, defs, changed)
		if lit == nil {
			r.Unresolved = append(r.Unresolved, Unresolved{Pos: call.Pos(), Why: why})
			continue
		}
		method, why := field(lit, "Method", info)
		if why != "" {
			r.Unresolved = append(r.Unresolved, Unresolved{Pos: call.Pos(), Why: why})
			continue
		}
		path, why := field(lit, "Path", info)
		if why != "" {
			r.Unresolved = append(r.Unresolved, Unresolved{Pos: call.Pos(), Why: why})
			continue
		}
		r.Tests = append(r.Tests, Test{Method: method, Path: path, Pos: call.Pos()})
	}
}

// rhs returns the i-th of values, or nil when they are fewer (a
// multi-value call).
func rhs(values []ast.Expr, i int) ast.Expr {
	if i < len(values) {
		return values[i]
	}
	return nil
}

// isTestRoute reports whether call calls idemtest.TestRoute.
func isTestRoute(call *ast.CallExpr, info *types.Info) bool {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		id = fun.Sel
	case *ast.Ident:
		id = fun
	default:
		return false
	}
	fn, ok := info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == idemtestPath && fn.Name() == "TestRoute"
}

// rootObject returns the local variable that e, a name or a field or
// index of one (c, c.Path, cs[0].Path), stands for, or nil.
func rootObject(e ast.Expr, info *types.Info) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v, ok := info.ObjectOf(x).(*types.Var); ok {
				return v
			}
			return nil
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// contractLiteral returns the composite literal that gives e, the
// Contract argument, its value: e itself, or the literal that defined
// a variable never changed afterwards. Otherwise it says why not.
func contractLiteral(e ast.Expr, info *types.Info, defs map[types.Object]*ast.CompositeLit, changed map[types.Object]bool) (*ast.CompositeLit, string) {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x, ""
	case *ast.Ident:
		obj := info.Uses[x]
		if lit := defs[obj]; lit != nil && !changed[obj] {
			return lit, ""
		}
		return nil, "the Contract " + x.Name + " is not a literal left unchanged"
	}
	return nil, "the Contract is not a literal"
}

// field returns the constant string value of a field of a Contract
// literal, or says why there is none.
func field(lit *ast.CompositeLit, name string, info *types.Info) (string, string) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return "", "the Contract literal has no field names"
		}
		if key, ok := kv.Key.(*ast.Ident); !ok || key.Name != name {
			continue
		}
		if tv, ok := info.Types[kv.Value]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), ""
		}
		return "", name + " is not a constant"
	}
	return "", "the Contract has no " + name
}

// Covers reports whether t is a contract test of the route with method
// ("" or "ANY" for any method) and path pattern. A path covers a
// pattern when each segment is the same or the pattern's is a parameter
// ({id}, {id:[0-9]+}, :id), {$} matches the end of a path that ends in
// a slash, and a trailing wildcard ({path...}, *, *rest) matches what
// remains; the query is ignored.
func (t Test) Covers(method, pattern string) bool {
	if method != "" && method != "ANY" && method != t.Method {
		return false
	}
	path, _, _ := strings.Cut(t.Path, "?")
	ps, ts := strings.Split(pattern, "/"), strings.Split(path, "/")
	for i, p := range ps {
		if i == len(ps)-1 && (p == "*" || strings.HasPrefix(p, "*") || strings.HasPrefix(p, "{") && strings.HasSuffix(p, "...}")) {
			return i < len(ts)
		}
		if i >= len(ts) {
			return false
		}
		if p == "{$}" {
			p = ""
		}
		parameter := strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") || strings.HasPrefix(p, ":") && len(p) > 1
		if parameter && ts[i] == "" || !parameter && p != ts[i] {
			return false
		}
	}
	return len(ps) == len(ts)
}
