package idemretry_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemretry"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdemretry(t *testing.T) {
	analysistest.Run(t, testdata, idemretry.Analyzer,
		"idemretry/loops",
		"idemretry/retryablehttp",
		"idemretry/backoff",
		"idemretry/stripe",
		"idemretry/libs",
		"idemretry/effects",
		"idemretry/resty",
		"idemretry/grpc",
		"idemretry/failsafe",
		"idemretry/configured",
		"idemretry/exempt",
	)
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, idemretry.Analyzer, "idemretry/fix")
}
