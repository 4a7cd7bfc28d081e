package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/objectpath"

	"github.com/idemlint/idemlint/internal/xpos"
)

// Summaries, the importing side: a call of a function of another package
// that has a summary applies it as if the body were inlined at the call,
// and the slot of a field or variable of another package starts with
// what its summary says it holds.

// summaryOf returns the summary of obj, an object of another package, or
// nil.
func (e *evaluator) summaryOf(obj types.Object) *Summary {
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == e.pass.Pkg {
		return nil
	}
	f := new(SummaryFact)
	if !e.pass.ImportObjectFact(obj, f) || f.s == nil {
		return nil
	}
	return f.s
}

// A decoder applies one summary.
type decoder struct {
	e     *evaluator
	s     *Summary
	call  *ast.CallExpr // the call applying a function's summary; nil for a slot's
	recv  value
	args  []value
	nodes []value // the value of each router of the summary
	base  int     // the evaluation's order before the call
	seed  bool    // the summary of a field or variable: what it holds is not exported again
	root  int     // the root orders of the summary's own map to
	// shared is set while the middleware of a router the receiver does
	// not own alone is decoded (see instance).
	shared bool
}

// replay applies the summary of a function at call, with the values of
// its receiver and arguments, and returns the value of its result. call
// is nil for a function the router calls back; pos is where the call is
// made.
func (e *evaluator) replay(s *Summary, call *ast.CallExpr, pos token.Pos, recv value, args []value) value {
	d := &decoder{e: e, s: s, call: call, recv: recv, args: args, base: e.seq, root: e.root}
	d.advance()
	d.routers()
	inst := e.newInstance(s, call, recv)
	for _, st := range s.Stores {
		if sl := e.objectSlot(st.Pkg, st.Path); sl != nil {
			v := d.value(st.Value)
			if l, ok := v.(mwList); ok && inst.has(sl.obj) {
				inst.store(e, sl, l)
				continue
			}
			e.storeSlot(sl, v, nil)
		}
	}
	for _, v := range s.Serves {
		e.serve(e.asHandler(d.value(v)), pos)
	}
	if call != nil {
		for _, ds := range s.DedupStores {
			if ds.Param < len(call.Args) {
				e.dedupArg(call.Args[ds.Param], ds.Via, true)
			}
		}
	}
	var v value
	if s.Result != nil {
		v = d.value(*s.Result)
	}
	if inst != nil && len(inst.fields) > 0 {
		e.made = inst // the value external returns for the call stands for it
	}
	return v
}

// importSlot fills the slot of a field or variable of another package
// with what its summary says it holds. Orders of that package count as
// the initialisation of package variables: before any function here.
func (e *evaluator) importSlot(sl *slot) {
	s := e.summaryOf(sl.obj)
	if s == nil || s.Result == nil {
		return
	}
	d := &decoder{e: e, s: s, base: 0, seed: true, root: 0}
	d.routers()
	e.storeSlot(sl, d.value(*s.Result), nil)
}

// advance moves the evaluation's order past the orders of the summary.
func (d *decoder) advance() {
	top := 0
	for _, r := range d.s.Routers {
		for _, m := range r.MWs {
			top = max(top, m.Order)
		}
		for _, g := range r.Regs {
			top = max(top, g.Order)
		}
		for _, m := range r.Mounts {
			top = max(top, m.Order)
		}
	}
	d.e.seq += top
}

// order maps an order of the summary to one of the evaluation.
func (d *decoder) order(n int) order {
	switch {
	case n == 0:
		return order{}
	case n == OrderInit:
		return order{0, 1}
	case n == OrderUnknown:
		d.e.foreignRoot--
		return order{d.e.foreignRoot, 1}
	}
	return order{d.root, d.base + n}
}

// arg returns the value of parameter i (-1: the receiver).
func (d *decoder) arg(i int) value {
	if i < 0 {
		return d.recv
	}
	if i < len(d.args) {
		return d.args[i]
	}
	return nil
}

// routers makes the value of each router of the summary and adds to it
// what the summary says was added.
func (d *decoder) routers() {
	d.nodes = make([]value, len(d.s.Routers))
	for i, r := range d.s.Routers {
		switch r.Ref.Kind {
		case RefNew:
			d.nodes[i] = d.e.newRouter(r.Framework)
		case RefParam:
			d.nodes[i] = d.arg(r.Ref.Param)
		case RefObject:
			if sl := d.e.objectSlot(r.Ref.Pkg, r.Ref.Path); sl != nil {
				d.nodes[i] = sl
			}
		}
	}
	for i, r := range d.s.Routers {
		if len(r.MWs)+len(r.Regs)+len(r.Mounts) == 0 {
			continue
		}
		prefix := ""
		var target *router
		switch v := d.nodes[i].(type) {
		case *fiberGroup:
			target, prefix = v.app.find(), v.prefix
			if v.dynamic {
				prefix = ""
			}
		default:
			target = d.e.asRouter(v, r.Framework)
		}
		// Middleware of a router the instance does not own alone (one a
		// field or the caller holds) is the field's, not the instance's.
		d.shared = r.Ref.Kind != RefNew
		for _, m := range r.MWs {
			mw := d.mw(m)
			if prefix != "" && mw.prefix != "" {
				mw.prefix = strings.TrimRight(prefix, "/") + mw.prefix
			}
			target.mws = append(target.mws, mw)
		}
		d.shared = false
		for _, g := range r.Regs {
			d.reg(target, prefix, g)
		}
		for _, m := range r.Mounts {
			h := d.e.asHandler(d.value(m.Target))
			if h == nil {
				continue
			}
			target.mounts = append(target.mounts, &mount{prefix: m.Prefix, method: m.Method, mws: d.mws(m.MWs), h: h, order: d.order(m.Order), seed: d.seed})
		}
	}
}

// reg adds a registration of the summary to r, below a fiber group's
// prefix.
func (d *decoder) reg(r *router, prefix string, g SReg) {
	if isTemplateReg(g.Method, g.Path) {
		if d.call == nil {
			return // only a call instantiates it
		}
		g.Method, g.Path = d.instantiate(g.Method, g.Path)
	}
	path := g.Path
	if prefix != "" && path != "" {
		path = fiberJoin(prefix, path)
	}
	framework := r.framework
	if g.Reg != nil && g.Reg.Framework != "" {
		framework = g.Reg.Framework
	}
	rg := &reg{framework: framework, method: g.Method, path: path, mws: d.mws(g.MWs), order: d.order(g.Order), seed: d.seed, imp: g.Reg, h: &handler{}}
	if g.Reg != nil && g.Reg.RPC != nil {
		rg.rpc = &rpcInfo{streaming: g.Reg.RPC.Streaming, idem: g.Reg.RPC.Idem}
	}
	if g.Handler != nil && d.call != nil {
		// The caller's own handler, registered by a function that
		// forwards it to the router: the route is the caller's, at the
		// call.
		if p := d.s.Routers[g.Handler.Router].Ref.Param; p >= 0 && p < len(d.call.Args) {
			rg.imp, rg.call, rg.expr = nil, d.call, d.call.Args[p]
			if rg.h = d.e.asHandler(d.arg(p)); rg.h == nil {
				rg.h = &handler{}
			}
		}
	}
	if rg.imp == nil {
		d.e.callerSite(rg) // a wrapper of this package forwarding its caller's handler
	}
	if isTemplateReg(rg.method, rg.path) {
		// Built from the caller's own parameters: the caller's calls
		// instantiate it.
		if d.e.tmplOwner != nil {
			d.e.tmplOwner.templates = append(d.e.tmplOwner.templates, templateReg{r, rg})
		}
		return
	}
	r.regs = append(r.regs, rg)
}

// instantiate returns the method and path of a template registration
// with the caller's arguments. A method that is not a constant is
// methodDynamic, a path that is not one is "".
func (d *decoder) instantiate(method, path string) (string, string) {
	arg := func(i int) (string, bool) {
		if i < 0 || i >= len(d.call.Args) || d.call.Ellipsis.IsValid() && i == len(d.call.Args)-1 {
			return "", false
		}
		return d.e.routeStr(d.call.Args[i])
	}
	if method == methodInPattern {
		p, ok := instantiate(path, arg)
		if !ok {
			// The method is not a constant; the path may be.
			if i := strings.IndexByte(path, ' '); i > 0 && !strings.ContainsAny(path[:i], "/"+string(rune(tmplIf))) {
				if p, ok := instantiate(strings.TrimSpace(path[i:]), arg); ok {
					return methodDynamic, p
				}
			}
			return methodDynamic, ""
		}
		if hasParams(p) {
			return methodInPattern, p
		}
		return splitPattern(p)
	}
	m, ok := instantiate(method, arg)
	if !ok {
		m = methodDynamic
	} else if !hasParams(m) {
		m = strings.ToUpper(m)
	}
	p, ok := instantiate(path, arg)
	if !ok {
		p = ""
	}
	return m, p
}

// value decodes a value of the summary.
func (d *decoder) value(v SValue) value {
	switch v.Kind {
	case ValueRouter:
		return d.node(v.Router)
	case ValueGroup:
		n := d.node(v.Router)
		if g, ok := n.(*fiberGroup); ok {
			return &fiberGroup{app: g.app, prefix: fiberGroupPath(g.prefix, v.Prefix), dynamic: g.dynamic}
		}
		return &fiberGroup{app: d.e.asRouter(n, "fiber"), prefix: v.Prefix}
	case ValueMWs:
		return mwList(d.mws(v.MWs))
	case ValueHandler:
		var h *handler
		if v.Router >= 0 {
			h = d.e.asHandler(d.node(v.Router))
		}
		if h == nil {
			h = &handler{}
		}
		if len(v.Procs) > 0 {
			h = &handler{procs: d.procs(v.Procs)}
		}
		if v.Prefix != "" {
			c := *h
			c.strip = v.Prefix
			h = &c
		}
		if len(v.MWs) > 0 {
			h = h.wrap(d.mws(v.MWs)...)
		}
		return h
	case ValueTuple:
		t := make(tuple, len(v.Elems))
		for i, x := range v.Elems {
			t[i] = d.value(x)
		}
		return t
	}
	return nil
}

func (d *decoder) node(i int) value {
	if i < 0 || i >= len(d.nodes) {
		return nil
	}
	return d.nodes[i]
}

// procs decodes the procedures of a connect service handler.
func (d *decoder) procs(ps []SReg) []*reg {
	out := make([]*reg, 0, len(ps))
	for _, p := range ps {
		g := &reg{framework: "connect", method: p.Method, path: p.Path, mws: d.mws(p.MWs), imp: p.Reg, h: &handler{}}
		if p.Reg != nil && p.Reg.RPC != nil {
			g.rpc = &rpcInfo{streaming: p.Reg.RPC.Streaming, idem: p.Reg.RPC.Idem}
		} else {
			g.rpc = &rpcInfo{}
		}
		out = append(out, g)
	}
	return out
}

// mws decodes a middleware list; a placeholder for the caller's
// middleware becomes the middleware the caller passed.
func (d *decoder) mws(ms []SMW) []Middleware {
	if len(ms) == 0 {
		return nil
	}
	out := make([]Middleware, 0, len(ms))
	for _, m := range ms {
		if m.Param > 0 {
			out = append(out, d.callerMWs(m.Param-1)...)
			continue
		}
		out = append(out, d.mw(m))
	}
	return out
}

// callerMWs returns the middleware the caller passed as parameter i: the
// arguments from i on for a variadic parameter.
func (d *decoder) callerMWs(i int) []Middleware {
	if d.call == nil || i >= len(d.call.Args) {
		return nil
	}
	last := i
	if fn := d.e.calleeOf(d.call); fn != nil && fn.Signature().Variadic() && i == fn.Signature().Params().Len()-1 {
		last = len(d.call.Args) - 1
	}
	var out []Middleware
	for j := i; j <= last; j++ {
		out = append(out, d.e.asMiddleware(d.arg(j), d.call.Args[j])...)
	}
	return out
}

func (d *decoder) mw(m SMW) Middleware {
	mw := Middleware{
		Name:     m.Name,
		Pos:      d.e.position(m.Pos),
		Platform: m.Platform,
		Unknown:  m.Unknown,
		Scope:    m.Scope,
		Foreign:  true,
		order:    d.order(m.Order),
		prefix:   m.Prefix,
		seed:     d.seed,
	}
	if m.Held != nil {
		if sl := d.e.objectSlot(m.Held.Pkg, m.Held.Path); sl != nil {
			mw.held = sl
			if inst := d.e.instanceOf(d.recv); inst != nil && inst.fields[sl.obj] != nil && !d.shared {
				mw.held = inst.fields[sl.obj] // the receiver's own
			}
		} else {
			mw.Unknown = true
		}
	}
	if f := m.RPC; f != nil {
		mw.only = &rpcFilter{kind: f.Kind, idem: f.Idem}
		if !f.All {
			set := &rpcSet{names: make(map[string]bool, len(f.Names)), except: f.Except}
			for _, n := range f.Names {
				set.names[n] = true
			}
			mw.only.set = set
		}
	}
	return mw
}

// position returns the position of p in the pass's file set.
func (e *evaluator) position(p xpos.Pos) token.Pos {
	if !p.IsValid() {
		return token.NoPos
	}
	return e.positions().Resolve(p)[0]
}

func (e *evaluator) positions() *xpos.Resolver {
	if e.resolver == nil {
		e.resolver = xpos.NewResolver(e.pass.Fset)
	}
	return e.resolver
}

// objectSlot returns the slot of the field or variable at path in the
// package pkgPath, which the package imports directly or not.
func (e *evaluator) objectSlot(pkgPath, path string) *slot {
	pkg := e.packageOf(pkgPath)
	if pkg == nil {
		return nil
	}
	obj, err := objectpath.Object(pkg, objectpath.Path(path))
	if err != nil {
		return nil
	}
	return e.slotFor(obj)
}

// packageOf returns the package with the given path among the package's
// imports, direct or not, or nil.
func (e *evaluator) packageOf(path string) *types.Package {
	if e.pkgs == nil {
		e.pkgs = make(map[string]*types.Package)
		var walk func(p *types.Package)
		walk = func(p *types.Package) {
			for _, imp := range p.Imports() {
				if _, seen := e.pkgs[imp.Path()]; !seen {
					e.pkgs[imp.Path()] = imp
					walk(imp)
				}
			}
		}
		walk(e.pass.Pkg)
	}
	return e.pkgs[path]
}
