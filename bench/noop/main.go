// Command noop is the floor idemlint is measured against: a multichecker
// whose one analyzer does nothing but declare a fact type, so the driver
// loads and type-checks exactly what it loads for idemlint.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

type fact struct{}

func (*fact) AFact() {}

var analyzer = &analysis.Analyzer{
	Name:      "noop",
	Doc:       "noop: does nothing; the floor for benchmarks",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(fact)},
}

func main() { multichecker.Main(analyzer) }
