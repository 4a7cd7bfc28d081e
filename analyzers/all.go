// Package analyzers is the registry of idemlint's checks: the standalone
// and vet driver, the golangci-lint plugin and the tests all read it.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/idembudget"
	"github.com/idemlint/idemlint/analyzers/idemconsumer"
	"github.com/idemlint/idemlint/analyzers/idemexempt"
	"github.com/idemlint/idemlint/analyzers/idemfailopen"
	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/analyzers/idemoverkill"
	"github.com/idemlint/idemlint/analyzers/idemretry"
	"github.com/idemlint/idemlint/analyzers/idemstore"
	"github.com/idemlint/idemlint/analyzers/idemttl"
	"github.com/idemlint/idemlint/analyzers/report"
)

// A Check is one check of the suite: its analyzer, what finds its
// findings, and the configuration keys it reads besides checks, tests and
// exempt.
type Check struct {
	Analyzer *analysis.Analyzer
	Finder   *report.Check
	Options  []string
}

// Checks lists every check, in documentation order.
var Checks = []Check{
	{idemhandler.Analyzer, idemhandler.Check, []string{"middleware", "dedup", "naturally-idempotent-methods", "mutating-verbs"}},
	{idemconsumer.Analyzer, idemconsumer.Check, []string{"consumers", "consumer-middleware", "dedup", "financial.calls", "mutating-verbs"}},
	{idemfailopen.Analyzer, idemfailopen.Check, []string{"middleware", "fail-open", "financial.paths", "financial.calls", "naturally-idempotent-methods"}},
	{idemttl.Analyzer, idemttl.Check, []string{"middleware", "ttl", "min-ttl", "min-ttl-financial", "financial.paths", "financial.calls", "naturally-idempotent-methods"}},
	{idemstore.Analyzer, idemstore.Check, []string{"middleware", "local-store", "naturally-idempotent-methods"}},
	{idemretry.Analyzer, idemretry.Check, []string{"key-headers", "naturally-idempotent-methods", "mutating-verbs"}},
	{idembudget.Analyzer, idembudget.Check, nil},
	{idemoverkill.Analyzer, idemoverkill.Check, []string{"middleware", "dedup"}},
	{idemexempt.Analyzer, idemexempt.Check, []string{"adr.pattern", "adr.dir"}},
}

// All returns the analyzers of every check.
func All() []*analysis.Analyzer {
	all := make([]*analysis.Analyzer, len(Checks))
	for i, c := range Checks {
		all[i] = c.Analyzer
	}
	return all
}
