package analyzers_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers"
)

// TestEditor checks the analyzers for editors, which drop the errors of
// analyzers: an invalid configuration is one diagnostic, of the first
// check, on the package clause of the package's first file.
func TestEditor(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	editor := analyzers.Editor()
	if len(editor) != len(analyzers.Checks) {
		t.Fatalf("Editor() returns %d analyzers, want one per check (%d)", len(editor), len(analyzers.Checks))
	}
	for i, a := range editor {
		if a.Name != analyzers.Checks[i].Analyzer.Name || a == analyzers.Checks[i].Analyzer {
			t.Errorf("Editor()[%d] is %s (%p), want a copy of %s", i, a.Name, a, analyzers.Checks[i].Analyzer.Name)
		}
	}
	analysistest.Run(t, testdata, editor[0], "editor/badconfig")
	for _, a := range editor[1:] {
		for _, res := range analysistest.Run(ignoreWants{}, testdata, a, "editor/badconfig") {
			if res.Err != nil || len(res.Diagnostics) > 0 {
				t.Errorf("%s: error %v, diagnostics %v; want neither", a.Name, res.Err, res.Diagnostics)
			}
		}
	}
	// With a valid configuration, the analyzers are the checks'.
	analysistest.Run(t, testdata, editor[0], "idemhandler/nethttp")
}

// ignoreWants ignores the expectations of another analyzer.
type ignoreWants struct{}

func (ignoreWants) Errorf(string, ...any) {}
