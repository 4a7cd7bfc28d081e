package analyzers_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/analyzers/report"
)

// TestStructuredFindings checks that every finding of every check says
// what it is about and why, as data: hosts such as the inventory read
// those fields, never the message.
func TestStructuredFindings(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu       sync.Mutex
		problems []string
		reasons  = make(map[string]map[report.Reason]bool) // by check
	)
	structured := &analysis.Analyzer{
		Name:     "structured",
		Doc:      "checks the subject and reason of every finding",
		Requires: analyzers.All(),
		Run: func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			defer mu.Unlock()
			for _, a := range pass.Analyzer.Requires {
				for _, f := range pass.ResultOf[a].(*report.Findings).List {
					at := fmt.Sprintf("%s: %s: %s", pass.Fset.Position(f.Pos), f.Check, f.Message)
					if f.Reason == "" {
						problems = append(problems, at+": no reason")
					}
					if s := f.Subject; s.Route == nil && s.Consumer == nil && s.Retry == nil && s.Setting == nil && s.Directive == nil {
						problems = append(problems, at+": no subject")
					}
					if reasons[f.Check] == nil {
						reasons[f.Check] = make(map[report.Reason]bool)
					}
					reasons[f.Check][f.Reason] = true
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(onlyErrors{t}, testdata, structured,
		"idemhandler/nethttp", "idemhandler/grpc", "idemconsumer/kafkago", "idemconsumer/watermill",
		"idemretry/loops", "idemretry/backoff", "idembudget/loops", "idemfailopen/directives",
		"idemttl/configured", "idemttl/watermill", "idemstore/configured", "idemstore/watermill",
		"idemoverkill/chi", "idemexempt/exempt")
	for _, p := range problems {
		t.Error(p)
	}
	for _, c := range analyzers.Checks {
		if len(reasons[c.Analyzer.Name]) == 0 {
			t.Errorf("%s: no finding in the fixtures", c.Analyzer.Name)
		}
	}
}

// onlyErrors ignores the expectations of the fixtures, which are the
// checks', and fails the test on any other error.
type onlyErrors struct{ t *testing.T }

func (u onlyErrors) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "no diagnostic was reported matching") {
		u.t.Error(msg)
	}
}
