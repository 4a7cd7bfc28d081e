package idemexempt

import (
	_ "embed"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/idembudget"
	"github.com/idemlint/idemlint/analyzers/idemconsumer"
	"github.com/idemlint/idemlint/analyzers/idemfailopen"
	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/analyzers/idemoverkill"
	"github.com/idemlint/idemlint/analyzers/idemretry"
	"github.com/idemlint/idemlint/analyzers/idemstore"
	"github.com/idemlint/idemlint/analyzers/idemttl"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/report"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/directives"
)

//go:embed doc.go
var doc string

// checks are the analyzers whose findings exemptions may suppress.
var checks = []*analysis.Analyzer{
	idemhandler.Analyzer,
	idemconsumer.Analyzer,
	idemfailopen.Analyzer,
	idemttl.Analyzer,
	idemstore.Analyzer,
	idemretry.Analyzer,
	idembudget.Analyzer,
	idemoverkill.Analyzer,
}

// Analyzer reports invalid and unused exemptions and malformed directives.
var Analyzer = &analysis.Analyzer{
	Name:       "idemexempt",
	Doc:        checkdoc.MustExtract(doc, "idemexempt"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemexempt",
	Run:        safe.Run("idemexempt", run),
	Requires:   append([]*analysis.Analyzer{passes.Analyzer}, checks...),
	ResultType: reflect.TypeFor[*report.Findings](),
}

func run(pass *analysis.Pass) (any, error) {
	models := passes.Of(pass)
	cfg, dirs := models.Config, models.Directives
	used := make(map[*directives.Directive]bool)
	for _, c := range checks {
		for _, f := range pass.ResultOf[c].(*report.Findings).List {
			if f.Exemption != nil {
				used[f.Exemption] = true
			}
		}
	}
	var findings []*report.Finding
	for _, d := range dirs.Directives() {
		if !cfg.Tests && report.InTestFile(pass.Fset, d.Pos) {
			continue
		}
		var msg string
		switch {
		case d.Name == directives.Exempt && !d.Valid():
			msg = "exemption " + d.Err + " (an invalid exemption suppresses nothing)"
		case d.Name == "":
			msg = d.Err
		case !d.Valid():
			msg = "//idem:" + d.Name + " " + d.Err
		case d.Name == directives.Exempt && !used[d]:
			msg = "exemption " + d.ADR + " suppresses nothing (no idem finding on the lines it covers); remove it"
		default:
			continue
		}
		findings = append(findings, &report.Finding{Pos: d.Pos, End: d.End, Message: msg})
	}
	return report.Emit(pass, "idemexempt", findings), nil
}
