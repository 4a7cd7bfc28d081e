// Package report is the one reporting step every check goes through: it
// shapes messages the same way for every host, drops findings that
// configuration turns off, and applies exemptions.
package report

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/dedup"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/retries"
	"github.com/idemlint/idemlint/passes/routes"
)

// A Reason says why a check reports a finding, for readers of findings
// as data (the inventory): the message says it to people.
type Reason string

// Reasons of the checks' findings.
const (
	Unprotected        Reason = "unprotected"         // idemhandler, idemconsumer: a mutating entry point without dedup
	NoKey              Reason = "no-key"              // idemretry: an operation retried without an idempotency key
	KeyPerAttempt      Reason = "key-per-attempt"     // idemretry: a key minted inside the retried code
	Unbounded          Reason = "unbounded"           // idembudget: a retry that never gives up
	NoBackoff          Reason = "no-backoff"          // idembudget: attempts that follow each other at once
	FailOpen           Reason = "fail-open"           // idemfailopen: a dedup layer that lets requests through while its store is down
	ShortWindow        Reason = "short-window"        // idemttl: a dedup window below the minimum
	LocalStore         Reason = "local-store"         // idemstore: an in-process dedup store
	DedupTwice         Reason = "dedup-twice"         // idemoverkill: two dedup layers on one route
	DedupRead          Reason = "dedup-read"          // idemoverkill: dedup on a route that does not mutate
	InvalidExemption   Reason = "invalid-exemption"   // idemexempt: an exemption that suppresses nothing as written
	UnusedExemption    Reason = "unused-exemption"    // idemexempt: a valid exemption that suppressed no finding
	MalformedDirective Reason = "malformed-directive" // idemexempt: a //idem: directive that is not one
)

// A Subject is what a finding is about: the entry point, retry, setting
// or directive. The fields that do not apply are nil.
type Subject struct {
	// Route is the route the finding is about, and Method the method
	// the finding names it by (for a route of any method, the mutating
	// method its handler branches on). The exempt setting matches the
	// route's path and the package that registered it.
	Route  *routes.Route
	Method string
	// Consumer is the queue consumer the finding is about.
	Consumer *consumers.Consumer
	// Retry is the retry site the finding is about.
	Retry *retries.Retry
	// Setting is the dedup-store setting (option, field or store) the
	// finding is about; Route or Consumer, when set, is the entry point
	// it guards.
	Setting *dedup.Setting
	// Directive is the //idem: directive the finding is about.
	Directive *directives.Directive
}

// A Finding is one problem a check found, before exemptions apply.
type Finding struct {
	Check    string    // check name, e.g. "idemhandler"
	Pos, End token.Pos // the construct
	Message  string    // "WHAT (WHY); FIX", lower case, without the check name
	Fixes    []analysis.SuggestedFix
	// Related names other places that explain the finding, such as where
	// the router of a route registered in another package is served.
	Related []analysis.RelatedInformation
	// Exemptions are the exemptions of another package that cover the
	// finding: the package that registered a route decided here.
	Exemptions []*directives.Directive
	// Subject is what the finding is about, and Reason why it is
	// reported: the finding as data.
	Subject Subject
	Reason  Reason
	// Exemption is the valid exemption that suppressed the finding, or
	// nil: a directive, or an entry of the exempt setting (its Config).
	Exemption *directives.Directive
}

// Findings is the result type of every check: all findings of the package,
// including those an exemption suppressed, so that idemexempt can tell
// which exemptions were used.
type Findings struct {
	List []*Finding
	// Decided and Undecided are, for idemhandler, the registrations of the
	// mutating routes the package decides (their router is served here)
	// and of those registered here whose router it does not serve: a
	// driver that sees every package can tell which no package decides.
	Decided, Undecided []token.Pos
}

// A Check is one check of the suite: its name, and the function that
// finds its problems in a package. Its analyzer's Run is Run; idemexempt
// and the suite ask for its findings through Findings, without requiring
// its analyzer, which would add an action input per check and package to
// the host's graph. The shared passes are computed once per package;
// what Find adds is cheap, and computed again only for such a caller.
type Check struct {
	Name string
	Find func(*analysis.Pass) ([]*Finding, error)
	// Annotate, when set, adds to the findings what drivers read
	// besides them (Findings.Decided and Undecided).
	Annotate func(*analysis.Pass, *Findings) error
}

func (c *Check) String() string { return c.Name }

// Findings returns the findings of c in the package of pass. Duplicates
// are dropped, and so are findings in test files unless tests are enabled;
// a finding that a valid exemption covers carries it.
func (c *Check) Findings(pass *analysis.Pass) (*Findings, error) {
	if pass.Analyzer == nil || pass.Analyzer.Name != c.Name {
		defer func() {
			if p := recover(); p != nil {
				panic(fmt.Sprintf("finding the problems of %s: %v", c.Name, p))
			}
		}()
	}
	if r, ok := pass.ResultOf[passes.Analyzer].(*passes.Results); ok && r.Err() != nil {
		return nil, r.Err() // an invalid configuration
	}
	fs, err := c.Find(pass)
	if err != nil {
		return nil, err
	}
	out := c.resolve(pass, fs)
	if c.Annotate != nil {
		if err := c.Annotate(pass, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Run is the Run of c's analyzer: it reports the findings of c that no
// exemption covers, unless configuration disables c, and returns them all.
func (c *Check) Run(pass *analysis.Pass) (any, error) {
	fs, err := c.Findings(pass)
	if err != nil {
		return nil, err
	}
	if passes.Of(pass).Config.Enabled(c.Name) {
		for _, f := range fs.List {
			if f.Exemption == nil {
				pass.Report(Diagnostic(f))
			}
		}
	}
	return fs, nil
}

// resolve names c in fs, drops duplicates and, unless tests are enabled,
// findings in test files, and attaches exemptions.
func (c *Check) resolve(pass *analysis.Pass, fs []*Finding) *Findings {
	cfg := passes.Of(pass).Config
	dirs := passes.Of(pass).Directives
	seen := make(map[string]bool)
	out := &Findings{}
	for _, f := range fs {
		f.Check = c.Name
		key := pass.Fset.Position(f.Pos).String() + f.Message
		if seen[key] {
			continue
		}
		seen[key] = true
		if !cfg.Tests && InTestFile(pass.Fset, f.Pos) {
			continue
		}
		f.Exemption = dirs.Exemption(c.Name, f.Pos)
		if f.Exemption != nil && f.Exemption.Pos <= f.Pos && f.Pos < f.Exemption.End {
			f.Exemption = nil // a finding about the exemption itself
		}
		for _, d := range f.Exemptions {
			if f.Exemption == nil && d.Applies(c.Name) {
				f.Exemption = d
			}
		}
		if f.Exemption == nil {
			f.Exemption = Configured(dirs, c.Name, pass.Pkg.Path(), f.Subject.Route)
		}
		out.List = append(out.List, f)
	}
	return out
}

// Configured returns the entry of the exempt setting, as an exemption,
// that covers a finding of check in package pkg on the route rt (nil for
// none), or nil. The package that registered a route decided in pkg
// counts as the finding's package too.
func Configured(dirs *directives.Result, check, pkg string, rt *routes.Route) *directives.Directive {
	if rt == nil {
		return dirs.Configured(check, "", pkg)
	}
	if rt.Home != nil {
		return dirs.Configured(check, rt.Path, pkg, rt.Home.Pkg)
	}
	return dirs.Configured(check, rt.Path, pkg)
}

// Diagnostic converts a finding to the diagnostic every host shows.
func Diagnostic(f *Finding) analysis.Diagnostic {
	return analysis.Diagnostic{
		Pos:            f.Pos,
		End:            f.End,
		Category:       f.Check,
		Message:        f.Check + ": " + f.Message,
		SuggestedFixes: f.Fixes,
		Related:        f.Related,
	}
}

// InTestFile reports whether pos is in a _test.go file.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// DisplayPath shows a route's path: "(dynamic path)" when it is not a
// constant.
func DisplayPath(p string) string {
	if p == "" {
		return "(dynamic path)"
	}
	return p
}
