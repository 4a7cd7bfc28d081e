package routes

import (
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/types/objectpath"

	"github.com/idemlint/idemlint/internal/xpos"
	"github.com/idemlint/idemlint/passes/directives"
)

// maxSummaryRegs bounds the registrations one summary carries, so that a
// fact stays small however many routes a service has.
const maxSummaryRegs = 2000

// export exports the summaries of the package: one for each function
// importers may call whose summary says something, and one for each
// field and package-level variable whose slot holds a router, handler or
// middleware list. It reports whether it exported any.
func (e *evaluator) export() bool {
	var paths objectpath.Encoder
	any := false
	for fn, rec := range e.sums {
		if _, done := e.memo[fn]; !done || e.dirs.Is(fn, directives.Middleware) {
			continue // never evaluated (inert), or known as middleware without it
		}
		c := e.newEncoder(&paths, nil, rec.root)
		s := c.summary(rec)
		if s.empty() {
			continue
		}
		s.compact()
		e.pass.ExportObjectFact(fn, &SummaryFact{s})
		any = true
	}
	for obj, sl := range e.slots {
		if obj.Pkg() != e.pass.Pkg {
			continue
		}
		if _, err := paths.For(obj); err != nil {
			continue // no importer can name it
		}
		c := e.newEncoder(&paths, obj, 0)
		v := c.value(sl)
		if v.Kind == ValueNone {
			continue
		}
		c.finish()
		s := &Summary{Routers: c.s.Routers, Result: &v}
		if s.empty() {
			continue
		}
		e.pass.ExportObjectFact(obj, &SummaryFact{s})
		any = true
	}
	return any
}

// empty reports whether s tells an importer nothing.
func (s *Summary) empty() bool {
	if !s.opaqueResult() || len(s.Serves) > 0 || len(s.Stores) > 0 || len(s.DedupStores) > 0 {
		return false
	}
	for _, r := range s.Routers {
		if len(r.MWs)+len(r.Regs)+len(r.Mounts) > 0 {
			return false
		}
	}
	return true
}

// compact drops what an importer does not read: the names and positions
// of the middleware a call builds or wraps the caller's handler in, which
// the importer describes at the call (see atCall).
func (s *Summary) compact() {
	r := s.Result
	if r == nil {
		return
	}
	for _, m := range r.MWs {
		if m.Param != 0 {
			return
		}
	}
	switch {
	case r.Kind == ValueMWs && len(r.MWs) == 1,
		r.Kind == ValueHandler && r.Router >= 0 && s.Routers[r.Router].Ref.Kind == RefParam:
		for i := range r.MWs {
			r.MWs[i].Name, r.MWs[i].Pos = "", xpos.Pos{}
		}
	}
}

// An encoder turns values of the evaluation into a summary.
type encoder struct {
	e     *evaluator
	paths *objectpath.Encoder
	s     *Summary
	self  types.Object // the field or variable whose own summary this is
	root  int          // the top-level evaluation whose orders are the summary's own
	index map[any]int  // router or object -> index in s.Routers
	regs  int
	// templates are the registrations on each router that the calls of
	// the function instantiate (template.go).
	templates map[*router][]*reg
	// orders are the positive orders written, made to count from 1 by
	// finish.
	orders []*int
}

func (e *evaluator) newEncoder(paths *objectpath.Encoder, self types.Object, root int) *encoder {
	return &encoder{e: e, paths: paths, s: &Summary{}, self: self, root: root, index: make(map[any]int)}
}

// summary encodes the record of a function.
func (c *encoder) summary(rec *fnSummary) *Summary {
	for _, t := range rec.templates {
		if c.templates == nil {
			c.templates = make(map[*router][]*reg)
		}
		r := t.r.find()
		c.templates[r] = append(c.templates[r], t.g)
	}
	// The routers the caller passes come first, so that a placeholder
	// nobody returns still carries what was added to it.
	if r, ok := rec.recv.(*router); ok {
		c.router(r)
	}
	for _, p := range rec.params {
		switch p := p.(type) {
		case *router:
			c.router(p)
		case *fiberGroup:
			c.router(p.app)
		}
	}
	for _, r := range rec.touched {
		c.router(r)
	}
	if len(c.templates) > 0 {
		// A group the function made on a router a field holds (gin's
		// a.engine.Group(""), fiber's a.app.Group(...)) reaches its
		// templates through the field's router.
		for _, r := range c.e.routers {
			if r.find() == r && r.owner != nil && r.ref == nil && c.mountsTemplates(r) {
				c.router(r)
			}
		}
	}
	for _, t := range rec.templates {
		c.router(t.r)
	}
	if rec.result != nil {
		v := c.value(rec.result)
		if v.Kind != ValueNone {
			c.s.Result = &v
		}
	}
	for _, st := range rec.stores {
		path, err := c.paths.For(st.obj)
		if err != nil {
			continue
		}
		v := c.value(st.v)
		if v.Kind == ValueNone {
			continue
		}
		c.s.Stores = append(c.s.Stores, SStore{Pkg: st.obj.Pkg().Path(), Path: string(path), Value: v})
	}
	for _, sv := range rec.serves {
		if !c.reachable(sv.h) {
			continue // served here, decided here
		}
		c.s.Serves = append(c.s.Serves, c.value(sv.h))
	}
	c.s.DedupStores = rec.dedupStores
	c.finish()
	return c.s
}

// reachable reports whether the caller can reach what h serves: a router
// it passed or can name, or one the summary already holds.
func (c *encoder) reachable(h *handler) bool {
	switch {
	case h.ref != nil || h.slot != nil:
		return true
	case h.router != nil:
		r := h.router.find()
		_, known := c.index[r]
		return known || r.ref != nil || r.owner != nil
	}
	return false
}

// finish makes the summary's own orders count from 1.
func (c *encoder) finish() {
	low := 0
	for _, o := range c.orders {
		if low == 0 || *o < low {
			low = *o
		}
	}
	for _, o := range c.orders {
		*o -= low - 1
	}
	c.orders = nil
}

// order encodes an order of the evaluation.
func (c *encoder) order(o order) int {
	switch {
	case o.n == 0:
		return 0
	case o.root == 0:
		return OrderInit
	case o.root != c.root:
		return OrderUnknown
	}
	return o.n
}

func (c *encoder) keepOrder(p *int) {
	if *p > 0 {
		c.orders = append(c.orders, p)
	}
}

// router returns the index of r in the summary, adding it with what was
// added to it when the caller cannot see that otherwise.
func (c *encoder) router(r *router) int {
	r = r.find()
	if i, ok := c.index[r]; ok {
		return i
	}
	entry := SRouter{Framework: r.framework}
	content := true
	switch {
	case r.ref != nil:
		entry.Ref = *r.ref
	case r.owner != nil && r.owner != c.self:
		if path, err := c.paths.For(r.owner); err == nil {
			entry.Ref = SRef{Kind: RefObject, Pkg: r.owner.Pkg().Path(), Path: string(path)}
			// An object of this package exports what it holds itself;
			// one of another package gets what this package added.
			content = r.owner.Pkg() != c.e.pass.Pkg
		}
	}
	i := len(c.s.Routers)
	c.index[r] = i
	c.s.Routers = append(c.s.Routers, entry)
	if content || len(c.templates[r]) > 0 || c.mountsTemplates(r) {
		c.content(i, r, content)
	}
	return i
}

// content adds to router i of the summary the middleware, routes and
// mounts of r when own is set, and the registrations on r that the calls
// of the function instantiate.
func (c *encoder) content(i int, r *router, own bool) {
	var mws []SMW
	var regs []SReg
	var mounts []SMount
	for _, m := range r.mws {
		if own && !m.seed {
			mws = append(mws, c.mw(m))
		}
	}
	for _, g := range append(slices.Clip(r.regs), c.templates[r]...) {
		if g.seed || c.regs >= maxSummaryRegs || !own && !isTemplateReg(g.method, g.path) {
			continue
		}
		c.regs++
		regs = append(regs, c.reg(g))
	}
	delete(c.templates, r)
	for _, m := range r.mounts {
		if m.seed || !own && !c.holdsTemplates(m.h, 0) {
			continue
		}
		mounts = append(mounts, SMount{Prefix: m.prefix, Method: m.method, MWs: c.mws(m.mws), Target: c.value(m.h), Order: c.order(m.order)})
	}
	// c.s.Routers may have grown while the mounts were encoded.
	sr := &c.s.Routers[i]
	sr.MWs, sr.Regs, sr.Mounts = mws, regs, mounts
	for j := range sr.Regs {
		c.keepOrder(&sr.Regs[j].Order)
	}
	for j := range sr.MWs {
		c.keepOrder(&sr.MWs[j].Order)
	}
	for j := range sr.Mounts {
		c.keepOrder(&sr.Mounts[j].Order)
	}
}

// mountsTemplates reports whether a mount of r holds templates.
func (c *encoder) mountsTemplates(r *router) bool {
	if len(c.templates) == 0 {
		return false
	}
	return slices.ContainsFunc(r.mounts, func(m *mount) bool { return c.holdsTemplates(m.h, 0) })
}

// holdsTemplates reports whether h is a router the function made (a
// group of a router the caller cannot see the content of) holding
// registrations its calls instantiate: the mount is the way to them.
func (c *encoder) holdsTemplates(h *handler, depth int) bool {
	if h == nil || h.router == nil || depth > 4 {
		return false
	}
	r := h.router.find()
	if r.ref != nil || r.owner != nil {
		return false
	}
	if len(c.templates[r]) > 0 {
		return true
	}
	for _, m := range r.mounts {
		if c.holdsTemplates(m.h, depth+1) {
			return true
		}
	}
	return false
}

// reg encodes a registration.
func (c *encoder) reg(g *reg) SReg {
	sg := SReg{Method: g.method, Path: g.path, Order: c.order(g.order), Reg: c.e.registration(g)}
	sg.MWs = append(c.mws(scoped(g.mws, ScopeRoute)), c.mws(scoped(g.h.mws, ScopeRoute))...)
	if g.h.ref != nil {
		v := c.value(&handler{ref: g.h.ref})
		sg.Handler = &v
	}
	return sg
}

// object returns the index of the slot of obj in the summary, as a
// reference the caller resolves to its own slot of obj.
func (c *encoder) object(s *slot) (int, bool) {
	if s.obj == c.self {
		return 0, false
	}
	if i, ok := c.index[s.obj]; ok {
		return i, true
	}
	path, err := c.paths.For(s.obj)
	if err != nil {
		return 0, false
	}
	i := len(c.s.Routers)
	c.index[s.obj] = i
	c.s.Routers = append(c.s.Routers, SRouter{Ref: SRef{Kind: RefObject, Pkg: s.obj.Pkg().Path(), Path: string(path)}})
	return i, true
}

// value encodes a value of the evaluation.
func (c *encoder) value(v value) SValue {
	switch v := v.(type) {
	case *router:
		return SValue{Kind: ValueRouter, Router: c.router(v)}
	case *fiberGroup:
		return SValue{Kind: ValueGroup, Router: c.router(v.app), Prefix: v.prefix}
	case mwList:
		return SValue{Kind: ValueMWs, MWs: c.mws(v)}
	case *slot:
		if !holdsRouterValues(v.obj.Type()) && v.router == nil && v.handler == nil && v.mws == nil {
			return SValue{} // a field or variable that holds nothing the model follows
		}
		if i, ok := c.object(v); ok {
			return SValue{Kind: ValueHandler, Router: i}
		}
		switch {
		case v.router != nil:
			return SValue{Kind: ValueRouter, Router: c.router(v.router)}
		case v.handler != nil:
			return c.value(v.handler)
		case v.mws != nil:
			return SValue{Kind: ValueMWs, MWs: c.mws(v.mws)}
		}
	case *handler:
		sv := SValue{Kind: ValueHandler, Router: -1, MWs: c.mws(v.mws), Prefix: v.strip}
		switch {
		case v.ref != nil:
			if i, ok := c.index[*v.ref]; ok {
				sv.Router = i
			} else {
				sv.Router = len(c.s.Routers)
				c.index[*v.ref] = sv.Router
				c.s.Routers = append(c.s.Routers, SRouter{Ref: *v.ref})
			}
		case v.router != nil:
			sv.Router = c.router(v.router)
		case v.slot != nil:
			t := c.value(v.slot)
			if t.Kind == ValueHandler && len(t.MWs) == 0 && t.Prefix == "" {
				sv.Router = t.Router
			} else if t.Kind == ValueRouter {
				sv.Router = t.Router
			}
		case v.rpc != nil:
			sv.Procs = c.procs(v.rpc)
		}
		return sv
	case tuple:
		sv := SValue{Kind: ValueTuple}
		for _, x := range v {
			sv.Elems = append(sv.Elems, c.value(x))
		}
		return sv
	case funcRef:
		t := v.fn.Type()
		switch {
		case isMiddlewareType(t) || webMiddlewareType(t):
			mw := Middleware{Name: v.fn.Pkg().Name() + "." + v.fn.Name(), Obj: v.fn, Pos: v.fn.Pos(), Platform: c.e.dirs.Is(v.fn, directives.Middleware)}
			return SValue{Kind: ValueMWs, MWs: []SMW{c.mw(mw)}}
		case isHandlerFunc(t):
			return SValue{Kind: ValueHandler, Router: -1}
		}
	case litRef:
		t := c.e.pass.TypesInfo.TypeOf(v.lit)
		switch {
		case isMiddlewareType(t) || webMiddlewareType(t):
			return SValue{Kind: ValueMWs, MWs: c.mws(c.e.asMiddleware(v, v.lit))}
		case isHandlerFunc(t):
			return SValue{Kind: ValueHandler, Router: -1}
		}
	}
	return SValue{}
}

// procs encodes the procedures of a connect service handler.
func (c *encoder) procs(svc *rpcService) []SReg {
	var out []SReg
	r := &router{framework: "connect"}
	c.e.registerService(r, &handler{rpc: svc}, nil)
	for _, g := range r.regs {
		out = append(out, SReg{Method: g.method, Path: g.path, MWs: c.mws(g.mws), Reg: c.e.registration(g)})
	}
	return out
}

func (c *encoder) mws(mws []Middleware) []SMW {
	if len(mws) == 0 {
		return nil
	}
	out := make([]SMW, 0, len(mws))
	for _, m := range expandKnownHeld(mws) {
		out = append(out, c.mw(m))
	}
	return out
}

func (c *encoder) mw(m Middleware) SMW {
	s := SMW{
		Name:     m.Name,
		Pos:      xpos.Of(c.e.pass.Fset, m.Pos),
		Platform: m.Platform,
		Unknown:  m.Unknown,
		Scope:    m.Scope,
		Order:    c.order(m.order),
		Prefix:   m.prefix,
		Param:    m.param,
	}
	if m.held != nil {
		if path, err := c.paths.For(m.held.obj); err == nil && m.held.obj.Pkg() != nil {
			s.Held = &SRef{Kind: RefObject, Pkg: m.held.obj.Pkg().Path(), Path: string(path)}
		} else {
			s.Unknown = true
		}
	}
	if f := m.only; f != nil {
		s.RPC = &SRPCFilter{Kind: f.kind, Idem: f.idem, All: f.set == nil}
		if f.set != nil {
			s.RPC.Except = f.set.except
			for n := range f.set.names {
				s.RPC.Names = append(s.RPC.Names, n)
			}
			sort.Strings(s.RPC.Names) // so that the encoding does not depend on map order
		}
	}
	return s
}
