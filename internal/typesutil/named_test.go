package typesutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// check type-checks src, a file of package p.
func check(t *testing.T, src string) (*types.Package, *types.Info, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, info, file
}

func TestIsNamed(t *testing.T) {
	pkg, _, _ := check(t, `package p

import "time"

type T struct{}
type A = T
type L = time.Duration

var (
	t  T
	pt *T
	pa *A
	l  L
	pp **T
	s  []T
	d  time.Duration
)
`)
	typ := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	for _, c := range []struct {
		v, pkg, name string
		want         bool
	}{
		{"t", "p", "T", true},
		{"pt", "p", "T", true},
		{"pa", "p", "T", true},
		{"l", "time", "Duration", true},
		{"d", "time", "Duration", true},
		{"pp", "p", "T", false},
		{"s", "p", "T", false},
		{"t", "q", "T", false},
		{"t", "p", "U", false},
	} {
		if got := typesutil.IsNamed(typ(c.v), c.pkg, c.name); got != c.want {
			t.Errorf("IsNamed(type of %s, %q, %q) = %v, want %v", c.v, c.pkg, c.name, got, c.want)
		}
	}
	if typesutil.IsNamed(types.Typ[types.String], "", "string") {
		t.Error("IsNamed(string) = true; a basic type is not named")
	}
}

func TestConstString(t *testing.T) {
	_, info, file := check(t, `package p

const c = "k" + "v"

var v = "x"

var xs = []any{c, "lit", v, 1, true, nil}
`)
	var elts []ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok {
			elts = lit.Elts
		}
		return true
	})
	want := []struct {
		s  string
		ok bool
	}{{"kv", true}, {"lit", true}, {"", false}, {"", false}, {"", false}, {"", false}}
	if len(elts) != len(want) {
		t.Fatalf("%d elements, want %d", len(elts), len(want))
	}
	for i, x := range elts {
		if s, ok := typesutil.ConstString(info, x); s != want[i].s || ok != want[i].ok {
			t.Errorf("ConstString(element %d) = %q, %v; want %q, %v", i, s, ok, want[i].s, want[i].ok)
		}
	}
	if s, ok := typesutil.ConstString(info, nil); s != "" || ok {
		t.Errorf("ConstString(nil) = %q, %v", s, ok)
	}
}

// TestConstStringPathJoin checks the folding of path.Join of constants,
// and of concatenations with such calls, which are no constants to the
// type checker.
func TestConstStringPathJoin(t *testing.T) {
	_, info, file := check(t, `package p

import "path"

const base = "/v1/"

var v = "x"

var parts = []string{"a"}

var xs = []any{
	path.Join(base, "orders"),
	path.Join(base, "orders") + "/{id}",
	"/api" + (path.Join("/", base, "..", "items")),
	path.Join(),
	path.Join(base, v),
	path.Join(base, "a") + v,
	path.Join(parts...),
	path.Base(base),
	len(path.Join(base)),
}
`)
	var elts []ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok && len(lit.Elts) > 1 {
			elts = lit.Elts
		}
		return true
	})
	want := []struct {
		s  string
		ok bool
	}{
		{"/v1/orders", true},
		{"/v1/orders/{id}", true},
		{"/api/items", true},
		{"", true},
		{"", false}, // a variable element
		{"", false}, // a variable operand
		{"", false}, // a spread slice
		{"", false}, // only path.Join is folded
		{"", false}, // not a string
	}
	if len(elts) != len(want) {
		t.Fatalf("%d elements, want %d", len(elts), len(want))
	}
	for i, x := range elts {
		if s, ok := typesutil.ConstString(info, x); s != want[i].s || ok != want[i].ok {
			t.Errorf("ConstString(%s) = %q, %v; want %q, %v", types.ExprString(x), s, ok, want[i].s, want[i].ok)
		}
	}
}
