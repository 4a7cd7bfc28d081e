package typesutil

import (
	"go/token"
	"go/types"
	"testing"
)

func TestIsStd(t *testing.T) {
	for path, want := range map[string]bool{
		"fmt":                         true,
		"net/http":                    true,
		"net/http_test":               true,
		"fmt_test":                    true,
		"internal/poll":               true,
		"vendor/golang.org/x/net/dns": true,
		"example.com/net":             false,
		"github.com/go-chi/chi/v5":    false,
		"myapp":                       false,
		"myapp_test":                  false,
		"textual/x":                   false,
		"":                            false,
	} {
		if got := IsStd(path); got != want {
			t.Errorf("IsStd(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestFieldOf(t *testing.T) {
	pkg := types.NewPackage("p", "p")
	id := types.NewField(token.NoPos, pkg, "ID", types.Typ[types.Int], false)
	name := types.NewField(token.NoPos, pkg, "Name", types.Typ[types.String], false)
	st := types.NewStruct([]*types.Var{id, name}, []string{`gorm:"primary_key"`, ""})
	named := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Row", nil), st, nil)
	for _, tt := range []struct {
		t    types.Type
		name string
		want *types.Var
		tag  string
	}{
		{named, "ID", id, `gorm:"primary_key"`},
		{types.NewPointer(named), "Name", name, ""},
		{named, "Missing", nil, ""},
		{types.Typ[types.Int], "ID", nil, ""},
		{nil, "ID", nil, ""},
	} {
		v, tag := FieldOf(tt.t, tt.name)
		if v != tt.want || tag != tt.tag {
			t.Errorf("FieldOf(%v, %s) = %v, %q; want %v, %q", tt.t, tt.name, v, tag, tt.want, tt.tag)
		}
	}
	if StructOf(types.NewPointer(types.NewPointer(named))) != nil {
		t.Error("StructOf(**Row) is not nil: only one pointer is followed")
	}
}
