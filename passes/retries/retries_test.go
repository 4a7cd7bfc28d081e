package retries_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/passes/retries"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

// sites reports every retry the pass finds, with its mechanism and the
// number of non-idempotent operations it retries.
var sites = &analysis.Analyzer{
	Name:     "sites",
	Doc:      "reports the retries found by the retries pass",
	Requires: []*analysis.Analyzer{retries.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, r := range pass.ResultOf[retries.Analyzer].(*retries.Result).Retries {
			pass.Reportf(r.Pos, "retry %s ops=%d", r.Mechanism, len(r.Ops))
		}
		return nil, nil
	},
}

func TestSites(t *testing.T) {
	analysistest.Run(t, testdata, sites, "retries/sites")
}

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{sites}); err != nil {
		t.Fatal(fmt.Errorf("validate: %w", err))
	}
}
