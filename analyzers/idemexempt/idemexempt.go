package idemexempt

import (
	_ "embed"
	"errors"
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/directives"
)

//go:embed doc.go
var doc string

// checks are the checks whose findings exemptions may suppress, as the
// registry (package analyzers) registers them. Their findings are asked
// for, not required through their analyzers: that would add eight edges
// per package to the host's graph; and idemexempt does not import them,
// so that no check depends on another.
var checks []*report.Check

// Register sets the checks whose findings exemptions may suppress, in
// documentation order. The registry calls it when it is initialised,
// before any analysis runs.
func Register(cs []*report.Check) { checks = cs }

// Checks returns the checks Register set.
func Checks() []*report.Check { return checks }

// errUnregistered is the error of a run that needs the findings of the
// other checks when no registry has registered them.
var errUnregistered = errors.New("idemexempt: no checks registered: use the analyzers of package github.com/idemlint/idemlint/analyzers")

// Check finds the problems idemexempt reports.
var Check = &report.Check{Name: "idemexempt", Find: find}

// Analyzer reports invalid and unused exemptions and malformed directives.
var Analyzer = &analysis.Analyzer{
	Name:       "idemexempt",
	Doc:        checkdoc.MustExtract(doc, "idemexempt"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemexempt",
	Run:        safe.Run("idemexempt", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	models := passes.Of(pass)
	cfg, dirs := models.Config, models.Directives
	var used map[*directives.Directive]bool // built when a valid exemption needs it
	var findings []*report.Finding
	for _, d := range dirs.Directives() {
		if !cfg.Tests && report.InTestFile(pass.Fset, d.Pos) {
			continue
		}
		var msg string
		reason := report.MalformedDirective
		switch {
		case d.Name == directives.Exempt && !d.Valid():
			msg, reason = "exemption "+d.Err+" (an invalid exemption suppresses nothing)", report.InvalidExemption
		case d.Name == "":
			msg = d.Err
		case !d.Valid():
			msg = "//idem:" + d.Name + " " + d.Err
		case d.Name == directives.Exempt:
			if used == nil {
				var err error
				if used, err = usedExemptions(pass); err != nil {
					return nil, err
				}
			}
			if used[d] {
				continue
			}
			if decidedElsewhere(pass, d) {
				continue // used, or not, where its routes are decided
			}
			msg, reason = "exemption "+d.ADR+" suppresses nothing (no idem finding on the lines it covers); remove it", report.UnusedExemption
		default:
			continue
		}
		findings = append(findings, &report.Finding{Pos: d.Pos, End: d.End, Message: msg, Subject: report.Subject{Directive: d}, Reason: reason})
	}
	unused, err := unusedImported(pass)
	if err != nil {
		return nil, err
	}
	return append(findings, unused...), nil
}

// decidedElsewhere reports whether an exemption covers a route whose
// router the package passes on to importers, which decide it.
func decidedElsewhere(pass *analysis.Pass, d *directives.Directive) bool {
	rts, err := passes.Of(pass).Routes()
	if err != nil {
		return false
	}
	for _, rt := range rts.Routes {
		if rt.Exported && d.Covers(rt.Pos) {
			return true
		}
	}
	return false
}

// unusedImported reports the exemptions of another package that cover a
// route this package decides, and that suppress nothing here.
func unusedImported(pass *analysis.Pass) ([]*report.Finding, error) {
	rts, err := passes.Of(pass).Routes()
	if err != nil {
		return nil, err
	}
	var candidates []*directives.Directive
	for _, rt := range rts.Routes {
		if rt.Served && rt.Home != nil {
			candidates = append(candidates, rt.Exemptions()...)
		}
	}
	if len(candidates) == 0 {
		return nil, nil
	}
	cs := Checks()
	if len(cs) == 0 {
		return nil, errUnregistered
	}
	used := make(map[token.Pos]bool)
	for _, c := range cs {
		fs, err := c.Findings(pass)
		if err != nil {
			return nil, err
		}
		for _, f := range fs.List {
			if f.Exemption != nil {
				used[f.Exemption.Pos] = true
			}
		}
	}
	var out []*report.Finding
	for _, d := range candidates {
		if used[d.Pos] {
			continue
		}
		used[d.Pos] = true // reported once
		out = append(out, &report.Finding{Pos: d.Pos, End: d.End,
			Message: "exemption " + d.ADR + " suppresses nothing (no idem finding on the lines it covers, where its routes are decided); remove it",
			Subject: report.Subject{Directive: d}, Reason: report.UnusedExemption})
	}
	return out, nil
}

// usedExemptions returns the exemptions that suppress a finding of a check.
func usedExemptions(pass *analysis.Pass) (map[*directives.Directive]bool, error) {
	cs := Checks()
	if len(cs) == 0 {
		return nil, errUnregistered
	}
	used := make(map[*directives.Directive]bool)
	for _, c := range cs {
		fs, err := c.Findings(pass)
		if err != nil {
			return nil, err
		}
		for _, f := range fs.List {
			if f.Exemption != nil {
				used[f.Exemption] = true
			}
		}
	}
	return used, nil
}
