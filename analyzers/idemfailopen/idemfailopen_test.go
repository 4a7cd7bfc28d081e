package idemfailopen_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemfailopen"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdemfailopen(t *testing.T) {
	analysistest.Run(t, testdata, idemfailopen.Analyzer,
		"idemfailopen/directives",
		"idemfailopen/configured",
		"idemfailopen/calls",
		"idemfailopen/viaclient",
	)
}
