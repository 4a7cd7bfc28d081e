package idemfailopen_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemfailopen"
	"github.com/idemlint/idemlint/analyzers/idemstore"
	"github.com/idemlint/idemlint/analyzers/idemttl"
	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// policy reports the findings of the three dedup-store policy checks, so
// that one run over the real modules checks them all.
var policy = &analysis.Analyzer{
	Name:     "idempolicy",
	Doc:      "report the findings of idemfailopen, idemttl and idemstore",
	Requires: []*analysis.Analyzer{idemfailopen.Analyzer, idemttl.Analyzer, idemstore.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, a := range pass.Analyzer.Requires {
			for _, f := range pass.ResultOf[a].(*report.Findings).List {
				if f.Exemption == nil {
					pass.Report(report.Diagnostic(f))
				}
			}
		}
		return nil, nil
	},
}

// TestRealModules runs the policy checks over a module that imports the
// real gofiber/fiber v2 (its idempotency middleware's defaults) and
// stripe-go v82 (money-moving calls), so the stubs cannot drift from them.
// analysistest loads module testdata with GOPROXY=off, so the modules are
// downloaded first through the configured proxy.
func TestRealModules(t *testing.T) {
	if testing.Short() {
		t.Skip("loads large real modules")
	}
	dir := filepath.Join(testdata, "realpolicy")
	moduletest.Download(t, dir)
	analysistest.Run(t, dir, policy, "./...")
}
