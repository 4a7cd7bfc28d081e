package typesutil_test

import (
	"go/types"
	"testing"

	"github.com/idemlint/idemlint/internal/typesutil"
)

func TestImportSet(t *testing.T) {
	pkg := func(path string, imports ...*types.Package) *types.Package {
		p := types.NewPackage(path, path)
		p.SetImports(imports)
		return p
	}
	db := pkg("example.com/db")
	store := pkg("example.com/store", db)
	app := pkg("example.com/app", store, pkg("example.com/log"))
	other := pkg("example.com/other", pkg("example.com/log"))
	named := func(path string) func(*types.Package) bool {
		return func(p *types.Package) bool { return p.Path() == path }
	}
	dbs := typesutil.NewImportSet(named("example.com/db"))
	// A set never asked about never runs its predicate.
	calls := 0
	typesutil.NewImportSet(func(*types.Package) bool { calls++; return false })
	for _, tc := range []struct {
		pkg  *types.Package
		want bool
	}{
		{app, true},    // through store
		{store, true},  // directly
		{db, false},    // the package itself does not count
		{other, false}, // nothing in reach
	} {
		if got := dbs.Reached(tc.pkg); got != tc.want {
			t.Errorf("db reached from %s = %t, want %t", tc.pkg.Path(), got, tc.want)
		}
	}

	// A set made after the packages were first asked about answers for
	// itself, and the first set's answers do not change.
	logs := typesutil.NewImportSet(named("example.com/log"))
	for _, tc := range []struct {
		set     *typesutil.ImportSet
		pkg     *types.Package
		want    bool
		setName string
	}{
		{logs, app, true, "log"},
		{logs, other, true, "log"},
		{logs, store, false, "log"},
		{dbs, app, true, "db"},
		{dbs, other, false, "db"},
	} {
		if got := tc.set.Reached(tc.pkg); got != tc.want {
			t.Errorf("%s reached from %s = %t, want %t", tc.setName, tc.pkg.Path(), got, tc.want)
		}
	}
	if calls != 0 {
		t.Errorf("the predicate of a set never asked about ran %d times", calls)
	}
}
