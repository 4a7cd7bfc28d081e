// Package modtest helps tests that load module fixtures built against
// real modules.
package modtest

import (
	"os"
	"os/exec"
	"testing"
)

// Download downloads the modules of the module in dir through the
// configured proxy: analysistest loads module testdata with GOPROXY=off.
func Download(t testing.TB, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
}
