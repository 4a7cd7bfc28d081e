package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/types"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/internal/report"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/routes"
)

// inventoryVersion is the version of the JSON inventory format. Fields
// may be added without a new version; none is renamed or removed.
const inventoryVersion = 1

// Statuses of an entry point.
const (
	statusProtected   = "protected"    // platform idempotency in its chain or handler
	statusUnprotected = "unprotected"  // a finding of its check
	statusExempt      = "exempt"       // a finding suppressed by an exemption
	statusUnknown     = "unknown"      // the analysis cannot tell
	statusNotMutating = "not-mutating" // reads and naturally idempotent methods (-all)
)

// An inventory is the JSON document of `idemlint inventory -format=json`.
type inventory struct {
	Version int     `json:"version"`
	Entries []entry `json:"entries"`
}

// An entry is one entry point of the inventory: today an HTTP route or
// an RPC procedure.
// Fields filled by later analyses (financial, fail-open, dedup window,
// store, consumers, retries) are added as optional fields with
// `omitempty` and as a column in columns; a column with no value in any
// row is not printed.
type entry struct {
	Kind          string   `json:"kind"`                    // "route" or "rpc"
	Method        string   `json:"method"`                  // "POST"; "ANY" for a route of any method; "RPC"
	BranchMethods []string `json:"branchMethods,omitempty"` // ANY: the methods its handler branches on
	Path          string   `json:"path"`                    // full path pattern, "/pkg.Service/Method" for an RPC; "" when not constant
	Framework     string   `json:"framework"`               // "net/http", "chi", ...
	Handler       string   `json:"handler"`                 // the handler as written
	Package       string   `json:"package"`                 // import path
	File          string   `json:"file"`                    // slash-separated, relative to the repository root
	Line          int      `json:"line"`
	Status        string   `json:"status"`               // protected, unprotected, exempt, unknown, not-mutating
	Middleware    string   `json:"middleware,omitempty"` // protected: the platform middleware, as written
	ADR           string   `json:"adr,omitempty"`        // exempt: the ADR id of the exemption
	Detail        string   `json:"detail,omitempty"`     // why: the exemption's reason, what is unknown, ...
	Finding       string   `json:"finding,omitempty"`    // unprotected, exempt: the finding's message
	Financial     string   `json:"financial,omitempty"`  // why the route is financial; "" when it is not
}

// A column is one column of the text and markdown tables.
type column struct {
	header string
	value  func(*entry) string
}

var columns = []column{
	{"METHOD", func(e *entry) string {
		if len(e.BranchMethods) > 0 {
			return e.Method + " (" + strings.Join(e.BranchMethods, ",") + ")"
		}
		return e.Method
	}},
	{"PATH", func(e *entry) string { return displayPath(e.Path) }},
	{"FRAMEWORK", func(e *entry) string { return e.Framework }},
	{"HANDLER", func(e *entry) string { return e.Handler }},
	{"LOCATION", func(e *entry) string { return fmt.Sprintf("%s:%d", e.File, e.Line) }},
	{"STATUS", func(e *entry) string { return e.Status }},
	{"BY", func(e *entry) string {
		if e.ADR != "" {
			return e.ADR
		}
		return e.Middleware
	}},
	{"DETAIL", func(e *entry) string { return e.Detail }},
	{"FINANCIAL", func(e *entry) string { return e.Financial }},
}

// runInventory implements `idemlint [flags] inventory [flags] packages`.
func runInventory(before, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("idemlint inventory", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output `format`: text, json or markdown")
	all := fs.Bool("all", false, "also list routes that do not mutate (reads, naturally idempotent methods)")
	cfgPath := fs.String("config", "", "path of the idemlint configuration `file`; overrides discovery of .idemlint.yaml")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: idemlint [-C DIR] inventory [-config FILE] [-format text|json|markdown] [-all] packages...\n")
		fs.PrintDefaults()
	}
	for _, a := range [][]string{before, args} {
		if err := fs.Parse(a); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitClean
			}
			return exitError
		}
	}
	var print func(io.Writer, []entry) error
	switch *format {
	case "text":
		print = printText
	case "json":
		print = printJSON
	case "markdown":
		print = printMarkdown
	default:
		fmt.Fprintf(stderr, "idemlint inventory: -format=%s: want text, json or markdown\n", *format)
		return exitError
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError
	}
	if err := setConfig(*cfgPath); err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	// Test files serve no traffic: the inventory loads no test packages.
	r, err := analyze([]*analysis.Analyzer{config.Analyzer, routes.Analyzer, idemhandler.Analyzer}, fs.Args(), false, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	if r.failed {
		return exitError
	}
	if err := print(stdout, r.entries(*all)); err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	return exitClean
}

// entries reads the inventory from the results of the root actions: the
// route model of each package and the findings of idemhandler.
func (r *run) entries(all bool) []entry {
	type pkgResults struct {
		cfg      *config.Config
		routes   *routes.Result
		findings *report.Findings
	}
	byPkg := make(map[string]*pkgResults)
	for _, act := range r.graph.Roots {
		p := act.Package.PkgPath
		res := byPkg[p]
		if res == nil {
			res = &pkgResults{}
			byPkg[p] = res
		}
		switch v := act.Result.(type) {
		case *config.Config:
			res.cfg = v
		case *routes.Result:
			res.routes = v
		case *report.Findings:
			res.findings = v
		}
	}
	var out []entry
	for _, act := range r.graph.Roots {
		if act.Analyzer != routes.Analyzer {
			continue
		}
		res := byPkg[act.Package.PkgPath]
		if res.cfg == nil || res.routes == nil || res.findings == nil {
			continue
		}
		fset := act.Package.Fset
		for _, rt := range res.routes.Routes {
			if rt == nil || rt.Call == nil {
				continue
			}
			e, ok := routeEntry(rt, res.cfg, res.findings, all)
			if !ok {
				continue
			}
			posn := fset.Position(rt.Pos())
			e.Package = act.Package.PkgPath
			e.File = r.rel(posn.Filename)
			e.Line = posn.Line
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Method < b.Method
	})
	return out
}

// routeEntry builds the entry of one route from the route model and the
// findings of idemhandler; ok is false for a route with a method that
// does not mutate, unless all is set.
func routeEntry(rt *routes.Route, cfg *config.Config, findings *report.Findings, all bool) (e entry, ok bool) {
	e = entry{
		Kind:          "route",
		Method:        rt.Method,
		BranchMethods: rt.BranchMethods,
		Path:          rt.Path,
		Framework:     rt.Framework,
		Handler:       handlerName(rt),
		Financial:     rt.Financial,
	}
	if e.Method == "" {
		e.Method = "ANY"
	}
	if rt.RPC {
		e.Kind = "rpc"
	}
	mutating := idemhandler.MutatingMethod(rt, cfg)

	// A finding of idemhandler on this route: it is at the registration
	// and its message reads "METHOD PATH is served ...".
	for _, f := range findings.List {
		if _, rest, _ := strings.Cut(f.Message, " "); f.Pos != rt.Pos() || !strings.HasPrefix(rest, displayPath(rt.Path)+" ") {
			continue
		}
		e.Finding = "idemhandler: " + f.Message
		if f.Exemption != nil {
			e.Status, e.ADR, e.Detail = statusExempt, f.Exemption.ADR, f.Exemption.Reason
		} else {
			e.Status = statusUnprotected
		}
		return e, true
	}
	listed := rt.Method == "" || mutating != "" || all
	if m := rt.Protected(); m != nil {
		e.Status, e.Middleware = statusProtected, m.Name
		return e, listed
	}
	switch {
	case rt.Method != "" && mutating == "":
		e.Status, e.Detail = statusNotMutating, notMutating(rt, cfg)
	case !rt.Served:
		e.Status, e.Detail = statusUnknown, "router not served in this package; its chain may be completed elsewhere"
	case rt.Unknown():
		e.Status, e.Detail = statusUnknown, "middleware the analysis cannot identify: "+unknownMiddleware(rt)
	case mutating == "":
		// A route for any method that idemhandler does not report:
		// its handler branches on no mutating method and has no
		// side effect that is not naturally idempotent.
		e.Status, e.Detail = statusNotMutating, "no mutating method or side effect found"
	default:
		// Served, mutating, no platform middleware, and idemhandler
		// found nothing: the handler claims dedup itself.
		e.Status, e.Detail = statusProtected, "dedup claim in the handler"
	}
	return e, listed
}

// notMutating says why a route with a method does not mutate.
func notMutating(rt *routes.Route, cfg *config.Config) string {
	switch {
	case !rt.RPC && cfg.NaturallyIdempotent(rt.Method):
		return "naturally idempotent"
	case !rt.RPC:
		return "read"
	case rt.Streaming:
		return "streaming"
	case rt.Idempotency == routes.IdempotencyIdempotent:
		return "declared IDEMPOTENT"
	case rt.Idempotency == routes.IdempotencyNoSideEffects:
		return "declared NO_SIDE_EFFECTS"
	}
	return "read (by its name)"
}

// handlerName returns the handler as written, or its function's name.
func handlerName(rt *routes.Route) string {
	switch h := rt.Handler.(type) {
	case nil:
	case *ast.FuncLit:
		return "func literal"
	default:
		return types.ExprString(h)
	}
	if rt.Func != nil {
		return rt.Func.Name()
	}
	return ""
}

func unknownMiddleware(rt *routes.Route) string {
	var names []string
	for _, m := range rt.Chain {
		if m.Unknown {
			names = append(names, m.Name)
		}
	}
	return strings.Join(names, ", ")
}

func displayPath(p string) string {
	if p == "" {
		return "(dynamic path)"
	}
	return p
}

// visible returns the columns that have a value in some entry.
func visible(es []entry) []column {
	var cols []column
	for _, c := range columns {
		for i := range es {
			if c.value(&es[i]) != "" {
				cols = append(cols, c)
				break
			}
		}
	}
	return cols
}

func printText(w io.Writer, es []entry) error {
	if len(es) == 0 {
		_, err := fmt.Fprintln(w, "no mutating entry points")
		return err
	}
	var buf strings.Builder
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	cols := visible(es)
	for i, c := range cols {
		if i > 0 {
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprint(tw, c.header)
	}
	fmt.Fprintln(tw)
	for i := range es {
		for j, c := range cols {
			if j > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, c.value(&es[i]))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for line := range strings.Lines(buf.String()) {
		if _, err := fmt.Fprintln(w, strings.TrimRight(line, " \n")); err != nil {
			return err
		}
	}
	return nil
}

func printJSON(w io.Writer, es []entry) error {
	if es == nil {
		es = []entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(inventory{Version: inventoryVersion, Entries: es})
}

func printMarkdown(w io.Writer, es []entry) error {
	if len(es) == 0 {
		_, err := fmt.Fprintln(w, "No mutating entry points.")
		return err
	}
	cols := visible(es)
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	var cells []string
	for _, c := range cols {
		cells = append(cells, strings.ToLower(c.header))
	}
	row(cells)
	cells = cells[:0]
	for range cols {
		cells = append(cells, "---")
	}
	row(cells)
	for i := range es {
		cells = cells[:0]
		for _, c := range cols {
			v := c.value(&es[i])
			switch c.header {
			case "METHOD", "PATH", "HANDLER", "LOCATION", "BY":
				if v != "" {
					v = "`" + strings.ReplaceAll(v, "`", "'") + "`"
				}
			}
			cells = append(cells, strings.ReplaceAll(v, "|", `\|`))
		}
		row(cells)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
