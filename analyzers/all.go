// Package analyzers is the registry of idemlint's checks: the standalone
// and vet driver, the golangci-lint plugin and the tests all read it.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/idemexempt"
	"github.com/idemlint/idemlint/analyzers/idemhandler"
)

// A Check is one analyzer of the suite and the configuration keys it reads
// besides checks and tests.
type Check struct {
	Analyzer *analysis.Analyzer
	Options  []string
}

// Checks lists every check, in documentation order.
var Checks = []Check{
	{idemhandler.Analyzer, []string{"middleware", "dedup", "naturally-idempotent-methods"}},
	{idemexempt.Analyzer, []string{"adr.pattern", "adr.dir"}},
}

// All returns the analyzers of every check.
func All() []*analysis.Analyzer {
	all := make([]*analysis.Analyzer, len(Checks))
	for i, c := range Checks {
		all[i] = c.Analyzer
	}
	return all
}
