// Package report is the one reporting step every check goes through: it
// shapes messages the same way for every host, drops findings that
// configuration turns off, and applies exemptions.
package report

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/directives"
)

// A Finding is one problem a check found, before exemptions apply.
type Finding struct {
	Check    string    // check name, e.g. "idemhandler"
	Pos, End token.Pos // the construct
	Message  string    // "WHAT (WHY); FIX", lower case, without the check name
	Fixes    []analysis.SuggestedFix
	// Exemption is the valid exemption that suppressed the finding, or nil.
	Exemption *directives.Directive
}

// Findings is the result type of every check: all findings of the package,
// including those an exemption suppressed, so that idemexempt can tell
// which exemptions were used.
type Findings struct {
	List []*Finding
}

// Emit reports the findings of check for pass: findings in test files
// are dropped unless tests are enabled, a valid exemption suppresses a
// finding, and nothing is reported when the check is disabled. It returns
// the findings for dependent analyzers.
func Emit(pass *analysis.Pass, check string, fs []*Finding) *Findings {
	cfg := passes.Of(pass).Config
	dirs := passes.Of(pass).Directives
	seen := make(map[string]bool)
	out := &Findings{}
	for _, f := range fs {
		f.Check = check
		key := pass.Fset.Position(f.Pos).String() + f.Message
		if seen[key] {
			continue
		}
		seen[key] = true
		if !cfg.Tests && InTestFile(pass.Fset, f.Pos) {
			continue
		}
		f.Exemption = dirs.Exemption(check, f.Pos)
		if f.Exemption != nil && f.Exemption.Pos <= f.Pos && f.Pos < f.Exemption.End {
			f.Exemption = nil // a finding about the exemption itself
		}
		out.List = append(out.List, f)
		if f.Exemption != nil || !cfg.Enabled(check) {
			continue
		}
		pass.Report(Diagnostic(f))
	}
	return out
}

// Diagnostic converts a finding to the diagnostic every host shows.
func Diagnostic(f *Finding) analysis.Diagnostic {
	return analysis.Diagnostic{
		Pos:            f.Pos,
		End:            f.End,
		Category:       f.Check,
		Message:        f.Check + ": " + f.Message,
		SuggestedFixes: f.Fixes,
	}
}

// InTestFile reports whether pos is in a _test.go file.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}
