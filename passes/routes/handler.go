package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/xpos"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
)

// What the model knows of a route's handler, and whether a route
// mutates. It is found where the handler is visible: in the registering
// package, which hands it on to importers in the route's Registration.

// handlerFacts sets the facts of rt's handler: its effects, whether it
// claims a dedup key, the directives on it and, for a route of any
// method, the methods it branches on. They are found once per
// registration, however many paths it is served under.
func (e *evaluator) handlerFacts(rt *Route) {
	if rt.Home != nil {
		h := rt.Home
		rt.Effects, rt.Visible, rt.Pending, rt.ClaimsDedup, rt.Readonly, rt.Mutates = h.Effects, h.Visible, h.Pending, h.ClaimsDedup, h.Readonly, h.Mutates
		if rt.Method == "" {
			rt.BranchMethods = h.BranchMethods
		}
		return
	}
	if f, ok := e.facts[rt.reg]; ok && rt.reg != nil {
		rt.Effects, rt.Visible, rt.Pending, rt.ClaimsDedup, rt.Readonly, rt.Mutates, rt.BranchMethods = f.Effects, f.Visible, f.Pending, f.ClaimsDedup, f.Readonly, f.Mutates, f.BranchMethods
		return
	}
	switch {
	case rt.Func != nil:
		rt.Effects, rt.Visible = e.eff.Of(rt.Func), e.eff.Visible(rt.Func)
		if !rt.Visible {
			rt.Pending = e.eff.Pending(rt.Func)
		}
	case rt.Body != nil:
		rt.Effects, rt.Visible = e.eff.OfNode(rt.Body), e.eff.VisibleBody(rt.Body)
		if !rt.Visible {
			rt.Pending = e.eff.PendingBody(rt.Body)
		}
	}
	switch rt.Method {
	case "GET", "HEAD", "OPTIONS":
		// A read: nothing to claim.
	default:
		rt.ClaimsDedup = claimsDedup(e.pass.TypesInfo, e.dirs, rt.Body)
	}
	if rt.Func != nil && rt.Func.Pkg() == e.pass.Pkg {
		rt.Readonly = e.dirs.Find(directives.Readonly, rt.Func.Pos()) != nil
		rt.Mutates = e.dirs.Find(directives.Mutates, rt.Func.Pos()) != nil
	}
	if rt.Method == "" && rt.Body != nil {
		rt.BranchMethods = branchMethods(e.pass.TypesInfo, rt.Body)
	}
	if rt.reg != nil {
		if e.facts == nil {
			e.facts = make(map[*reg]*Route)
		}
		c := *rt // resolvePending changes the route, not what the registration knows
		e.facts[rt.reg] = &c
	}
}

// resolvePending resolves the interface methods the handlers of the
// routes served here are pending on, from the implementations this
// package sees (effects.Result.Resolve): a handler whose methods all
// resolve is visible, with their effects in place of the verbs'.
func (e *evaluator) resolvePending(rts []*Route) {
	for _, rt := range rts {
		if !rt.Served || rt.Visible || rt.Pending == nil {
			continue
		}
		if eff, ok := e.eff.Resolve(rt.Pending); ok {
			rt.Effects, rt.Visible, rt.Resolved = eff, true, true
		}
	}
}

// claimsDedup reports whether a handler body calls a dedup claim itself.
func claimsDedup(info *types.Info, dirs *directives.Result, body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			found = dirs.Is(typeutil.Callee(info, call), directives.Dedup)
		}
		return !found
	})
	return found
}

// registration returns what the package that registers g knows of it,
// for the summaries that carry g to importers.
func (e *evaluator) registration(g *reg) *Registration {
	if g.imp != nil {
		if len(e.reported[g]) == 0 {
			return g.imp
		}
		// Decided here too: importers need not report it again.
		r := *g.imp
		r.Reported = append(append([]string(nil), g.imp.Reported...), e.reported[g]...)
		return &r
	}
	if r := e.regs[g]; r != nil {
		return r
	}
	rt := e.route(g, g.method, g.path, nil, false)
	r := &Registration{
		Pkg:           e.pass.Pkg.Path(),
		Pos:           xpos.Of(e.pass.Fset, rt.Pos),
		End:           xpos.Of(e.pass.Fset, rt.End),
		Framework:     g.framework,
		Handler:       HandlerName(rt),
		Effects:       rt.Effects,
		Visible:       rt.Visible,
		Pending:       rt.Pending,
		BranchMethods: rt.BranchMethods,
		ClaimsDedup:   rt.ClaimsDedup,
		Readonly:      rt.Readonly,
		Mutates:       rt.Mutates,
		Financial:     e.financial().handlerReason(e.dirs, rt),
	}
	if g.rpc != nil {
		r.RPC = &SRPC{Streaming: g.rpc.streaming, Idem: g.rpc.idem}
	}
	harmless := func(pos token.Pos) bool { return e.dirs.Find(directives.Harmless, pos) != nil }
	r.Harmless = (rt.Call != nil && harmless(rt.Pos)) || (rt.Body != nil && harmless(rt.Body.Pos())) ||
		(rt.Func != nil && rt.Func.Pkg() == e.pass.Pkg && harmless(rt.Func.Pos()))
	for _, d := range e.dirs.Directives() {
		if d.Name == directives.Exempt && d.Valid() && d.Covers(rt.Pos) {
			r.Exemptions = append(r.Exemptions, Exemption{
				Pos: xpos.Of(e.pass.Fset, d.Pos), End: xpos.Of(e.pass.Fset, d.End),
				Checks: d.Checks, ADR: d.ADR, Reason: d.Reason,
			})
		}
	}
	r.Middleware, r.Fix = e.fixer().encoded(rt)
	r.Reported = e.reported[g]
	if e.regs == nil {
		e.regs = make(map[*reg]*Registration)
	}
	e.regs[g] = r
	return r
}

// HandlerName returns the handler of a route as written, for messages and
// reports.
func HandlerName(rt *Route) string {
	switch {
	case rt.Home != nil:
		return rt.Home.Handler
	case rt.Handler == nil:
		return ""
	}
	if _, ok := rt.Handler.(*ast.FuncLit); ok {
		return "func literal"
	}
	return types.ExprString(rt.Handler)
}

// MutatingMethod returns the mutating method a route serves: its own
// method, or for a route of any method the first mutating method its
// handler branches on. It returns "" for reads, naturally idempotent
// methods, and POST and PATCH when evidence lowers them (SeenIdempotent).
func MutatingMethod(rt *Route, cfg *config.Config) string {
	if rt.DynamicMethod {
		return ""
	}
	if rt.RPC {
		if MutatingRPC(rt) {
			return rt.Method
		}
		return ""
	}
	if rt.Method != "" {
		if mutating(rt.Method, cfg) && !(lowerable(rt.Method) && SeenIdempotent(rt)) {
			return rt.Method
		}
		return ""
	}
	for _, m := range rt.BranchMethods {
		if mutating(m, cfg) && !(lowerable(m) && SeenIdempotent(rt)) {
			return m
		}
	}
	return ""
}

// lowerable reports whether evidence can lower a method to a read: POST
// and PATCH (specification, section 2).
func lowerable(method string) bool { return method == "POST" || method == "PATCH" }

// SeenIdempotent reports whether the analysis sees everything a route's
// handler does (Visible: every call, across packages, known to the effects
// model, nothing through an interface or function value it cannot
// resolve) and that is reads and naturally idempotent writes only. Such
// evidence lowers a POST or PATCH route, or a procedure, to a read.
func SeenIdempotent(rt *Route) bool {
	return rt.Visible && rt.Effects.NonIdempotent == "" && !rt.Mutates
}

// Lowered reports whether evidence (SeenIdempotent) is what keeps a route
// from mutating: without it, its method, the methods its handler
// branches on, or its name would make it mutate.
func Lowered(rt *Route, cfg *config.Config) bool {
	if !SeenIdempotent(rt) {
		return false
	}
	if rt.RPC {
		return mutatingByName(rt)
	}
	if rt.Method != "" {
		return lowerable(rt.Method) && mutating(rt.Method, cfg)
	}
	for _, m := range rt.BranchMethods {
		if lowerable(m) && mutating(m, cfg) {
			return true
		}
	}
	return false
}

func mutating(method string, cfg *config.Config) bool {
	switch method {
	case "POST", "PATCH":
		return true
	case "PUT", "DELETE":
		return !cfg.NaturallyIdempotent(method)
	}
	return false
}

// Mutating reports whether a route mutates: by its method, or for a
// route of any method by the methods its handler branches on or its
// effects.
func Mutating(rt *Route, cfg *config.Config) bool {
	return MutatingMethod(rt, cfg) != "" || (!rt.RPC && rt.Method == "" && rt.Effects.NonIdempotent != "")
}

// MutatingRPC reports whether an RPC route mutates: a unary procedure
// that declares no idempotency level, whose name does not read as a read
// (ReadProcedure), and whose implementing method the analysis does not
// see doing only reads and naturally idempotent writes (SeenIdempotent):
// the name is the fallback for an implementation it cannot see.
// Streaming procedures are not reported.
func MutatingRPC(rt *Route) bool { return mutatingByName(rt) && !SeenIdempotent(rt) }

func mutatingByName(rt *Route) bool {
	return rt.RPC && !rt.Streaming && rt.Idempotency == IdempotencyUnknown && !ReadProcedure(rt.Path)
}

// Unprotected returns the method under which idemhandler reports a
// route, and why it mutates when that is not its method alone; method is
// "" when the route is not reported: it is protected, its chain cannot
// be decided, or it does not mutate.
func Unprotected(rt *Route, cfg *config.Config) (method, why string) {
	if rt.Protected() != nil || rt.Unknown() || rt.ClaimsDedup || rt.DynamicMethod {
		return "", ""
	}
	method = MutatingMethod(rt, cfg)
	if method != "" && !rt.RPC && rt.Method == "" {
		// A route of any method: every mutating method its handler
		// branches on, so that the finding names them all.
		var ms []string
		for _, m := range rt.BranchMethods {
			if mutating(m, cfg) && !slices.Contains(ms, m) {
				ms = append(ms, m)
			}
		}
		method = strings.Join(ms, " and ")
	}
	if method == "" && !rt.RPC && rt.Method == "" && rt.Effects.NonIdempotent != "" {
		method, why = "ANY", "its handler "+rt.Effects.NonIdempotent+", and "
	}
	if rt.RPC && rt.Readonly {
		return "", ""
	}
	return method, why
}
