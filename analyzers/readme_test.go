package analyzers_test

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/analyzers/idemexempt"
	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/config"
)

var update = flag.Bool("update", false, "rewrite the checks table of README.md from analyzers.Checks")

const (
	readme     = "../README.md"
	beginTable = "<!-- checks:begin -->\n"
	endTable   = "<!-- checks:end -->"
)

// summary returns the first line of an analyzer's Doc.
func summary(a *analysis.Analyzer) string {
	first, _, _ := strings.Cut(a.Doc, "\n")
	return first
}

// checksTable renders the README's table of checks.
func checksTable() string {
	var b strings.Builder
	b.WriteString("<!-- Generated from analyzers.Checks by: go test ./analyzers -run TestREADME -update -->\n\n")
	b.WriteString("| check | reports | settings read (besides `checks`, `tests` and `exempt`) |\n")
	b.WriteString("|---|---|---|\n")
	for _, c := range analyzers.Checks {
		a := c.Analyzer
		opts := "none"
		if len(c.Options) > 0 {
			opts = "`" + strings.Join(c.Options, "`, `") + "`"
		}
		fmt.Fprintf(&b, "| [`%s`](%s) | %s | %s |\n", a.Name, a.URL, summary(a), opts)
	}
	return b.String()
}

// TestREADME checks that the table of checks in README.md is generated
// from the registry; -update rewrites it.
func TestREADME(t *testing.T) {
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i := strings.Index(text, beginTable)
	j := strings.Index(text, endTable)
	if i < 0 || j < i {
		t.Fatalf("%s: no %q ... %q block", readme, strings.TrimSpace(beginTable), endTable)
	}
	start := i + len(beginTable)
	got, want := text[start:j], checksTable()
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile(readme, []byte(text[:start]+want+text[j:]), 0o666); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote the checks table of %s", readme)
		return
	}
	t.Errorf("the checks table of %s is stale; run: go test ./analyzers -run TestREADME -update\n%s", readme, lineDiff(got, want))
}

// lineDiff shows the lines of got and want that differ, in order: a
// minimal diff is not needed for a table of a few lines.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for k := range max(len(g), len(w)) {
		var gl, wl string
		var gok, wok bool
		if k < len(g) {
			gl, gok = g[k], true
		}
		if k < len(w) {
			wl, wok = w[k], true
		}
		if gok && wok && gl == wl {
			continue
		}
		if gok {
			fmt.Fprintf(&b, "line %d: - %s\n", k+1, gl)
		}
		if wok {
			fmt.Fprintf(&b, "line %d: + %s\n", k+1, wl)
		}
	}
	return b.String()
}

// TestRegistry checks the invariants the drivers, the plugin and the
// README rely on.
func TestRegistry(t *testing.T) {
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatalf("analysis.Validate: %v", err)
	}
	if len(all) != len(analyzers.Checks) {
		t.Fatalf("All() returns %d analyzers for %d checks", len(all), len(analyzers.Checks))
	}
	findings := reflect.TypeFor[*report.Findings]()
	seen := make(map[string]bool)
	for _, c := range analyzers.Checks {
		a := c.Analyzer
		if seen[a.Name] {
			t.Errorf("%s: registered twice", a.Name)
		}
		seen[a.Name] = true
		if !slices.Contains(config.CheckNames, a.Name) {
			t.Errorf("%s: not in config.CheckNames %v", a.Name, config.CheckNames)
		}
		if s := summary(a); s == "" || strings.HasPrefix(s, a.Name) || strings.ToLower(s[:1]) != s[:1] {
			t.Errorf("%s: Doc must start with a lower-case summary, not the check name; got %q", a.Name, a.Doc)
		}
		if a.URL == "" {
			t.Errorf("%s: no URL", a.Name)
		}
		if a.ResultType != findings {
			t.Errorf("%s: ResultType is %v, want %v", a.Name, a.ResultType, findings)
		}
		if c.Finder == nil || c.Finder.Name != a.Name {
			t.Errorf("%s: registered with the finder of %v", a.Name, c.Finder)
		}
		if c.Finder != idemexempt.Check && !slices.Contains(idemexempt.Checks(), c.Finder) {
			t.Errorf("%s: idemexempt does not ask for its findings, so it cannot tell which exemptions it used", a.Name)
		}
		// The checks share their work through the passes, and each other's
		// findings through their finders: an edge more per check would
		// cost every package an action input.
		if len(a.Requires) != 1 || a.Requires[0] != passes.Analyzer {
			t.Errorf("%s: requires %v, want only %s", a.Name, a.Requires, passes.Analyzer.Name)
		}
		// nogo drives each analyzer alone with no flags: none may be needed.
		a.Flags.VisitAll(func(f *flag.Flag) {
			t.Errorf("%s: has flag -%s; checks take their settings from the configuration", a.Name, f.Name)
		})
		for _, opt := range c.Options {
			if err := knownKey(opt); err != nil {
				t.Errorf("%s: option %q: %v", a.Name, opt, err)
			}
		}
	}
}

// knownKey reports an error when key (dotted for nested keys, such as
// adr.dir) is not a key of the configuration schema.
func knownKey(key string) error {
	var b strings.Builder
	for depth, part := range strings.Split(key, ".") {
		fmt.Fprintf(&b, "%s%s:\n", strings.Repeat("  ", depth), part)
	}
	_, err := config.Parse([]byte(b.String()), "options.yaml")
	if err != nil && strings.Contains(err.Error(), "unknown key") {
		return err
	}
	return nil
}
