package idemttl_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemttl"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdemttl(t *testing.T) {
	analysistest.Run(t, testdata, idemttl.Analyzer,
		"idemttl/directives",
		"idemttl/configured",
		"idemttl/fiber",
		"idemttl/watermill",
	)
}
