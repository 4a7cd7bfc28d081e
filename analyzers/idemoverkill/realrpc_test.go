package idemoverkill_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemoverkill"
)

// TestRealRPC runs the check over the real gRPC-Go, connect-go and
// go-grpc-middleware v2 selector (module testdata/realrpc).
func TestRealRPC(t *testing.T) {
	dir := filepath.Join(testdata, "realrpc")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.Run(t, dir, idemoverkill.Analyzer, "./overkillapp")
}
