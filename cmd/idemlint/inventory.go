package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/dedup"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/retries"
	"github.com/idemlint/idemlint/passes/routes"
)

// inventoryVersion is the version of the JSON inventory format. Fields
// may be added without a new version; none is renamed or removed.
const inventoryVersion = 1

// Statuses of an entry point.
const (
	statusProtected    = "protected"    // platform idempotency in its chain or handler
	statusUnprotected  = "unprotected"  // a finding of its check
	statusExempt       = "exempt"       // a finding suppressed by an exemption
	statusUnknown      = "unknown"      // the analysis cannot tell
	statusNotMutating  = "not-mutating" // reads and naturally idempotent methods (-all)
	statusNoEffects    = "no-effects"   // a consumer whose handler has no side effect
	statusAtMostOnce   = "at-most-once" // a consumer that commits before handling: never reported
	statusUnsafe       = "unsafe"       // a retry of an operation without a fixed idempotency key
	statusUnbounded    = "unbounded"    // a retry that never gives up
	statusNoBackoff    = "no-backoff"   // a retry with no delay between attempts
	statusOK           = "ok"           // a retry with no finding
	statusUnrecognised = "unrecognised" // a registration on a router the model does not know
)

// An inventory is the JSON document of `idemlint inventory -format=json`.
type inventory struct {
	Version int     `json:"version"`
	Entries []entry `json:"entries"`
}

// An entry is one entry point of the inventory: an HTTP route, an RPC
// procedure, a queue consumer, a retry site, or a registration on a
// router the analysis does not know. Fields that do not apply to a kind
// are left out of the JSON (`omitempty`), and a column with no value in
// any row of its table is not printed.
type entry struct {
	Kind          string   `json:"kind"`                    // "route", "rpc", "consumer", "retry", "unrecognised"
	Method        string   `json:"method,omitempty"`        // "POST"; "ANY" for a route of any method; "RPC"
	BranchMethods []string `json:"branchMethods,omitempty"` // ANY: the methods its handler branches on
	Path          string   `json:"path"`                    // full path pattern, "/pkg.Service/Method" for an RPC; "" when not constant
	Framework     string   `json:"framework,omitempty"`     // "net/http", "chi", ...
	Receiver      string   `json:"receiver,omitempty"`      // unrecognised: the router's type
	Handler       string   `json:"handler,omitempty"`       // the handler as written
	Package       string   `json:"package"`                 // import path of the package that registers it
	ServedIn      string   `json:"servedIn,omitempty"`      // route: the package that serves its router, when another
	File          string   `json:"file"`                    // slash-separated, relative to the repository root
	Line          int      `json:"line"`
	Status        string   `json:"status"`               // see the status constants
	Middleware    string   `json:"middleware,omitempty"` // protected: what protects it, as written
	ADR           string   `json:"adr,omitempty"`        // exempt: the ADR id of the exemption
	Detail        string   `json:"detail,omitempty"`     // why: the exemption's reason, what is unknown, ...
	Finding       string   `json:"finding,omitempty"`    // the finding that sets the status, "CHECK: message"
	Financial     string   `json:"financial,omitempty"`  // why the entry point is financial; "" when it is not
	Contract      string   `json:"contract,omitempty"`   // a route that needs a contract test: where it is, or "missing"

	// Dedup-store policy of a protected route or watermill consumer.
	FailOpen string   `json:"failOpen,omitempty"` // the setting that lets requests through while the store is down
	Window   string   `json:"window,omitempty"`   // the dedup window: "24h0m0s", or the setting as written
	Store    string   `json:"store,omitempty"`    // an in-process store, as written
	Issues   []string `json:"issues,omitempty"`   // further findings on the entry point, "CHECK: message"

	// Consumers.
	Library    string `json:"library,omitempty"`    // "kafka-go", "sarama", ...
	SourceKind string `json:"sourceKind,omitempty"` // "topic", "queue", "subject", "subscription", "consumer"
	Source     string `json:"source,omitempty"`     // constant topic, queue, ...; "" when not constant
	Delivery   string `json:"delivery,omitempty"`   // "at-least-once", "async-commit"
	Effects    string `json:"effects,omitempty"`    // the first effect that is not naturally idempotent

	// Retry sites.
	Mechanism  string   `json:"mechanism,omitempty"`  // "backoff.Retry", "retry loop", ...
	Operations []string `json:"operations,omitempty"` // non-idempotent operations of each attempt
	Key        string   `json:"key,omitempty"`        // idempotency key provenance: "fixed", "minted per attempt", "none"
	Unbounded  string   `json:"unbounded,omitempty"`  // why the retry never gives up
	Bound      string   `json:"bound,omitempty"`      // what bounds a retry with no count of its own ("until the context is done")
	NoBackoff  string   `json:"noBackoff,omitempty"`  // why attempts follow each other at once

	// issueCells annotate the policy columns of the text tables.
	failOpenNote, windowNote, storeNote string
	// served is set on a route whose router the package listing it
	// serves.
	served bool
}

// MarshalJSON leaves out the fields that do not apply to the entry's
// kind, but keeps the path of a route, "" when it is not constant.
func (e entry) MarshalJSON() ([]byte, error) {
	type plain entry
	if group(&e) == 0 {
		return json.Marshal(plain(e))
	}
	// The outer, empty path hides the entry's.
	return json.Marshal(struct {
		plain
		Path string `json:"path,omitempty"`
	}{plain: plain(e)})
}

// A column is one column of the text and markdown tables.
type column struct {
	header string
	value  func(*entry) string
}

// group returns the table of an entry's kind.
func group(e *entry) int {
	switch e.Kind {
	case "consumer":
		return 1
	case "retry":
		return 2
	}
	return 0
}

// tables are the columns of the tables, by group: routes (and RPCs and
// unrecognised registrations), consumers, retries.
var tables = [][]column{
	{
		{"METHOD", func(e *entry) string {
			if len(e.BranchMethods) > 0 {
				return e.Method + " (" + strings.Join(e.BranchMethods, ",") + ")"
			}
			return e.Method
		}},
		{"PATH", func(e *entry) string { return displayPath(e.Path) }},
		{"FRAMEWORK", func(e *entry) string {
			if e.Framework == "" {
				return e.Receiver
			}
			return e.Framework
		}},
		{"HANDLER", func(e *entry) string { return e.Handler }},
		locationColumn, statusColumn, byColumn, detailColumn, financialColumn,
		failOpenColumn, windowColumn, storeColumn,
		{"CONTRACT", func(e *entry) string { return e.Contract }},
	},
	{
		{"LIBRARY", func(e *entry) string { return e.Library }},
		{"SOURCE", func(e *entry) string {
			if e.Source == "" {
				return e.SourceKind + " (dynamic)"
			}
			return e.SourceKind + " " + strconv.Quote(e.Source)
		}},
		{"DELIVERY", func(e *entry) string { return e.Delivery }},
		{"HANDLER", func(e *entry) string { return e.Handler }},
		locationColumn, statusColumn, byColumn, detailColumn, financialColumn,
		windowColumn, storeColumn,
	},
	{
		{"MECHANISM", func(e *entry) string { return e.Mechanism }},
		{"OPERATIONS", func(e *entry) string { return strings.Join(e.Operations, ", ") }},
		{"KEY", func(e *entry) string { return e.Key }},
		locationColumn, statusColumn, byColumn, detailColumn, financialColumn,
		{"BOUND", func(e *entry) string {
			if e.Unbounded != "" {
				return e.Unbounded
			}
			return e.Bound
		}},
		{"BACKOFF", func(e *entry) string { return e.NoBackoff }},
	},
}

var (
	locationColumn  = column{"LOCATION", func(e *entry) string { return fmt.Sprintf("%s:%d", e.File, e.Line) }}
	statusColumn    = column{"STATUS", func(e *entry) string { return e.Status }}
	detailColumn    = column{"DETAIL", func(e *entry) string { return e.Detail }}
	financialColumn = column{"FINANCIAL", func(e *entry) string { return e.Financial }}
	byColumn        = column{"BY", func(e *entry) string {
		if e.ADR != "" {
			return e.ADR
		}
		return e.Middleware
	}}
	failOpenColumn = column{"FAIL-OPEN", func(e *entry) string { return note(e.FailOpen, e.failOpenNote) }}
	windowColumn   = column{"WINDOW", func(e *entry) string { return note(e.Window, e.windowNote) }}
	storeColumn    = column{"STORE", func(e *entry) string { return note(e.Store, e.storeNote) }}
)

func note(v, n string) string {
	if v == "" || n == "" {
		return v
	}
	return v + " (" + n + ")"
}

// runInventory implements `idemlint [flags] inventory [flags] packages`.
func runInventory(before, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("idemlint inventory", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output `format`: text, json or markdown")
	all := fs.Bool("all", false, "also list routes that do not mutate (reads, naturally idempotent methods)")
	cfgPath := fs.String("config", "", "path of the idemlint configuration `file`; overrides discovery of .idemlint.yaml")
	require := fs.Bool("require-contract-tests", false, "exit 3 when a mutating, unexempted route has no contract test, and list those routes")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: idemlint [-C DIR] inventory [-config FILE] [-format text|json|markdown] [-all] [-require-contract-tests] packages...\n")
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
	// The packages with their tests, in which contract tests are found;
	// test files serve no traffic, and have no entries.
	r, err := analyze(inventoryAnalyzers, fs.Args(), true, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	// A test package that fails leaves only the contract column
	// incomplete: the table is still printed, and the gate fails.
	if r.failed && !r.testsFailed {
		return exitError
	}
	found, err := r.contractTests()
	if err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	es := r.entries(*all)
	markContracts(es, found)
	if err := print(stdout, es); err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	switch {
	case *require && r.testsFailed:
		fmt.Fprintln(stderr, "idemlint: test packages failed to load: the contract tests cannot all be found")
		return exitError
	case *require && requireContracts(es, found, stderr):
		return exitFindings
	}
	return exitClean
}

// inventoryAnalyzers are the models and checks the inventory reads.
var inventoryAnalyzers = append([]*analysis.Analyzer{passes.Analyzer},
	checkAnalyzers("idemhandler", "idemconsumer", "idemretry", "idembudget", "idemfailopen", "idemttl", "idemstore")...)

// checkAnalyzers returns the analyzers of the named checks, from the
// registry.
func checkAnalyzers(names ...string) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(names))
	for i, name := range names {
		if out[i] = analyzers.Lookup(name); out[i] == nil {
			panic("idemlint: no check " + name)
		}
	}
	return out
}

// policies are the dedup-store settings of the entry points of a package.
type policies struct {
	routes    map[*routes.Route][]dedup.Setting
	consumers map[*consumers.Consumer][]dedup.Setting
}

// policiesOf groups the dedup-store settings of a package by entry point:
// of every route, as the inventory lists the settings of read routes too.
func policiesOf(d *dedup.Result) *policies {
	out := &policies{routes: make(map[*routes.Route][]dedup.Setting), consumers: make(map[*consumers.Consumer][]dedup.Setting)}
	if d == nil {
		return out
	}
	for g := range d.All(nil) {
		if g.Route != nil {
			out.routes[g.Route] = append(out.routes[g.Route], g.Setting)
		} else {
			out.consumers[g.Consumer] = append(out.consumers[g.Consumer], g.Setting)
		}
	}
	return out
}

// pkgResults are the results of the root actions of one package.
type pkgResults struct {
	pkg       string // import path
	cfg       *config.Config
	dirs      *directives.Result
	routes    *routes.Result
	consumers *consumers.Result
	retries   *retries.Result
	policies  *policies
	findings  map[string]*report.Findings // by check
}

// found returns the findings of check at pos.
func (res *pkgResults) found(check string, pos token.Pos) []*report.Finding {
	var out []*report.Finding
	if fs := res.findings[check]; fs != nil {
		for _, f := range fs.List {
			if f.Pos == pos {
				out = append(out, f)
			}
		}
	}
	return out
}

// entries reads the inventory from the results of the root actions: the
// models of each package and the findings of the checks.
func (r *run) entries(all bool) []entry {
	byPkg := make(map[string]*pkgResults) // by package ID: a package and its test variant differ
	for _, act := range r.graph.Roots {
		res := byPkg[act.Package.ID]
		if res == nil {
			res = &pkgResults{pkg: act.Package.PkgPath, findings: make(map[string]*report.Findings)}
			byPkg[act.Package.ID] = res
		}
		switch v := act.Result.(type) {
		case *passes.Results:
			// A pass that fails fails the checks that read it too, and
			// the driver reports their errors.
			res.cfg, res.dirs = v.Config, v.Directives
			res.routes, _ = v.Routes()
			res.consumers, _ = v.Consumers()
			res.retries, _ = v.Retries()
			d, _ := v.Dedup()
			res.policies = policiesOf(d)
		case *report.Findings:
			res.findings[act.Analyzer.Name] = v
		}
	}
	var out []entry
	for _, act := range r.graph.Roots {
		if act.Analyzer != passes.Analyzer {
			continue
		}
		res := byPkg[act.Package.ID]
		if res.cfg == nil || res.routes == nil || res.findings["idemhandler"] == nil {
			continue
		}
		fset := act.Package.Fset
		add := func(e entry, pos token.Pos) {
			posn := fset.Position(pos)
			if strings.HasSuffix(posn.Filename, "_test.go") {
				return // test files serve no traffic
			}
			e.Package = act.Package.PkgPath
			e.File = r.rel(posn.Filename)
			e.Line = posn.Line
			out = append(out, e)
		}
		for _, rt := range res.routes.Routes {
			if rt == nil || !rt.Pos.IsValid() {
				continue
			}
			e, ok := routeEntry(rt, res, all)
			if !ok {
				continue
			}
			if method := routes.MutatingMethod(rt, res.cfg); method != "" {
				e.policy(res, res.policies.routes[rt], dedup.RouteName(method, rt))
			}
			add(e, rt.Pos)
			if rt.Home != nil {
				out[len(out)-1].Package, out[len(out)-1].ServedIn = rt.Home.Pkg, act.Package.PkgPath
			}
		}
		for _, u := range res.routes.Unrecognised {
			if u.Call == nil || ((u.Method == "GET" || u.Method == "HEAD") && !all) {
				continue
			}
			add(unrecognisedEntry(u), u.Call.Pos())
		}
		if res.consumers != nil {
			for _, c := range res.consumers.Consumers {
				if c == nil {
					continue
				}
				e := consumerEntry(c, res)
				e.policy(res, res.policies.consumers[c], c.Name())
				add(e, c.Pos)
			}
		}
		if res.retries != nil {
			for _, rt := range res.retries.Retries {
				if rt != nil {
					add(retryEntry(rt, res), rt.Pos)
				}
			}
		}
	}
	out = decided(out)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ga, gb := group(&a), group(&b); ga != gb {
			return ga < gb
		}
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

// notServed is the detail of a route whose router no analysed package
// serves.
const notServed = "router not served in the analysed packages"

// decided merges the entries of the routes of all packages: one entry
// per registration and path. A route registered in one package and
// served in another is listed by both, the first not knowing its chain:
// the entries of the packages that serve it are kept. Served by several
// with different outcomes, the route keeps the worst, and names every
// package that serves it.
func decided(es []entry) []entry {
	type reg struct {
		file string
		line int
	}
	type route struct {
		reg
		kind, method, path string
	}
	served := make(map[reg]bool)
	for _, e := range es {
		if e.served {
			served[reg{e.File, e.Line}] = true
		}
	}
	first := make(map[route]int)
	out := es[:0]
	for _, e := range es {
		if e.Kind != "route" && e.Kind != "rpc" {
			out = append(out, e)
			continue
		}
		r := route{reg{e.File, e.Line}, e.Kind, e.Method, e.Path}
		if !e.served && served[r.reg] {
			continue
		}
		i, ok := first[r]
		if !ok {
			first[r] = len(out)
			out = append(out, e)
			continue
		}
		kept := &out[i]
		servedIn := joinSet(kept.ServedIn, e.ServedIn)
		finding := kept.Finding
		if worse(e.Status, kept.Status) {
			*kept = e
		}
		kept.ServedIn = servedIn
		if kept.Finding == "" {
			kept.Finding = finding
		}
		if kept.Finding == "" && e.Status == kept.Status {
			kept.Finding = e.Finding
		}
	}
	return out
}

// worse reports whether status a is worse than b for a route.
func worse(a, b string) bool {
	rank := map[string]int{statusUnprotected: 4, statusExempt: 3, statusUnknown: 2, statusProtected: 1}
	return rank[a] > rank[b]
}

// joinSet joins two comma-separated sets.
func joinSet(a, b string) string {
	set := make(map[string]bool)
	for _, s := range []string{a, b} {
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x != "" {
				set[x] = true
			}
		}
	}
	list := make([]string, 0, len(set))
	for x := range set {
		list = append(list, x)
	}
	sort.Strings(list)
	return strings.Join(list, ", ")
}

// policy fills the dedup-store columns of an entry from the settings of
// its idempotency layers, and notes the findings of idemfailopen,
// idemttl and idemstore on them that name the entry point.
func (e *entry) policy(res *pkgResults, settings []dedup.Setting, name string) {
	for _, s := range settings {
		var check string
		var value, cell *string
		switch s.Kind {
		case dedup.FailOpen:
			check, value, cell = "idemfailopen", &e.FailOpen, &e.failOpenNote
		case dedup.TTL:
			check, value, cell = "idemttl", &e.Window, &e.windowNote
		case dedup.LocalStore:
			check, value, cell = "idemstore", &e.Store, &e.storeNote
		default:
			continue
		}
		if *value != "" {
			continue // the outermost layer's setting
		}
		*value = s.Value
		if s.Kind == dedup.TTL && s.Const {
			*value = s.TTL.String()
		}
		for _, f := range res.found(check, s.Pos()) {
			if !strings.Contains(f.Message, name+" ") {
				continue
			}
			issue := check + ": " + f.Message
			*cell = check
			if f.Exemption != nil {
				issue += " (exempt " + f.Exemption.ADR + ")"
				*cell = "exempt " + f.Exemption.ADR
			}
			e.Issues = append(e.Issues, issue)
			break
		}
	}
}

// unrecognisedEntry builds the entry of a registration on a router the
// route model does not know.
func unrecognisedEntry(u routes.Unrecognised) entry {
	e := entry{
		Kind:     "unrecognised",
		Method:   u.Method,
		Path:     u.Path,
		Receiver: u.Receiver,
		Status:   statusUnrecognised,
		Detail:   "registration on a router the analysis does not support; not checked",
	}
	if e.Method == "" {
		e.Method = "ANY"
	}
	if len(u.Call.Args) > 0 {
		e.Handler = types.ExprString(u.Call.Args[len(u.Call.Args)-1])
		if _, ok := u.Call.Args[len(u.Call.Args)-1].(*ast.FuncLit); ok {
			e.Handler = "func literal"
		}
	}
	return e
}

// consumerEntry builds the entry of a consumer from the consumer model
// and the findings of idemconsumer.
func consumerEntry(c *consumers.Consumer, res *pkgResults) entry {
	e := entry{
		Kind:       "consumer",
		Library:    c.Library,
		SourceKind: c.Kind,
		Source:     c.Target,
		Effects:    c.Unprotected,
	}
	switch c.Delivery {
	case consumers.AtLeastOnce:
		e.Delivery = "at-least-once"
	case consumers.AsyncCommit:
		e.Delivery = "async-commit"
	case consumers.AtMostOnce:
		e.Delivery = "at-most-once"
	}
	if c.Func != nil {
		e.Handler = c.Func.Name()
	}
	if c.Effects.MovesMoney {
		e.Financial = "its handler moves money"
	}
	if fs := res.found("idemconsumer", c.Pos); len(fs) > 0 {
		f := fs[0]
		e.Finding = "idemconsumer: " + f.Message
		if f.Exemption != nil {
			e.Status, e.ADR, e.Detail = statusExempt, f.Exemption.ADR, f.Exemption.Reason
		} else {
			e.Status, e.Detail = statusUnprotected, c.Unprotected
		}
		return e
	}
	switch {
	case c.Delivery == consumers.AtMostOnce:
		e.Status, e.Detail = statusAtMostOnce, "a lost message is not redelivered"
	case c.Protection != "":
		e.Status, e.Middleware = statusProtected, c.Protection
	case c.Unknown:
		e.Status, e.Detail = statusUnknown, "the handler cannot be seen"
	case c.Effects.None():
		e.Status = statusNoEffects
	case c.Unprotected == "":
		e.Status, e.Middleware = statusProtected, "naturally idempotent effects"
	default:
		e.Status, e.Detail = statusUnprotected, c.Unprotected
	}
	return e
}

// retryEntry builds the entry of a retry site from the retry model and
// the findings of idemretry and idembudget.
func retryEntry(rt *retries.Retry, res *pkgResults) entry {
	e := entry{
		Kind:      "retry",
		Mechanism: rt.Mechanism,
		Unbounded: rt.Unbounded,
		Bound:     rt.Bound,
		NoBackoff: rt.NoBackoff,
	}
	minted := make(map[*retries.Op]string)
	for _, m := range rt.Mints {
		if m != nil && m.Op != nil {
			minted[m.Op] = m.Minter
		}
	}
	var none, fixed bool
	var mints []string
	for _, op := range rt.Ops {
		if op == nil {
			continue
		}
		e.Operations = append(e.Operations, op.Desc)
		switch {
		case minted[op] != "":
			mints = append(mints, "minted per attempt by "+minted[op])
		case op.Keyed:
			fixed = true
		default:
			none = true
		}
		if op.Payment && e.Financial == "" {
			e.Financial = "it retries a payment (" + op.Desc + ")"
		}
	}
	var ks []string
	if none {
		ks = append(ks, "none")
	}
	ks = append(ks, mints...)
	if fixed {
		ks = append(ks, "fixed")
	}
	e.Key = strings.Join(ks, ", ")

	// Findings, worst first: a retry of an unkeyed operation, a key
	// minted per attempt, no bound, no backoff.
	var fs []*report.Finding
	fs = append(fs, res.found("idemretry", rt.Pos)...)
	for _, m := range rt.Mints {
		if m != nil {
			fs = append(fs, res.found("idemretry", m.Pos)...)
		}
	}
	fs = append(fs, res.found("idembudget", rt.Pos)...)
	e.Status = statusOK
	exempt := 0
	for _, f := range fs {
		issue := f.Check + ": " + f.Message
		if f.Exemption != nil {
			exempt++
			if e.ADR == "" {
				e.ADR, e.Detail = f.Exemption.ADR, f.Exemption.Reason
			}
			issue += " (exempt " + f.Exemption.ADR + ")"
		}
		if f.Exemption == nil && e.Finding == "" {
			e.Finding = issue
			switch {
			case f.Check == "idemretry":
				e.Status = statusUnsafe
			case rt.Unbounded != "" && strings.Contains(f.Message, "has no bound"):
				e.Status = statusUnbounded
			default:
				e.Status = statusNoBackoff
			}
			continue
		}
		e.Issues = append(e.Issues, issue)
	}
	if len(fs) > 0 && exempt == len(fs) {
		e.Status = statusExempt
		e.Finding, e.Issues = e.Issues[0], e.Issues[1:]
	} else {
		e.ADR = ""
		if e.Status != statusOK {
			e.Detail = ""
		}
	}
	return e
}

// routeEntry builds the entry of one route from the route model, and the
// findings of idemhandler for their message; ok is false for a route
// with a method that does not mutate, unless all is set.
func routeEntry(rt *routes.Route, res *pkgResults, all bool) (e entry, ok bool) {
	cfg := res.cfg
	e = entry{
		Kind:          "route",
		Method:        rt.Method,
		BranchMethods: rt.BranchMethods,
		Path:          rt.Path,
		Framework:     rt.Framework,
		Handler:       routes.HandlerName(rt),
		Financial:     rt.Financial,
		served:        rt.Served,
	}
	if e.Handler == "" && rt.Func != nil {
		e.Handler = rt.Func.Name()
	}
	if e.Method == "" {
		e.Method = "ANY"
	}
	if rt.RPC {
		e.Kind = "rpc"
	}
	mutating := routes.MutatingMethod(rt, cfg)
	// A route that mutates by its method, but not by the evidence of its
	// handler, is listed too: it says why it is not reported.
	listed := rt.Method == "" || mutating != "" || all || routes.Lowered(rt, cfg)
	if m := rt.Protected(); m != nil {
		e.Status, e.Middleware = statusProtected, m.Name
		return e, listed
	}
	method, _ := routes.Unprotected(rt, cfg)
	switch {
	case rt.Method != "" && mutating == "":
		e.Status, e.Detail = statusNotMutating, notMutating(rt, cfg)
	case !rt.Served && !routes.ReportedUnserved(rt, cfg):
		e.Status, e.Detail = statusUnknown, notServed
	case rt.Unknown():
		e.Status, e.Detail = statusUnknown, "middleware the analysis cannot identify: "+unknownMiddleware(rt)
	case rt.ClaimsDedup:
		e.Status, e.Detail = statusProtected, "dedup claim in the handler"
	case method == "" && rt.RPC && rt.Readonly:
		e.Status, e.Detail = statusNotMutating, "marked //idem:readonly"
	case method == "" && routes.Lowered(rt, cfg):
		e.Status, e.Detail = statusNotMutating, seenIdempotent
	case method == "":
		// A route for any method that idemhandler does not report: its
		// handler branches on no mutating method and has no side effect
		// that is not naturally idempotent.
		e.Status, e.Detail = statusNotMutating, "no mutating method or side effect found"
	default:
		e.Status = statusUnprotected
		if x := exemption(rt, res); x != nil {
			e.Status, e.ADR, e.Detail = statusExempt, x.ADR, x.Reason
		}
		// The finding, when this package reports it; a package that
		// serves the router too may have reported it first.
		for _, f := range res.found("idemhandler", rt.Pos) {
			if _, rest, _ := strings.Cut(f.Message, " "); strings.HasPrefix(rest, displayPath(rt.Path)+" ") {
				e.Finding = "idemhandler: " + f.Message
			}
		}
		return e, true
	}
	return e, listed
}

// exemption returns the valid exemption of idemhandler that covers a
// route's registration, or the entry of the exempt setting that covers
// the route, or nil.
func exemption(rt *routes.Route, res *pkgResults) *directives.Directive {
	for _, x := range rt.Exemptions() {
		if x.Applies("idemhandler") {
			return x
		}
	}
	if res.dirs == nil {
		return nil
	}
	if x := res.dirs.Exemption("idemhandler", rt.Pos); x != nil {
		return x
	}
	return report.Configured(res.dirs, "idemhandler", res.pkg, rt)
}

// seenIdempotent is why a route that would mutate by its method or name
// does not: the evidence of its handler (routes.Lowered).
const seenIdempotent = "its handler only reads or writes idempotently"

// notMutating says why a route with a method does not mutate.
func notMutating(rt *routes.Route, cfg *config.Config) string {
	switch {
	case routes.Lowered(rt, cfg):
		return seenIdempotent
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

// visible returns the columns of a table that have a value in some entry.
func visible(table []column, es []entry) []column {
	var cols []column
	for _, c := range table {
		for i := range es {
			if c.value(&es[i]) != "" {
				cols = append(cols, c)
				break
			}
		}
	}
	return cols
}

// groups splits the sorted entries into their tables.
func groups(es []entry) [][]entry {
	var out [][]entry
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && group(&es[j]) == group(&es[i]) {
			j++
		}
		out = append(out, es[i:j])
		i = j
	}
	return out
}

func printText(w io.Writer, es []entry) error {
	if len(es) == 0 {
		_, err := fmt.Fprintln(w, "no mutating entry points")
		return err
	}
	var buf strings.Builder
	for n, g := range groups(es) {
		if n > 0 {
			buf.WriteString("\n")
		}
		tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
		cols := visible(tables[group(&g[0])], g)
		for i, c := range cols {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, c.header)
		}
		fmt.Fprintln(tw)
		for i := range g {
			for j, c := range cols {
				if j > 0 {
					fmt.Fprint(tw, "\t")
				}
				fmt.Fprint(tw, c.value(&g[i]))
			}
			fmt.Fprintln(tw)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
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

// codeColumns are the columns the Markdown table prints as code.
var codeColumns = map[string]bool{
	"METHOD": true, "PATH": true, "HANDLER": true, "LOCATION": true, "BY": true,
	"SOURCE": true, "MECHANISM": true, "OPERATIONS": true,
}

func printMarkdown(w io.Writer, es []entry) error {
	if len(es) == 0 {
		_, err := fmt.Fprintln(w, "No mutating entry points.")
		return err
	}
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	for n, g := range groups(es) {
		if n > 0 {
			b.WriteString("\n")
		}
		cols := visible(tables[group(&g[0])], g)
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
		for i := range g {
			cells = cells[:0]
			for _, c := range cols {
				v := c.value(&g[i])
				if codeColumns[c.header] && v != "" {
					v = "`" + strings.ReplaceAll(v, "`", "'") + "`"
				}
				cells = append(cells, strings.ReplaceAll(v, "|", `\|`))
			}
			row(cells)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
