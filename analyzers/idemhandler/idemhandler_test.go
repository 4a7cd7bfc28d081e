package idemhandler_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdemhandler(t *testing.T) {
	analysistest.Run(t, testdata, idemhandler.Analyzer,
		"idemhandler/chi",
		"idemhandler/nethttp",
		"idemhandler/helpers",
		"idemhandler/methodless",
		"idemhandler/methodlesseffects",
		"idemhandler/unserved",
		"idemhandler/strict",
		"idemhandler/configured",
		"idemhandler/exempt",
		"idemhandler/gorilla",
		"idemhandler/httprouter",
		"idemhandler/alice",
		"idemhandler/gin",
		"idemhandler/echo",
		"idemhandler/fiber",
		"idemhandler/testfiles",
		"idemhandler/testfileson",
	)
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, idemhandler.Analyzer, "idemhandler/fix")
}
