package effects

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestRelevant checks which packages the pass infers effects for: not a
// package whose interface calls with a mutating verb are all the standard
// library's (flag.Value.Set, net.Conn.SetDeadline), but one calling its
// own module's interfaces.
func TestRelevant(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "..", "testdata"))
	for _, tc := range []struct {
		pkg      string
		relevant bool
	}{
		{"effects/stdverbs", false},
		{"effects/verbs", true},
	} {
		results := analysistest.Run(t, testdata, Analyzer, tc.pkg)
		if len(results) != 1 || results[0].Err != nil {
			t.Fatalf("%s: got %d results (%v)", tc.pkg, len(results), results)
		}
		if got := results[0].Result.(*Result).Analysed(); got != tc.relevant {
			t.Errorf("%s: effects inferred %v, want %v", tc.pkg, got, tc.relevant)
		}
	}
}
