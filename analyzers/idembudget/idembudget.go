package idembudget

import (
	_ "embed"
	"fmt"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/retries"
)

//go:embed doc.go
var doc string

// Check finds the problems idembudget reports.
var Check = &report.Check{Name: "idembudget", Find: find}

// Analyzer reports retries with no bound or no backoff.
var Analyzer = &analysis.Analyzer{
	Name:       "idembudget",
	Doc:        checkdoc.MustExtract(doc, "idembudget"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idembudget",
	Run:        safe.Run("idembudget", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	var findings []*report.Finding
	rs, err := passes.Of(pass).Retries()
	if err != nil {
		return nil, err
	}
	for _, r := range rs.Retries {
		if r.Unbounded != "" {
			findings = append(findings, &report.Finding{
				Pos: r.Pos, End: r.End,
				Message: fmt.Sprintf("%s%s has no bound (%s: an outage becomes a retry storm); %s", r.Mechanism, of(r), r.Unbounded, r.BoundFix),
				Subject: report.Subject{Retry: r},
				Reason:  report.Unbounded,
			})
		}
		if r.NoBackoff != "" {
			findings = append(findings, &report.Finding{
				Pos: r.Pos, End: r.End,
				Message: fmt.Sprintf("%s%s has no backoff between attempts (%s, hammering a failing dependency); %s", r.Mechanism, of(r), r.NoBackoff, r.BackoffFix),
				Subject: report.Subject{Retry: r},
				Reason:  report.NoBackoff,
			})
		}
	}
	return findings, nil
}

// of names what a retry retries, when known.
func of(r *retries.Retry) string {
	if len(r.Ops) > 0 {
		return " of " + r.Ops[0].Desc
	}
	return ""
}
