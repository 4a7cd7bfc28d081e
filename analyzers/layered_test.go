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

// TestLayeredRPC is TestLayered for gRPC and connect services: a service
// registered on a server its caller owns, a connect handler built in one
// package and mounted in another, servers built by a platform package.
func TestLayeredRPC(t *testing.T) {
	moduletest.Run(t, filepath.Join("..", "testdata", "layeredrpc"), analyzers.All(), "./...")
}
