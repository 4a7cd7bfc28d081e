package idembudget_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idembudget"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdembudget(t *testing.T) {
	analysistest.Run(t, testdata, idembudget.Analyzer,
		"idembudget/loops",
		"idembudget/libs",
		"idembudget/failsafe",
		"idembudget/viadep",
	)
}
