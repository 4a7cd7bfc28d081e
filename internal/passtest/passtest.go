// Package passtest tests the results of a pass that reports no
// diagnostics over the checks' fixtures: what it finds, described by the
// function that holds it, against a table.
package passtest

import (
	"fmt"
	"go/ast"
	"go/token"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// An Item is one thing a pass found: where, and its description.
type Item struct {
	Pos  token.Pos
	Desc string
}

// A Package is what a pass found in one fixture package.
type Package struct {
	// Items describes each item by the function that holds it: "f", "T.m",
	// "f#2" for the second in f.
	Items map[string]string
	// Funcs are the package's functions.
	Funcs map[string]bool
}

// checksOnly passes on the failures of analysistest.Run but those of the
// fixtures' // want comments, which are the checks' and not the pass's.
type checksOnly struct{ t *testing.T }

func (c checksOnly) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "no diagnostic was reported matching") {
		c.t.Error(msg)
	}
}

// Run runs a on the packages pkgs of the GOPATH-style tree testdata, in
// one load, and returns what items finds in each package's result.
func Run(t *testing.T, testdata string, a *analysis.Analyzer, items func(pass *analysis.Pass, result any) []Item, pkgs ...string) map[string]Package {
	t.Helper()
	results := analysistest.Run(checksOnly{t}, testdata, a, pkgs...)
	if len(results) != len(pkgs) {
		t.Fatalf("got %d results, want %d", len(results), len(pkgs))
	}
	out := make(map[string]Package)
	for _, r := range results {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Pass.Pkg.Path(), r.Err)
		}
		p := Package{Items: make(map[string]string), Funcs: make(map[string]bool)}
		n := make(map[string]int)
		for _, it := range items(r.Pass, r.Result) {
			at := enclosing(r.Pass.Files, it.Pos)
			if n[at]++; n[at] > 1 {
				at += fmt.Sprintf("#%d", n[at])
			}
			p.Items[at] = it.Desc
		}
		for _, file := range r.Pass.Files {
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					p.Funcs[funcName(fd)] = true
				}
			}
		}
		out[r.Pass.Pkg.Path()] = p
	}
	return out
}

// Check checks that got has exactly the items of want in each package,
// and, in each package of near, that its functions exist and hold none:
// they are the near misses of what (a "consumer", a "retry").
func Check(t *testing.T, what string, got map[string]Package, want map[string]map[string]string, near map[string][]string) {
	t.Helper()
	for _, pkg := range slices.Sorted(maps.Keys(want)) {
		for fn, w := range want[pkg] {
			if g, ok := got[pkg].Items[fn]; !ok {
				t.Errorf("%s: no %s in %s, want %s", pkg, what, fn, w)
			} else if g != w {
				t.Errorf("%s: %s in %s:\n got %s\nwant %s", pkg, what, fn, g, w)
			}
		}
		for fn, g := range got[pkg].Items {
			if _, ok := want[pkg][fn]; !ok {
				t.Errorf("%s: unexpected %s in %s: %s", pkg, what, fn, g)
			}
		}
	}
	for pkg, fns := range near {
		for _, fn := range fns {
			if !got[pkg].Funcs[fn] {
				t.Errorf("%s: near miss %s is not a function of the fixture", pkg, fn)
			}
			if g, ok := got[pkg].Items[fn]; ok {
				t.Errorf("%s: %s is not a %s, got %s", pkg, fn, what, g)
			}
		}
	}
}

// enclosing names the function declaration of files that holds pos.
func enclosing(files []*ast.File, pos token.Pos) string {
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return funcName(fd)
			}
		}
	}
	return "?"
}

// funcName names a function declaration: "f", or "T.m" for a method.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) != 1 {
		return fd.Name.Name
	}
	x := fd.Recv.List[0].Type
	if s, ok := x.(*ast.StarExpr); ok {
		x = s.X
	}
	if id, ok := x.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return "?." + fd.Name.Name
}
