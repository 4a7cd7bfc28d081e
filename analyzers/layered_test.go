package analyzers_test

import (
	"path/filepath"
	"testing"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestLayered runs every check over a module laid out like real
// services: each service registers its routes in its own package, and
// other packages wire, wrap and serve the routers. Every finding is
// expected once, at its line, whichever package decides it.
func TestLayered(t *testing.T) {
	moduletest.Run(t, filepath.Join("..", "testdata", "layered"), analyzers.All(), "./...")
}
