package idemexempt_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	// The registry registers the checks whose findings idemexempt asks
	// for.
	_ "github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/analyzers/idemexempt"
)

func TestIdemexempt(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, idemexempt.Analyzer, "idemexempt/exempt")
}
