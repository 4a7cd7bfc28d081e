// Package analyzers is the registry of idemlint's checks: the standalone
// and vet driver, the golangci-lint plugin and the tests all read it.
package analyzers

import (
	"fmt"

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
	"github.com/idemlint/idemlint/internal/checklist"
)

// A Check is one check of the suite: its analyzer, what finds its
// findings, and the configuration keys it reads besides checks, tests and
// exempt.
type Check struct {
	Analyzer *analysis.Analyzer
	Finder   *report.Check
	Options  []string
}

// implementations are the analyzers and finders of the checks, which
// checklist.Checks names and orders.
var implementations = []struct {
	analyzer *analysis.Analyzer
	finder   *report.Check
}{
	{idemhandler.Analyzer, idemhandler.Check},
	{idemconsumer.Analyzer, idemconsumer.Check},
	{idemfailopen.Analyzer, idemfailopen.Check},
	{idemttl.Analyzer, idemttl.Check},
	{idemstore.Analyzer, idemstore.Check},
	{idemretry.Analyzer, idemretry.Check},
	{idembudget.Analyzer, idembudget.Check},
	{idemoverkill.Analyzer, idemoverkill.Check},
	{idemexempt.Analyzer, idemexempt.Check},
}

// Checks lists every check, in documentation order (checklist.Checks).
var Checks = register()

// register pairs every check of checklist.Checks with its
// implementation; a check without one, or an implementation the list
// does not name, is a programming error.
func register() []Check {
	byName := make(map[string]int, len(implementations))
	for i, impl := range implementations {
		if impl.analyzer.Name != impl.finder.Name {
			panic(fmt.Sprintf("analyzers: analyzer %s registered with the finder of %s", impl.analyzer.Name, impl.finder.Name))
		}
		byName[impl.analyzer.Name] = i
	}
	if len(byName) != len(checklist.Checks) {
		panic(fmt.Sprintf("analyzers: %d implementations for %d checks", len(byName), len(checklist.Checks)))
	}
	out := make([]Check, len(checklist.Checks))
	for i, c := range checklist.Checks {
		j, ok := byName[c.Name]
		if !ok {
			panic("analyzers: no implementation of check " + c.Name)
		}
		out[i] = Check{implementations[j].analyzer, implementations[j].finder, c.Options}
	}
	return out
}

// init hands idemexempt the finders of the checks whose findings
// exemptions may suppress: it asks them for their findings to tell which
// exemptions were used, and does not import them.
func init() {
	var finders []*report.Check
	for i, c := range checklist.Checks {
		if c.Exemptible {
			finders = append(finders, Checks[i].Finder)
		}
	}
	idemexempt.Register(finders)
}

// All returns the analyzers of every check.
func All() []*analysis.Analyzer {
	all := make([]*analysis.Analyzer, len(Checks))
	for i, c := range Checks {
		all[i] = c.Analyzer
	}
	return all
}

// Lookup returns the analyzer of the check named name, or nil.
func Lookup(name string) *analysis.Analyzer {
	for _, c := range Checks {
		if c.Analyzer.Name == name {
			return c.Analyzer
		}
	}
	return nil
}
