// Command shape is idemlint's analyzer graph with no work in it: every
// check and the shared-passes analyzer they require, with the same names,
// requirements and fact types, each returning at once. Run beside
// bench/noop under the same driver, it measures what the driver spends on
// the graph itself (an action, a goroutine and a pass per analyzer and
// package), apart from what the checks do.
package main

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/idemlint/idemlint/analyzers"
)

func main() {
	idle := make(map[*analysis.Analyzer]*analysis.Analyzer)
	var clone func(a *analysis.Analyzer) *analysis.Analyzer
	clone = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := idle[a]; ok {
			return c
		}
		c := &analysis.Analyzer{
			Name:             a.Name,
			Doc:              a.Doc,
			FactTypes:        a.FactTypes,
			ResultType:       a.ResultType,
			RunDespiteErrors: a.RunDespiteErrors,
		}
		c.Run = func(*analysis.Pass) (any, error) {
			if c.ResultType == nil {
				return nil, nil
			}
			return reflect.Zero(c.ResultType).Interface(), nil
		}
		for _, req := range a.Requires {
			c.Requires = append(c.Requires, clone(req))
		}
		idle[a] = c
		return c
	}
	var all []*analysis.Analyzer
	for _, a := range analyzers.All() {
		all = append(all, clone(a))
	}
	multichecker.Main(all...)
}
