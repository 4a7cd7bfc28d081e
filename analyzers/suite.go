package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
)

// Suite runs every check and reports their findings as one analyzer named
// idemlint. Hosts that show only root analyzers' diagnostics and prefix
// them with the analyzer name unless it matches theirs (golangci-lint) use
// it, so each finding appears once, named by its check.
var Suite = &analysis.Analyzer{
	Name:     "idemlint",
	Doc:      "run every idemlint check",
	URL:      "https://pkg.go.dev/github.com/idemlint/idemlint",
	Run:      safe.Run("idemlint", runSuite),
	Requires: []*analysis.Analyzer{passes.Analyzer},
}

// runSuite asks every check for its findings rather than requiring the
// checks' analyzers: the host's graph holds two analyzers per package, not
// eleven. golangci-lint turns each piece of related information into an
// issue of its own ("idemlint(related information): ..."), where the
// router of a route is served: the findings go without it there.
func runSuite(pass *analysis.Pass) (any, error) {
	cfg := passes.Of(pass).Config
	for _, c := range Checks {
		fs, err := c.Finder.Findings(pass)
		if err != nil {
			return nil, err
		}
		for _, f := range fs.List {
			if f.Exemption == nil && cfg.Enabled(f.Check) {
				d := report.Diagnostic(f)
				d.Related = nil
				pass.Report(d)
			}
		}
	}
	return nil, nil
}
