// Package typesutil holds the small type and import-path helpers that
// several passes share.
package typesutil

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// NamedOf returns the named type t denotes, looking through one pointer
// and aliases, or nil.
func NamedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// IsNamed reports whether t, or what it points to, is the named type
// pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// NormPath removes major-version elements ("/v5", "/v82") after the first
// element of an import path, so one table row covers every major version.
func NormPath(path string) string {
	if !strings.Contains(path, "/v") {
		return path
	}
	parts := strings.Split(path, "/")
	out := parts[:1]
	for _, p := range parts[1:] {
		if len(p) > 1 && p[0] == 'v' && strings.Trim(p[1:], "0123456789") == "" {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "/")
}

// ConstString returns the constant string value of x.
func ConstString(info *types.Info, x ast.Expr) (string, bool) {
	if x == nil {
		return "", false
	}
	tv, ok := info.Types[x]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// ConstBool returns the constant boolean value of x.
func ConstBool(info *types.Info, x ast.Expr) (bool, bool) {
	if x == nil {
		return false, false
	}
	tv, ok := info.Types[x]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// Stringish returns the constant string of x, or of a call with one
// constant argument (aws.String("q"), ptr("q")).
func Stringish(info *types.Info, x ast.Expr) (string, bool) {
	if s, ok := ConstString(info, x); ok {
		return s, true
	}
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
		return ConstString(info, call.Args[0])
	}
	return "", false
}

// CompositeOf returns the composite literal x denotes: x itself, &x, or
// the literal a variable was defined with, as definition reports it
// (followed a few steps, so that cyclic assignments end).
func CompositeOf(info *types.Info, x ast.Expr, definition func(types.Object) ast.Expr) *ast.CompositeLit {
	for range 4 {
		x = ast.Unparen(x)
		if u, ok := x.(*ast.UnaryExpr); ok {
			x = ast.Unparen(u.X)
		}
		switch v := x.(type) {
		case *ast.CompositeLit:
			return v
		case *ast.Ident:
			x = definition(info.Uses[v])
		default:
			return nil
		}
	}
	return nil
}

// IsStd reports whether path is a package of the standard library: its
// first element has no dot and is one of the standard library's roots
// (internal and vendor included). The external test package of a
// standard-library package ("fmt_test", "net/http_test") is one too.
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	return stdRoots[strings.TrimSuffix(first, "_test")]
}

var stdRoots = map[string]bool{
	"archive": true, "bufio": true, "bytes": true, "cmp": true, "compress": true, "container": true,
	"context": true, "crypto": true, "database": true, "debug": true, "embed": true, "encoding": true,
	"errors": true, "expvar": true, "flag": true, "fmt": true, "go": true, "hash": true, "html": true,
	"image": true, "index": true, "io": true, "iter": true, "log": true, "maps": true, "math": true,
	"mime": true, "net": true, "os": true, "path": true, "plugin": true, "reflect": true, "regexp": true,
	"runtime": true, "slices": true, "sort": true, "strconv": true, "strings": true, "structs": true,
	"sync": true, "syscall": true, "testing": true, "text": true, "time": true, "unicode": true,
	"unique": true, "unsafe": true, "weak": true,
	"internal": true, "vendor": true, // the standard library's own and vendored packages
}

// Definitions returns, for each variable given exactly one value in files
// (by its declaration, a definition or an assignment), that value. A
// multi-value assignment x, err := f() gives x the call.
func Definitions(info *types.Info, files []*ast.File) map[types.Object]ast.Expr {
	defs := make(map[types.Object]ast.Expr)
	count := make(map[types.Object]int)
	record := func(id *ast.Ident, x ast.Expr) {
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if v, ok := obj.(*types.Var); !ok || v.IsField() {
			return
		}
		count[obj]++
		if count[obj] == 1 {
			defs[obj] = x
		} else {
			delete(defs, obj)
		}
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							record(id, n.Rhs[i])
						}
					}
				} else if len(n.Rhs) == 1 {
					if id, ok := n.Lhs[0].(*ast.Ident); ok {
						record(id, n.Rhs[0])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, id := range n.Names {
						record(id, n.Values[i])
					}
				} else if len(n.Values) == 1 {
					record(n.Names[0], n.Values[0])
				}
			}
			return true
		})
	}
	return defs
}
