package typesutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/internal/typesutil"
)

func TestAssignments(t *testing.T) {
	const src = `package p

func f() (int, error) { return 0, nil }

func g(xs []string) {
	var zero string
	q := "SELECT"
	q += " id"
	n, err := f()
	n *= 2
	for i, x := range xs {
		_, _ = i, x
	}
	c := 0
	c++
	_, _, _, _, _ = zero, q, n, err, c
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	values := typesutil.Assignments(info, []*ast.File{file})
	show := func(name string) string {
		for id, obj := range info.Defs {
			if id.Name != name || obj == nil {
				continue
			}
			var parts []string
			for _, x := range values[obj] {
				switch x := x.(type) {
				case nil:
					parts = append(parts, "?")
				case *typesutil.Element:
					parts = append(parts, "elem("+types.ExprString(x.Expr)+")")
				default:
					if x == typesutil.ZeroValue {
						parts = append(parts, "zero")
					} else {
						parts = append(parts, types.ExprString(x))
					}
				}
			}
			return strings.Join(parts, "; ")
		}
		t.Fatalf("no variable %s", name)
		return ""
	}
	for name, want := range map[string]string{
		"zero": "zero",
		"q":    `"SELECT"; q + " id"`,
		"n":    "f(); ?",
		"err":  "?",
		"i":    "?",
		"x":    "elem(xs)",
		"c":    "0; ?",
	} {
		if got := show(name); got != want {
			t.Errorf("values of %s = %s, want %s", name, got, want)
		}
	}
	defs := values.Definitions()
	for id, obj := range info.Defs {
		if id.Name == "x" && defs[obj] != nil {
			t.Errorf("range variable x has a definition: %s", types.ExprString(defs[obj]))
		}
	}
}
