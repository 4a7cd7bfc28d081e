package report

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFindingsPanic checks that a panic in a check's Find names the check
// when another analyzer (idemexempt, the suite) asked for its findings,
// and is left as it is under the check's own analyzer.
func TestFindingsPanic(t *testing.T) {
	c := &Check{Name: "idemhandler", Find: func(*analysis.Pass) ([]*Finding, error) { panic("boom") }}
	for _, tc := range []struct {
		asker, want string
	}{
		{"idemexempt", "finding the problems of idemhandler: boom"},
		{"idemhandler", "boom"},
	} {
		got := func() (p any) {
			defer func() { p = recover() }()
			c.Findings(&analysis.Pass{Analyzer: &analysis.Analyzer{Name: tc.asker}})
			return nil
		}()
		if msg := fmt.Sprint(got); msg != tc.want {
			t.Errorf("asked by %s: panic %q, want %q", tc.asker, msg, tc.want)
		}
	}
}
