package main

// The entries of the inventory, read from the models of each package and
// the findings of the checks, as data: their subjects and reasons, never
// their messages.

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/dedup"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/retries"
	"github.com/idemlint/idemlint/passes/routes"
)

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
				e.policy(res, res.policies.routes[rt], func(s report.Subject) bool {
					return s.Route != nil && s.Method == method && s.Route.Path == rt.Path
				})
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
				e.policy(res, res.policies.consumers[c], func(s report.Subject) bool {
					return s.Consumer != nil && s.Consumer.Name() == c.Name()
				})
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
// idemttl and idemstore on them about the entry point: those whose
// subject is, by its method and path or by its name, the entry's. A
// finding about one of several routes that share a setting and a name
// is reported once, and is noted on each.
func (e *entry) policy(res *pkgResults, settings []dedup.Setting, about func(report.Subject) bool) {
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
			if !about(f.Subject) {
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
			case rt.Unbounded != "" && f.Reason == report.Unbounded:
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
	case rt.DynamicMethod:
		e.Method, e.Status, e.Detail = "?", statusUnknown, "its method is not a constant"
		return e, true
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
			if f.Subject.Route != nil && f.Subject.Route.Path == rt.Path {
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
