package analyzers

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/passes"
)

// Editor returns the analyzers of every check for an editor's language
// server (gopls), which shows diagnostics but drops the errors of
// analyzers. There an invalid configuration, which stops every check, is
// a diagnostic of the first check (idemhandler) on the package clause of
// each package's first file, naming the file, line and key; the other
// checks report nothing. Each analyzer is a copy with the check's name.
func Editor() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(Checks))
	for i, c := range Checks {
		a := *c.Analyzer
		run, first := c.Analyzer.Run, i == 0
		a.Run = func(pass *analysis.Pass) (any, error) {
			err := passes.Of(pass).Err()
			if err == nil {
				return run(pass)
			}
			if first && len(pass.Files) > 0 {
				f := pass.Files[0]
				pass.Report(analysis.Diagnostic{
					Pos:      f.Package,
					End:      f.Name.End(),
					Category: a.Name,
					Message:  a.Name + ": invalid configuration: " + strings.ReplaceAll(err.Error(), "\n", "; ") + " (no idem check runs in this package until it is fixed)",
				})
			}
			return &report.Findings{}, nil
		}
		out[i] = &a
	}
	return out
}
