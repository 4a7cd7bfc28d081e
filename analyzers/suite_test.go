package analyzers_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestOwnConsumers runs every check over a service whose consumers
// subscribe through its own abstraction and deduplicate with its own
// helper, both described by its configuration (testdata/realconsume/svc):
// idemconsumer and idemttl report on the same lines, so the suite, which
// reports every check's findings, is the analyzer under test.
func TestOwnConsumers(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "testdata", "realconsume"))
	moduletest.Download(t, dir)
	analysistest.Run(t, dir, analyzers.Suite, "./svc/...")
}
