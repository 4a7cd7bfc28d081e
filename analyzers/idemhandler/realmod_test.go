package idemhandler_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
)

// TestRealModules runs the check over a module that imports the real
// go-chi/chi/v5, so the stubs in testdata/src cannot drift from it.
// analysistest loads module testdata with GOPROXY=off, so the modules are
// downloaded first through the configured proxy.
func TestRealModules(t *testing.T) {
	dir := filepath.Join(testdata, "realmod")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.Run(t, dir, idemhandler.Analyzer, "./...")
}
