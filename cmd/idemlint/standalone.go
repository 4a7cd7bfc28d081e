package main

// The standalone driver: idemlint [flags] packages... It loads the
// packages with go/packages, runs the checks through the public
// go/analysis/checker API, and prints each finding once however many
// packages report it (a package and its test variant; a router served by
// two commands), as text, JSON or SARIF, or applies the suggested fixes.
// go vet and go fix run the multichecker instead (see dispatch).

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/analyzers/report"
)

// options are the flags of a standalone run.
type options struct {
	format        string
	json          bool
	fix, diff     bool
	context       int
	tests         bool
	config        string
	baseline      string
	writeBaseline bool
	cpuprofile    string
	memprofile    string
	only, without map[string]bool // -NAME and -NAME=false
}

// standaloneFlags returns the flag set of a standalone run, filling o.
func standaloneFlags(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("idemlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json (as -json) or sarif (SARIF 2.1.0, for code scanning)")
	fs.BoolVar(&o.json, "json", false, "print findings as JSON, by package and check (same as -format=json)")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes; when findings without a fix remain, say how many and exit 3")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.IntVar(&o.context, "c", -1, "print `N` lines of source around each finding, -1 for none")
	fs.BoolVar(&o.tests, "test", true, "also load test packages (findings in _test.go files need tests: true)")
	fs.StringVar(&o.config, "config", "", "path of the idemlint configuration `file`; overrides discovery of .idemlint.yaml")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in this baseline `file` (text or sarif)")
	fs.BoolVar(&o.writeBaseline, "write-baseline", false, "record the current findings in the -baseline file, overwriting it, and exit 0")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to `file`")
	fs.StringVar(&o.memprofile, "memprofile", "", "write a memory profile of the run to `file`")
	o.only, o.without = make(map[string]bool), make(map[string]bool)
	for _, a := range analyzers.All() {
		fs.Var(checkFlag{a.Name, o}, a.Name, "run only this check (-"+a.Name+"=false: all checks but this one)")
	}
	fs.Usage = func() { usage(stderr, fs) }
	return fs
}

// checkFlag is -NAME: true selects the check, false deselects it.
type checkFlag struct {
	name string
	o    *options
}

func (f checkFlag) String() string   { return "" }
func (f checkFlag) IsBoolFlag() bool { return true }
func (f checkFlag) Set(v string) error {
	switch strings.ToLower(v) {
	case "true", "1", "t":
		f.o.only[f.name] = true
	case "false", "0", "f":
		f.o.without[f.name] = true
	default:
		return fmt.Errorf("want true or false, got %q", v)
	}
	return nil
}

// selected returns the analyzers a run uses: those named with -NAME, or
// all but those named with -NAME=false.
func (o *options) selected() []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range analyzers.All() {
		if (len(o.only) > 0 && !o.only[a.Name]) || o.without[a.Name] {
			continue
		}
		out = append(out, a)
	}
	return out
}

// runStandalone runs a standalone analysis and returns the exit status.
func runStandalone(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := standaloneFlags(&o, stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if o.json {
		o.format = "json"
	}
	switch {
	case o.format != "text" && o.format != "json" && o.format != "sarif":
		fmt.Fprintf(stderr, "idemlint: -format=%s: want text, json or sarif (inventory: text, json or markdown)\n", o.format)
		return exitError
	case o.baseline != "" && o.format == "json":
		fmt.Fprintln(stderr, "idemlint: -format=json cannot be combined with -baseline: want text or sarif")
		return exitError
	case o.writeBaseline && o.baseline == "":
		fmt.Fprintln(stderr, "idemlint: -write-baseline needs -baseline FILE")
		return exitError
	case o.diff && !o.fix:
		fmt.Fprintln(stderr, "idemlint: -diff needs -fix")
		return exitError
	case fs.NArg() == 0:
		fs.Usage()
		return exitError
	}
	if err := setConfig(o.config); err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	if stop := profile(&o, stderr); stop != nil {
		defer stop()
	}

	var accepted baseline
	if o.baseline != "" && !o.writeBaseline {
		var err error
		if accepted, err = readBaseline(o.baseline); err != nil {
			fmt.Fprintln(stderr, "idemlint:", err)
			return exitError
		}
	}

	r, err := analyze(o.selected(), fs.Args(), o.tests, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	code := exitClean
	if r.failed {
		code = exitError
	}
	found := append(r.findings(), r.unusedExemptions(fs.Args())...)
	undecided := r.undecidedRoutes()

	switch {
	case o.writeBaseline:
		if r.failed {
			fmt.Fprintf(stderr, "idemlint: not writing %s: the analysis failed\n", o.baseline)
			return exitError
		}
		if err := writeBaseline(o.baseline, found); err != nil {
			fmt.Fprintln(stderr, "idemlint:", err)
			return exitError
		}
		fmt.Fprintf(stderr, "idemlint: recorded %d findings in %s\n", len(found), o.baseline)
		return exitClean
	case accepted != nil:
		found = accepted.filter(found)
	}

	switch {
	case o.fix:
		left, err := applyFixes(found, o.diff, stdout)
		if err != nil {
			fmt.Fprintln(stderr, "idemlint:", err)
			return exitError
		}
		if left > 0 {
			fmt.Fprintf(stderr, "idemlint: %d findings have no suggested fix; run idemlint without -fix to see them\n", left)
			code = max(code, exitFindings)
		}
		reportUndecided(stderr, undecided)
		return code
	case o.format == "sarif":
		if err := writeSARIF(stdout, r, found, o.baseline != ""); err != nil {
			fmt.Fprintln(stderr, "idemlint:", err)
			return exitError
		}
	case o.format == "json":
		if err := writeJSON(stdout, r, found); err != nil {
			fmt.Fprintln(stderr, "idemlint:", err)
			return exitError
		}
		reportUndecided(stderr, undecided)
		return code // as the multichecker: 0 with -json unless the run failed
	default:
		for _, f := range found {
			f.print(stderr, o.context)
		}
	}
	reportUndecided(stderr, undecided)
	if code == exitClean && len(found) > 0 {
		code = exitFindings
	}
	return code
}

// reportUndecided says how many mutating routes no analysed package
// decides, so that a user knows the run was partial.
func reportUndecided(w io.Writer, n int) {
	if n > 0 {
		fmt.Fprintf(w, "idemlint: %d mutating routes not decided: their routers are not served in the analysed packages, or their methods are not constants (idemlint inventory lists them)\n", n)
	}
}

// undecidedRoutes counts the mutating routes registered in the root
// packages that no package of the run decides: their routers are served
// nowhere the analysis saw. A registration decided anywhere counts as
// decided.
func (r *run) undecidedRoutes() int {
	decided := make(map[token.Position]bool)
	undecided := make(map[token.Position]bool)
	for _, act := range r.graph.Roots {
		fs, ok := act.Result.(*report.Findings)
		if act.Analyzer.Name != "idemhandler" || !ok {
			continue
		}
		for _, pos := range fs.Decided {
			decided[act.Package.Fset.Position(pos)] = true
		}
		for _, pos := range fs.Undecided {
			undecided[act.Package.Fset.Position(pos)] = true
		}
	}
	n := 0
	for k := range undecided {
		if !decided[k] {
			n++
		}
	}
	return n
}

// print prints a finding as the multichecker does: "POSN: MESSAGE", its
// related information indented, and with -c N the source around it.
func (f *finding) print(w io.Writer, context int) {
	show := func(posn, end string, line, endLine int, filename, message string) {
		fmt.Fprintf(w, "%s: %s\n", posn, message)
		if context < 0 {
			return
		}
		data, _ := os.ReadFile(filename)
		lines := strings.Split(string(data), "\n")
		for i := line - context; i <= endLine+context; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	show(f.posn.String(), f.end.String(), f.posn.Line, max(f.end.Line, f.posn.Line), f.posn.Filename, f.message)
	for _, rel := range f.related {
		p := f.fset.Position(rel.Pos)
		show(p.String(), "", p.Line, p.Line, p.Filename, "\t"+rel.Message)
	}
}

// writeJSON prints the findings as the multichecker's -json does: by
// package and check, each finding once, with the analysis errors.
func writeJSON(w io.Writer, r *run, found []*finding) error {
	type edit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	type fix struct {
		Message string `json:"message"`
		Edits   []edit `json:"edits"`
	}
	type related struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	type diagnostic struct {
		Category       string    `json:"category,omitempty"`
		Posn           string    `json:"posn"`
		End            string    `json:"end"`
		Message        string    `json:"message"`
		SuggestedFixes []fix     `json:"suggested_fixes,omitempty"`
		Related        []related `json:"related,omitempty"`
	}
	tree := make(map[string]map[string]any)
	add := func(pkg, check string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = make(map[string]any)
		}
		if v == nil {
			return
		}
		if list, ok := tree[pkg][check].([]diagnostic); ok {
			tree[pkg][check] = append(list, v.(diagnostic))
		} else {
			tree[pkg][check] = v
		}
	}
	for _, f := range found {
		d := diagnostic{Category: f.check, Posn: f.posn.String(), End: f.end.String(), Message: f.message}
		for _, sf := range f.fixes {
			x := fix{Message: sf.Message, Edits: []edit{}}
			for _, e := range sf.TextEdits {
				p, q := f.fset.Position(e.Pos), f.fset.Position(e.End)
				x.Edits = append(x.Edits, edit{Filename: p.Filename, Start: p.Offset, End: q.Offset, New: string(e.NewText)})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, x)
		}
		for _, rel := range f.related {
			d.Related = append(d.Related, related{Posn: f.fset.Position(rel.Pos).String(), End: f.fset.Position(rel.End).String(), Message: rel.Message})
		}
		if _, ok := tree[f.pkg][f.check].([]diagnostic); !ok {
			add(f.pkg, f.check, []diagnostic{})
		}
		add(f.pkg, f.check, d)
	}
	// Each error once per package: every check returns an invalid
	// configuration as its error.
	reported := make(map[[2]string]bool)
	for act := range r.graph.All() {
		if act.Err == nil || strings.HasPrefix(act.Err.Error(), "failed prerequisites: ") {
			continue
		}
		if k := [2]string{act.Package.ID, act.Err.Error()}; !reported[k] {
			reported[k] = true
			add(act.Package.ID, act.Analyzer.Name, map[string]string{"error": act.Err.Error()})
		}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// profile starts the profiles the options ask for and returns the
// function that writes them, or nil.
func profile(o *options, stderr io.Writer) func() {
	var stops []func()
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(stderr, "idemlint:", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if o.memprofile != "" {
		stops = append(stops, func() {
			f, err := os.Create(o.memprofile)
			if err != nil {
				fmt.Fprintln(stderr, "idemlint:", err)
				return
			}
			defer f.Close()
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				fmt.Fprintln(stderr, "idemlint:", err)
			}
		})
	}
	if len(stops) == 0 {
		return nil
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}

// usage prints how to run idemlint: what it is, its subcommands, its
// checks, the flags of fs (the per-check flags as one -NAME entry) and
// its exit status.
func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `idemlint checks Go code against the idempotency standard: mutating routes
and consumers without the platform's dedup, retries around non-idempotent
calls, unsafe dedup-store settings, and exemptions without an ADR.

Usage:
  idemlint [-C DIR] [flags] packages...            report findings (exit 3 when there are any)
  idemlint [-C DIR] inventory [flags] packages...  list every mutating entry point and its protection
  idemlint help [CHECK|inventory]...               print this help, a check's documentation or the inventory's flags
  go vet -vettool=$(command -v idemlint) [-config=FILE] packages...
  go fix -fixtool=$(command -v idemlint) packages...

-C DIR changes to DIR first; like the go command's, it must be the first
argument. Flags go before the package patterns. go vet and go fix run
idemlint once per package (they also ask it for -flags and -V=full).

Checks (-NAME runs only the named checks, -NAME=false all but these; the
checks setting of .idemlint.yaml is usually the better place):
`)
	checks := make(map[string]bool)
	for _, c := range analyzers.Checks {
		checks[c.Analyzer.Name] = true
		short, _, _ := strings.Cut(c.Analyzer.Doc, "\n")
		fmt.Fprintf(w, "  %-13s %s\n", c.Analyzer.Name, strings.TrimPrefix(short, c.Analyzer.Name+": "))
	}
	fmt.Fprint(w, "\nFlags:\n")
	// The flags but the checks', which the list above describes.
	rest := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
	rest.SetOutput(w)
	fs.VisitAll(func(f *flag.Flag) {
		if !checks[f.Name] {
			rest.Var(f.Value, f.Name, f.Usage)
		}
	})
	rest.PrintDefaults()
	fmt.Fprint(w, `  -NAME, -NAME=false
    	run only the named checks, or all but these (NAME is a check above)

Inventory flags (idemlint inventory [flags] packages...):
`)
	var inv inventoryOptions
	inventoryFlags(&inv, w).PrintDefaults()
	fmt.Fprint(w, `
Exit status: 0 clean, 3 findings, 1 error (a configuration that does not
load or validate, packages that do not build). With -json the status is 0
unless packages fail to load; -write-baseline exits 0. The inventory exits
0, or 3 with -require-contract-tests when a route has no contract test.
Under go vet the status is go vet's.

idemlint help CHECK prints a check's documentation, with bad and good
examples. More: README.md and docs/ of github.com/idemlint/idemlint.
`)
}

// runHelp prints the usage, or the documentation of the named checks and
// the inventory's usage for "inventory".
func runHelp(names []string, stdout, stderr io.Writer) int {
	if len(names) == 0 {
		var o options
		usage(stdout, standaloneFlags(&o, stdout))
		return exitClean
	}
	code := exitClean
	for _, name := range names {
		if name == "inventory" {
			var o inventoryOptions
			inventoryUsage(stdout, inventoryFlags(&o, stdout))
			continue
		}
		found := false
		for _, a := range analyzers.All() {
			if a.Name == name {
				found = true
				fmt.Fprintf(stdout, "%s\n\n%s\n", a.Doc, a.URL)
			}
		}
		if !found {
			fmt.Fprintf(stderr, "idemlint: no check named %q; run idemlint help for the list\n", name)
			code = exitError
		}
	}
	return code
}
