package analyzers_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers"
)

// TestOwnConsumers runs every check over a service whose consumers
// subscribe through its own abstraction and deduplicate with its own
// helper, both described by its configuration (testdata/realconsume/svc):
// idemconsumer and idemttl report on the same lines, so the suite, which
// reports every check's findings, is the analyzer under test.
func TestOwnConsumers(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "testdata", "realconsume"))
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.Run(t, dir, analyzers.Suite, "./svc/...")
}
