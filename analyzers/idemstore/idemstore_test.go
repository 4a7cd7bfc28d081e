package idemstore_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemstore"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdemstore(t *testing.T) {
	analysistest.Run(t, testdata, idemstore.Analyzer,
		"idemstore/directives",
		"idemstore/configured",
		"idemstore/fiber",
		"idemstore/watermill",
	)
}
