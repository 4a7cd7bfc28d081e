package effects

import (
	"go/ast"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestBody checks the summaries of function bodies: loops and the
// packages called, each once, literals included; names used only as
// types and calls within the package are not calls into a package.
func TestBody(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "..", "testdata"))
	results := analysistest.Run(t, testdata, Analyzer, "effects/body")
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("got %d results (%v)", len(results), results)
	}
	res := results[0].Result.(*Result)
	want := map[string]struct {
		loops bool
		calls []string
	}{
		"Plain":  {false, []string{"strings"}},
		"helper": {false, nil},
		"Twice":  {false, []string{"net/http", "strings"}},
		"Nested": {true, []string{"net/http"}},
		"Ranges": {true, nil},
		"Typed":  {false, nil},
	}
	for _, f := range results[0].Pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			w, ok := want[fd.Name.Name]
			if !ok {
				t.Fatalf("unexpected function %s", fd.Name.Name)
			}
			delete(want, fd.Name.Name)
			b := res.Body(fd)
			if b == nil {
				t.Errorf("%s: no summary", fd.Name.Name)
				continue
			}
			var calls []string
			for _, p := range b.Calls {
				calls = append(calls, p.Path())
			}
			slices.Sort(calls)
			if b.Loops != w.loops || !slices.Equal(calls, w.calls) {
				t.Errorf("%s: loops %v, calls %v; want %v, %v", fd.Name.Name, b.Loops, calls, w.loops, w.calls)
			}
			if got, want := b.CallsInto(func(p string) bool { return p == "net/http" }), slices.Contains(w.calls, "net/http"); got != want {
				t.Errorf("%s: CallsInto(net/http) = %v, want %v", fd.Name.Name, got, want)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("functions not found: %v", want)
	}
}
