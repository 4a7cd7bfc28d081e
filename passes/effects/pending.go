package effects

import (
	"encoding/binary"
	"errors"
	"go/types"
	"hash/fnv"
	"slices"
	"strconv"
	"sync"
)

// Pending interface calls.
//
// A call through an interface method that the model does not know hides
// the caller. When the interface is declared in a walked package (one of
// the analysed module), the call is recorded instead, by a key naming the
// method (methodKey): a function whose only opacity is such calls is
// pending on them. Its fact says so ([Fact.Pending]): it stays opaque to
// every pass, but keeps its effects without the verb effects of those
// calls (Base), and its callers inherit the methods, up to maxPending.
//
// The package that decides a route sees the whole program its router is
// served in, or most of it: it resolves each method from the concrete
// types of its transitive imports that implement the interface
// ([Result.Resolve]). When every implementation is found, is visible (or
// pending on methods that resolve in turn) and changes nothing its caller
// holds, the handler is visible with the union of the effects; when none
// is found, or one is opaque, a generic type, a library's or an adapter,
// the handler stays opaque. A decorator, an implementation that calls
// the method on the value it wraps, adds its own effects to those of the
// others.

// maxPending bounds the interface methods a function can be pending on:
// beyond it, the function is plainly opaque.
const maxPending = 8

// Pending holds what an opaque function would be if the interface methods
// it calls were resolved: its effects without theirs, and the methods.
type Pending struct {
	Base    Effects
	Methods []uint64 // methodKey of each method, sorted
}

// String returns pending(N; BASE).
func (p *Pending) String() string {
	return "pending(" + strconv.Itoa(len(p.Methods)) + "; " + p.Base.String() + ")"
}

// methodKey returns the key of fn, a method of a named, non-generic
// interface declared in a walked package.
func (in *inferrer) methodKey(fn *types.Func) (uint64, bool) {
	n, ok := types.Unalias(recvType(fn)).(*types.Named)
	if !ok || n.TypeParams().Len() > 0 || n.Obj().Pkg() == nil || n.Obj().Parent() != n.Obj().Pkg().Scope() {
		return 0, false
	}
	if _, ok := n.Underlying().(*types.Interface); !ok || in.kindOf(n.Obj().Pkg()) != pkgWalked {
		return 0, false
	}
	return keyOf(n.Obj().Pkg().Path(), n.Obj().Name(), fn.Name()), true
}

// keyOf hashes a method of an interface: path.Type.Method.
func keyOf(path, typ, method string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(path))
	h.Write([]byte{'.'})
	h.Write([]byte(typ))
	h.Write([]byte{'.'})
	h.Write([]byte(method))
	return h.Sum64()
}

// mergeKeys returns the sorted union of two sorted sets of keys, and false
// when it holds more than maxPending.
func mergeKeys(a, b []uint64) ([]uint64, bool) {
	out := slices.Clone(a)
	for _, k := range b {
		if i, found := slices.BinarySearch(out, k); !found {
			out = slices.Insert(out, i, k)
		}
	}
	return out, len(out) <= maxPending
}

// await records in cur a call of the interface method fn, and reports
// whether it could: fn is keyed and cur is pending on at most maxPending
// methods.
func (in *inferrer) await(fn *types.Func, cur *unit) bool {
	k, ok := in.methodKey(fn)
	if !ok || cur == nil {
		return false
	}
	keys, ok := mergeKeys(cur.ifaces, []uint64{k})
	if ok {
		cur.ifaces = keys
	}
	return ok
}

// awaitFact records in cur the methods a function of another walked
// package is pending on, and reports whether it could.
func (in *inferrer) awaitFact(fn *types.Func, cur *unit) bool {
	if fn.Pkg() == nil || in.kindOf(fn.Pkg()) != pkgWalked || execLike(fn) != nil {
		return false
	}
	var f Fact
	if !in.pass.ImportObjectFact(fn, &f) || f.pending == nil {
		return false
	}
	keys, ok := mergeKeys(cur.ifaces, f.pending.Methods)
	if ok {
		cur.ifaces = keys
	}
	return ok
}

// pendingCall reports whether a call of fn, an interface method, is one
// await records: its verb effect is then left out of the caller's base.
func (in *inferrer) pendingCall(fn *types.Func) bool {
	if fn == nil || !in.walked || !isInterfaceMethod(fn) {
		return false
	}
	if _, ok := in.methodKey(fn); !ok {
		return false
	}
	return !in.seenInterface(recvType(fn), fn)
}

// spread hands the methods units are pending on to their callers, once
// settle has run: a caller that would be pending on more than maxPending
// is opaque.
func (in *inferrer) spread() {
	var work []*unit
	for _, u := range in.order {
		if len(u.ifaces) > 0 {
			work = append(work, u)
		}
	}
	for len(work) > 0 {
		u := work[len(work)-1]
		work = work[:len(work)-1]
		for _, c := range u.callers {
			if c.opaque || in.trusted(c) {
				continue
			}
			keys, ok := mergeKeys(c.ifaces, u.ifaces)
			switch {
			case !ok:
				c.opaque, c.ifaces = true, nil
			case len(keys) != len(c.ifaces):
				c.ifaces = keys
				work = append(work, c)
			}
		}
	}
}

// append encodes p: the number of methods, each key, the base kinds and
// flags, and the base description with its length.
func (p *Pending) append(out []byte) []byte {
	out = append(out, byte(len(p.Methods)))
	for _, k := range p.Methods {
		out = binary.LittleEndian.AppendUint64(out, k)
	}
	out = binary.AppendUvarint(out, uint64(p.Base.Kinds))
	var money byte
	if p.Base.MovesMoney {
		money = 1
	}
	out = append(out, money)
	out = binary.AppendUvarint(out, uint64(len(p.Base.NonIdempotent)))
	return append(out, p.Base.NonIdempotent...)
}

var errPending = errors.New("effects: malformed pending methods")

// decodePending decodes what append encoded, and returns the rest.
func decodePending(data []byte) (*Pending, []byte, error) {
	if len(data) == 0 || data[0] == 0 || data[0] > maxPending || len(data) < 1+8*int(data[0]) {
		return nil, nil, errPending
	}
	p := &Pending{Methods: make([]uint64, data[0])}
	data = data[1:]
	for i := range p.Methods {
		p.Methods[i] = binary.LittleEndian.Uint64(data)
		data = data[8:]
	}
	kinds, n := binary.Uvarint(data)
	if n <= 0 || n >= len(data) || kinds > 0xffff || data[n] > 1 {
		return nil, nil, errPending
	}
	p.Base.Kinds, p.Base.MovesMoney = Kind(kinds), data[n] == 1
	data = data[n+1:]
	l, m := binary.Uvarint(data)
	if m <= 0 || uint64(len(data)-m) < l {
		return nil, nil, errPending
	}
	p.Base.NonIdempotent = string(data[m : m+int(l)])
	return p, data[m+int(l):], nil
}

// Pending returns what fn is pending on, when it is opaque only because it
// calls interface methods of the module and changes nothing its caller
// holds (but the request); nil otherwise.
func (r *Result) Pending(fn *types.Func) *Pending {
	if r == nil || fn == nil || r.in == nil || !r.in.walked {
		return nil
	}
	fn = fn.Origin()
	if recv := recvType(fn); recv != nil {
		if _, adapter := recv.Underlying().(*types.Signature); adapter || types.IsInterface(recv) {
			return nil
		}
	}
	if fn.Pkg() == r.pass.Pkg {
		return r.pending[fn]
	}
	if fn.Pkg() == nil || r.in.kindOf(fn.Pkg()) != pkgWalked {
		return nil
	}
	var f Fact
	if !r.pass.ImportObjectFact(fn, &f) || f.pending == nil || f.Writes&^requestBits(fn) != 0 {
		return nil
	}
	return f.pending
}

// resolver resolves pending methods in the package that decides routes;
// built on first use.
type resolver struct {
	mu      sync.Mutex
	built   bool
	methods map[uint64]*types.Func    // the interface methods of walked packages, by key
	byName  map[string][]*types.Named // concrete types, by the names of the methods they declare
	embeds  []*types.Named            // structs with embedded fields: promoted methods
	done    map[uint64]resolved
	stack   []uint64        // the methods being resolved
	partial map[uint64]bool // methods on stack resolved without a method below them
}

type resolved struct {
	eff Effects
	ok  bool
}

// Resolve returns the effects of a function pending on p, with every
// method resolved from its implementations in the package and its
// transitive imports, and whether all of them resolve (see above).
func (r *Result) Resolve(p *Pending) (Effects, bool) {
	if r == nil || p == nil || r.in == nil || !r.in.walked {
		return Effects{}, false
	}
	r.res.mu.Lock()
	defer r.res.mu.Unlock()
	r.res.build(r)
	return r.resolve(p)
}

func (r *Result) resolve(p *Pending) (Effects, bool) {
	e := p.Base
	for _, k := range p.Methods {
		m, ok := r.res.done[k]
		if !ok {
			if i := slices.Index(r.res.stack, k); i >= 0 {
				// A cycle: a decorator calling the method it implements
				// on the value it wraps (r.next.Get). What the call adds
				// is the union being computed for k; the methods resolved
				// meanwhile lack it, so they are not kept.
				for _, above := range r.res.stack[i+1:] {
					r.res.partial[above] = true
				}
				continue
			}
			r.res.stack = append(r.res.stack, k)
			m.eff, m.ok = r.method(k)
			r.res.stack = r.res.stack[:len(r.res.stack)-1]
			if r.res.partial[k] {
				delete(r.res.partial, k)
			} else {
				r.res.done[k] = m
			}
		}
		if !m.ok {
			return Effects{}, false
		}
		e = e.union(m.eff)
	}
	return e, true
}

// build indexes the packages the pass can see.
func (s *resolver) build(r *Result) {
	if s.built {
		return
	}
	s.built = true
	s.methods = make(map[uint64]*types.Func)
	s.byName = make(map[string][]*types.Named)
	s.done = make(map[uint64]resolved)
	s.partial = make(map[uint64]bool)
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		walkedPkg := r.in.kindOf(p) == pkgWalked
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			n, ok := tn.Type().(*types.Named)
			if !ok {
				continue
			}
			switch u := n.Underlying().(type) {
			case *types.Interface:
				if walkedPkg && n.TypeParams().Len() == 0 {
					for i := range u.NumExplicitMethods() {
						m := u.ExplicitMethod(i)
						s.methods[keyOf(p.Path(), tn.Name(), m.Name())] = m
					}
				}
				continue
			case *types.Struct:
				for i := range u.NumFields() {
					if u.Field(i).Embedded() {
						s.embeds = append(s.embeds, n)
						break
					}
				}
			}
			for i := range n.NumMethods() {
				s.byName[n.Method(i).Name()] = append(s.byName[n.Method(i).Name()], n)
			}
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(r.pass.Pkg)
	// A package loaded from export data lists only the imports its
	// declarations refer to: the packages whose functions carry facts
	// count too, so that no opaque implementation is missed.
	for _, f := range r.pass.AllObjectFacts() {
		if p := f.Object.Pkg(); p != nil {
			visit(p)
		}
	}
}

// method resolves the interface method of key k from its implementations.
func (r *Result) method(k uint64) (Effects, bool) {
	m := r.res.methods[k]
	if m == nil {
		return Effects{}, false
	}
	iface, ok := recvType(m).Underlying().(*types.Interface)
	if !ok {
		return Effects{}, false
	}
	var e Effects
	found := false
	checked := make(map[*types.Named]bool)
	for _, cands := range [][]*types.Named{r.res.byName[m.Name()], r.res.embeds} {
		for _, n := range cands {
			if checked[n] {
				continue
			}
			checked[n] = true
			if n.TypeParams().Len() > 0 {
				// A generic type with the method may implement the
				// interface once instantiated: unknown.
				if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), false, m.Pkg(), m.Name()); obj != nil {
					return Effects{}, false
				}
				continue
			}
			var recv types.Type
			switch {
			case types.Implements(n, iface):
				recv = n
			case types.Implements(types.NewPointer(n), iface):
				recv = types.NewPointer(n)
			default:
				continue
			}
			found = true
			if _, adapter := n.Underlying().(*types.Signature); adapter {
				return Effects{}, false
			}
			obj, _, _ := types.LookupFieldOrMethod(recv, false, m.Pkg(), m.Name())
			impl, ok := obj.(*types.Func)
			if !ok || isInterfaceMethod(impl) {
				return Effects{}, false
			}
			ie, ok := r.impl(impl.Origin())
			if !ok {
				return Effects{}, false
			}
			e = e.union(ie)
		}
	}
	return e, found
}

// impl returns the effects of a concrete method implementing a pending
// method, and whether the model sees all it does.
func (r *Result) impl(fn *types.Func) (Effects, bool) {
	if fn.Pkg() == nil {
		return Effects{}, false
	}
	if fn.Pkg() == r.pass.Pkg {
		switch {
		case r.seenFuncs[fn]:
			return r.funcs[fn], true
		case r.pending[fn] != nil:
			return r.resolve(r.pending[fn])
		}
		return Effects{}, false
	}
	if r.in.kindOf(fn.Pkg()) != pkgWalked {
		return Effects{}, false // a library's or the standard library's: not walked
	}
	var f Fact
	if !r.pass.ImportObjectFact(fn, &f) {
		return Effects{}, true
	}
	if f.Writes&^requestBits(fn) != 0 {
		return Effects{}, false
	}
	switch {
	case !f.Opaque:
		return f.Effects, true
	case f.pending != nil:
		return r.resolve(f.pending)
	}
	return Effects{}, false
}
