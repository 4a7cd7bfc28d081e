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

func main() { multichecker.Main(idle(analyzers.All())...) }

// idle returns copies of roots and of the analyzers they require,
// transitively, whose Run does nothing and returns the zero value of the
// result type.
func idle(roots []*analysis.Analyzer) []*analysis.Analyzer {
	copies := make(map[*analysis.Analyzer]*analysis.Analyzer)
	var clone func(a *analysis.Analyzer) *analysis.Analyzer
	clone = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := copies[a]; ok {
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
		copies[a] = c
		return c
	}
	var out []*analysis.Analyzer
	for _, a := range roots {
		out = append(out, clone(a))
	}
	return out
}
