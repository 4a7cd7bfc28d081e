package idemoverkill_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemoverkill"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdemoverkill(t *testing.T) {
	analysistest.Run(t, testdata, idemoverkill.Analyzer,
		"idemoverkill/chi",
		"idemoverkill/grpc",
		"idemoverkill/connect",
	)
}
