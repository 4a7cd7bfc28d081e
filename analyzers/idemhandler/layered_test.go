package idemhandler_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestLayered runs the check over a module laid out like real services:
// each service registers its routes in its own package, and other
// packages wire, wrap and serve the routers. Every finding is expected
// once, at its registration line, whichever package decides it.
func TestLayered(t *testing.T) {
	moduletest.Run(t, filepath.Join(testdata, "layered"), []*analysis.Analyzer{idemhandler.Analyzer}, "./...")
}
