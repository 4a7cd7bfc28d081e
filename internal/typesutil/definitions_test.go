package typesutil_test

import (
	"go/ast"
	"go/types"
	"testing"

	"github.com/idemlint/idemlint/internal/typesutil"
)

func TestDefinitions(t *testing.T) {
	const src = `package p

var table = []string{"a"}

func f() (int, error) { return 0, nil }

func g() {
	once := "x"
	twice := "a"
	twice = "b"
	n, err := f()
	var late string
	late = "y"
	_, _, _, _, _, _ = once, twice, n, err, late, table
}
`
	_, info, file := check(t, src)
	defs := typesutil.Definitions(info, []*ast.File{file})
	lookup := func(name string) types.Object {
		for id, obj := range info.Defs {
			if id.Name == name && obj != nil {
				return obj
			}
		}
		t.Fatalf("no variable %s", name)
		return nil
	}
	for name, want := range map[string]string{
		"table": "[]string{…}",
		"once":  `"x"`,
		"twice": "", // given two values
		"n":     "f()",
		"late":  `"y"`, // declared without a value, assigned once
	} {
		got := ""
		if x := defs[lookup(name)]; x != nil {
			got = types.ExprString(x)
		}
		if got != want {
			t.Errorf("definition of %s = %q, want %q", name, got, want)
		}
	}
}
