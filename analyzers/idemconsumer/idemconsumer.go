package idemconsumer

import (
	_ "embed"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/consumers"
)

//go:embed doc.go
var doc string

// Check finds the problems idemconsumer reports.
var Check = &report.Check{Name: "idemconsumer", Find: find}

// Analyzer reports at-least-once consumers with side effects and no dedup.
var Analyzer = &analysis.Analyzer{
	Name:       "idemconsumer",
	Doc:        checkdoc.MustExtract(doc, "idemconsumer"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemconsumer",
	Run:        safe.Run("idemconsumer", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	var findings []*report.Finding
	cs, err := passes.Of(pass).Consumers()
	if err != nil {
		return nil, err
	}
	for _, c := range cs.Consumers {
		if !c.Reportable() {
			continue
		}
		why := "delivery is at least once, so a redelivered message repeats it"
		if c.Delivery == consumers.AsyncCommit {
			why = "CommitInterval commits offsets in the background, so a crash redelivers messages and repeats it"
		}
		findings = append(findings, &report.Finding{
			Pos: c.Pos,
			End: c.End,
			Message: c.Name() + " " + c.Unprotected + " with no dedup (" + why +
				"); claim a key derived from the message in the dedup store before the first side effect, wrap the handler in the consumer middleware, or exempt it with an ADR",
			Subject: report.Subject{Consumer: c},
			Reason:  report.Unprotected,
		})
	}
	return findings, nil
}
