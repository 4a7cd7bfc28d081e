package idemhandler_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestRealModules runs the check over a module that imports the real
// go-chi/chi/v5, so the stubs in testdata/src cannot drift from it.
// analysistest loads module testdata with GOPROXY=off, so the modules are
// downloaded first through the configured proxy.
func TestRealModules(t *testing.T) {
	dir := filepath.Join(testdata, "realmod")
	moduletest.Download(t, dir)
	analysistest.Run(t, dir, idemhandler.Analyzer, "./...")
}
