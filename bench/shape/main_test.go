package main

import (
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers"
)

// TestIdle checks that the idle graph has idemlint's shape: the same
// analyzers by name, requirements and fact types, each Run returning a
// value of its result type.
func TestIdle(t *testing.T) {
	var compare func(real, idle *analysis.Analyzer)
	compare = func(real, idle *analysis.Analyzer) {
		if real == idle {
			t.Fatalf("%s: not copied", real.Name)
		}
		if idle.Name != real.Name || idle.ResultType != real.ResultType || !reflect.DeepEqual(idle.FactTypes, real.FactTypes) || idle.RunDespiteErrors != real.RunDespiteErrors {
			t.Errorf("%s: copy differs: %s, %v, %v", real.Name, idle.Name, idle.ResultType, idle.FactTypes)
		}
		res, err := idle.Run(nil)
		if err != nil || reflect.TypeOf(res) != real.ResultType {
			t.Errorf("%s: Run returned %T, %v; want a %v", real.Name, res, err, real.ResultType)
		}
		if len(idle.Requires) != len(real.Requires) {
			t.Fatalf("%s: %d requirements, want %d", real.Name, len(idle.Requires), len(real.Requires))
		}
		for i := range real.Requires {
			compare(real.Requires[i], idle.Requires[i])
		}
	}
	all := analyzers.All()
	got := idle(all)
	if len(got) != len(all) {
		t.Fatalf("%d analyzers, want %d", len(got), len(all))
	}
	for i := range all {
		compare(all[i], got[i])
	}
	// Analyzers required by several share one copy, as in the real graph.
	if got[0].Requires[0] != got[1].Requires[0] {
		t.Errorf("the checks' common requirement was copied twice")
	}
	if err := analysis.Validate(got); err != nil {
		t.Error(err)
	}
}
