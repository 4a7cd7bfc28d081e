// Package typesutil holds the small type and import-path helpers that
// several passes share.
package typesutil

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
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
// Calls of path.Join of constants, and concatenations of such calls, are
// folded too: services build route paths and URLs that way.
func ConstString(info *types.Info, x ast.Expr) (string, bool) {
	if x == nil {
		return "", false
	}
	if tv, ok := info.Types[x]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok := ConstString(info, x.X)
		if !ok {
			return "", false
		}
		b, ok := ConstString(info, x.Y)
		if !ok {
			return "", false
		}
		return a + b, true
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "path" || fn.Name() != "Join" || x.Ellipsis.IsValid() {
			return "", false
		}
		elems := make([]string, len(x.Args))
		for i, a := range x.Args {
			s, ok := ConstString(info, a)
			if !ok {
				return "", false
			}
			elems[i] = s
		}
		return path.Join(elems...), true
	}
	return "", false
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
	return Assignments(info, files).Definitions()
}

// Values maps each variable to the values it is given in some files, in
// source order: a declaration without a value gives [ZeroValue]; x += y
// gives x + y; a range statement gives its value variable an [Element]
// of the collection; a value the syntax does not show (the second
// variable of x, err := f(), a range key, x *= y) is nil.
type Values map[types.Object][]ast.Expr

// ZeroValue stands for the zero value of a variable declared without one.
var ZeroValue ast.Expr = &ast.Ident{Name: "_"}

// An Element stands for the value of a range statement's value variable:
// an element of the collection ranged over, which it embeds.
type Element struct{ ast.Expr }

// Definitions returns the variables given exactly one value, besides a
// zero value at their declaration, and that value.
func (vs Values) Definitions() map[types.Object]ast.Expr {
	defs := make(map[types.Object]ast.Expr, len(vs))
	for obj, xs := range vs {
		var def ast.Expr
		n := 0
		for _, x := range xs {
			if _, elem := x.(*Element); elem {
				x = nil
			}
			if x != ZeroValue {
				def = x
				n++
			}
		}
		if n == 1 && def != nil {
			defs[obj] = def
		}
	}
	return defs
}

// Assignments returns the values every variable other than a field is
// given in files.
func Assignments(info *types.Info, files []*ast.File) Values {
	vs := make(Values)
	record := func(x ast.Expr, value ast.Expr) {
		id, ok := ast.Unparen(x).(*ast.Ident)
		if !ok {
			return
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if v, ok := obj.(*types.Var); !ok || v.IsField() {
			return
		}
		vs[obj] = append(vs[obj], value)
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				switch {
				case n.Tok == token.ADD_ASSIGN && len(n.Lhs) == 1 && len(n.Rhs) == 1:
					// x += y gives x the value x + y.
					record(n.Lhs[0], &ast.BinaryExpr{X: n.Lhs[0], OpPos: n.TokPos, Op: token.ADD, Y: n.Rhs[0]})
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					for _, l := range n.Lhs {
						record(l, nil)
					}
				case len(n.Lhs) == len(n.Rhs):
					for i, l := range n.Lhs {
						record(l, n.Rhs[i])
					}
				case len(n.Rhs) == 1:
					for i, l := range n.Lhs {
						if i == 0 {
							record(l, n.Rhs[0])
						} else {
							record(l, nil)
						}
					}
				}
			case *ast.ValueSpec:
				switch {
				case len(n.Values) == 0:
					for _, id := range n.Names {
						record(id, ZeroValue)
					}
				case len(n.Names) == len(n.Values):
					for i, id := range n.Names {
						record(id, n.Values[i])
					}
				default:
					for i, id := range n.Names {
						if i == 0 {
							record(id, n.Values[0])
						} else {
							record(id, nil)
						}
					}
				}
			case *ast.RangeStmt:
				if n.Key != nil {
					record(n.Key, nil)
				}
				if n.Value != nil {
					record(n.Value, &Element{n.X})
				}
			case *ast.IncDecStmt:
				record(n.X, nil)
			}
			return true
		})
	}
	return vs
}

// StructOf returns the struct type t is, or points to, or nil.
func StructOf(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// FieldOf returns the field name of the struct t is, or points to, and
// its tag; nil when there is none (promoted fields are not looked up).
func FieldOf(t types.Type, name string) (*types.Var, string) {
	st := StructOf(t)
	if st == nil {
		return nil, ""
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return st.Field(i), st.Tag(i)
		}
	}
	return nil, ""
}
