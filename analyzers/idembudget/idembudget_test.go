package idembudget_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idembudget"
	"github.com/idemlint/idemlint/internal/moduletest"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdembudget(t *testing.T) {
	analysistest.Run(t, testdata, idembudget.Analyzer,
		"idembudget/loops",
		"idembudget/libs",
		"idembudget/failsafe",
		"idembudget/viadep",
	)
}

// TestRealModules runs the check over the budget package of the module
// that imports the real retry libraries (retry-go v3 and v4 among them).
// analysistest loads module testdata with GOPROXY=off, so the modules are
// downloaded first through the configured proxy.
func TestRealModules(t *testing.T) {
	dir := filepath.Join(testdata, "realretry")
	moduletest.Download(t, dir)
	analysistest.Run(t, dir, idembudget.Analyzer, "./budget/...")
}
