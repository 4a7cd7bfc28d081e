package analyzers_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

const module = "github.com/idemlint/idemlint/"

// TestLayers checks the layering of the module: internal/ holds leaf
// helpers, which import neither the passes nor the checks; the passes
// import no check; and no check depends on another: only the registry
// imports them all.
func TestLayers(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps, Dir: ".."}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	layer := func(path string) string {
		rel, ok := strings.CutPrefix(path, module)
		if !ok {
			return ""
		}
		switch {
		case strings.HasPrefix(rel, "internal/"):
			return "internal"
		case strings.HasPrefix(rel, "passes/") || rel == "passes":
			return "passes"
		case strings.HasPrefix(rel, "analyzers/idem"):
			return "check"
		}
		return ""
	}
	for _, p := range pkgs {
		from := layer(p.PkgPath)
		if from == "" {
			continue
		}
		seen := make(map[string]bool)
		var visit func(q *packages.Package)
		visit = func(q *packages.Package) {
			for _, imp := range q.Imports {
				if seen[imp.PkgPath] {
					continue
				}
				seen[imp.PkgPath] = true
				to := layer(imp.PkgPath)
				switch {
				case from == "internal" && (to == "passes" || to == "check" || strings.HasPrefix(imp.PkgPath, module+"analyzers")):
					t.Errorf("%s (a leaf helper) depends on %s", p.PkgPath, imp.PkgPath)
				case from == "passes" && strings.HasPrefix(imp.PkgPath, module+"analyzers"):
					t.Errorf("%s (a pass) depends on %s", p.PkgPath, imp.PkgPath)
				case from == "check" && to == "check" && !strings.HasPrefix(imp.PkgPath, p.PkgPath):
					t.Errorf("check %s depends on check %s: only the registry imports the checks", p.PkgPath, imp.PkgPath)
				}
				visit(imp)
			}
		}
		visit(p)
	}
}
