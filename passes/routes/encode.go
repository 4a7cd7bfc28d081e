package routes

import (
	"encoding/binary"
	"errors"

	"github.com/idemlint/idemlint/internal/xpos"
	"github.com/idemlint/idemlint/passes/effects"
)

// A Summary is encoded by hand, as varints and a table of strings: gob
// would write the description of each of its nested types into every
// package's facts, and the file names of its positions again for each
// position. Fields are written in declaration order; a test checks that
// decoding gives back what was encoded. Fields are written in declaration order; a test checks that
// decoding gives back what was encoded.

// GobEncode encodes the summary for the facts file.
func (f *SummaryFact) GobEncode() ([]byte, error) { return f.s.encode(), nil }

// GobDecode decodes what GobEncode encoded.
func (f *SummaryFact) GobDecode(data []byte) error {
	f.s = new(Summary)
	return f.s.decode(data)
}

// encode encodes s.
func (s *Summary) encode() []byte {
	w := &writer{index: make(map[string]int)}
	w.summary(s)
	out := binary.AppendUvarint(nil, uint64(len(w.strs)))
	for _, str := range w.strs {
		out = binary.AppendUvarint(out, uint64(len(str)))
		out = append(out, str...)
	}
	return append(out, w.buf...)
}

// decode decodes what encode encoded.
func (s *Summary) decode(data []byte) (err error) {
	r := &reader{data: data}
	defer func() {
		if recover() != nil {
			err = errors.New("routes: malformed summary")
		}
	}()
	n := r.uint()
	r.strs = make([]string, n)
	for i := range r.strs {
		l := r.uint()
		r.strs[i] = string(r.data[:l])
		r.data = r.data[l:]
	}
	*s = Summary{}
	r.summary(s)
	return nil
}

type writer struct {
	buf   []byte
	strs  []string
	index map[string]int
}

func (w *writer) uint(n uint64) { w.buf = binary.AppendUvarint(w.buf, n) }
func (w *writer) int(n int)     { w.buf = binary.AppendVarint(w.buf, int64(n)) }
func (w *writer) len(n int)     { w.uint(uint64(n)) }

func (w *writer) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

func (w *writer) str(s string) {
	i, ok := w.index[s]
	if !ok {
		i = len(w.strs)
		w.index[s] = i
		w.strs = append(w.strs, s)
	}
	w.len(i)
}

func (w *writer) strList(l []string) {
	w.len(len(l))
	for _, s := range l {
		w.str(s)
	}
}

func (w *writer) pos(p xpos.Pos) {
	w.str(p.File)
	w.len(p.Offset)
	w.len(p.Line)
	w.len(p.Column)
}

func (w *writer) summary(s *Summary) {
	w.len(len(s.Routers))
	for _, r := range s.Routers {
		w.str(r.Framework)
		w.ref(r.Ref)
		w.mws(r.MWs)
		w.regs(r.Regs)
		w.len(len(r.Mounts))
		for _, m := range r.Mounts {
			w.str(m.Prefix)
			w.str(m.Method)
			w.mws(m.MWs)
			w.value(&m.Target)
			w.int(m.Order)
		}
	}
	w.optValue(s.Result)
	w.len(len(s.Serves))
	for i := range s.Serves {
		w.value(&s.Serves[i])
	}
	w.len(len(s.Stores))
	for i := range s.Stores {
		w.str(s.Stores[i].Pkg)
		w.str(s.Stores[i].Path)
		w.value(&s.Stores[i].Value)
	}
	w.len(len(s.DedupStores))
	for _, d := range s.DedupStores {
		w.len(d.Param)
		w.str(d.Via)
	}
}

func (w *writer) ref(r SRef) {
	w.uint(uint64(r.Kind))
	w.int(r.Param)
	w.str(r.Pkg)
	w.str(r.Path)
}

func (w *writer) optValue(v *SValue) {
	w.bool(v != nil)
	if v != nil {
		w.value(v)
	}
}

func (w *writer) value(v *SValue) {
	w.uint(uint64(v.Kind))
	w.int(v.Router)
	w.mws(v.MWs)
	w.str(v.Prefix)
	w.regs(v.Procs)
	w.len(len(v.Elems))
	for i := range v.Elems {
		w.value(&v.Elems[i])
	}
}

func (w *writer) mws(ms []SMW) {
	w.len(len(ms))
	for _, m := range ms {
		w.str(m.Name)
		w.pos(m.Pos)
		w.bool(m.Platform)
		w.bool(m.Unknown)
		w.int(int(m.Scope))
		w.int(m.Order)
		w.str(m.Prefix)
		w.bool(m.RPC != nil)
		if f := m.RPC; f != nil {
			w.int(f.Kind)
			w.bool(f.All)
			w.strList(f.Names)
			w.bool(f.Except)
			w.int(int(f.Idem))
		}
		w.int(m.Param)
		w.bool(m.Held != nil)
		if m.Held != nil {
			w.str(m.Held.Pkg)
			w.str(m.Held.Path)
		}
	}
}

func (w *writer) regs(gs []SReg) {
	w.len(len(gs))
	for _, g := range gs {
		w.str(g.Method)
		w.str(g.Path)
		w.mws(g.MWs)
		w.int(g.Order)
		w.bool(g.Reg != nil)
		if g.Reg != nil {
			w.registration(g.Reg)
		}
		w.optValue(g.Handler)
	}
}

func (w *writer) registration(r *Registration) {
	w.str(r.Pkg)
	w.pos(r.Pos)
	w.pos(r.End)
	w.str(r.Framework)
	w.str(r.Handler)
	w.uint(uint64(r.Effects.Kinds))
	w.str(r.Effects.NonIdempotent)
	w.bool(r.Effects.MovesMoney)
	w.bool(r.Visible)
	w.strList(r.BranchMethods)
	w.bool(r.ClaimsDedup)
	w.bool(r.Readonly)
	w.bool(r.Mutates)
	w.bool(r.Harmless)
	w.str(r.Financial)
	w.bool(r.RPC != nil)
	if r.RPC != nil {
		w.bool(r.RPC.Streaming)
		w.int(int(r.RPC.Idem))
	}
	w.len(len(r.Exemptions))
	for _, x := range r.Exemptions {
		w.pos(x.Pos)
		w.pos(x.End)
		w.bool(x.Checks != nil)
		w.strList(x.Checks)
		w.str(x.ADR)
		w.str(x.Reason)
	}
	w.bool(r.Pending != nil)
	if r.Pending != nil {
		w.len(len(r.Pending.Methods))
		for _, k := range r.Pending.Methods {
			w.uint(k)
		}
		w.uint(uint64(r.Pending.Base.Kinds))
		w.str(r.Pending.Base.NonIdempotent)
		w.bool(r.Pending.Base.MovesMoney)
	}
	w.strList(r.Reported)
	w.str(r.Middleware)
	w.bool(r.Fix != nil)
	if r.Fix != nil {
		w.str(r.Fix.Message)
		w.len(len(r.Fix.Edits))
		for _, ed := range r.Fix.Edits {
			w.pos(ed.Pos)
			w.pos(ed.End)
			w.str(ed.NewText)
		}
	}
}

type reader struct {
	data []byte
	strs []string
}

func (r *reader) uint() int {
	n, k := binary.Uvarint(r.data)
	if k <= 0 {
		panic("short")
	}
	r.data = r.data[k:]
	return int(n)
}

func (r *reader) int() int {
	n, k := binary.Varint(r.data)
	if k <= 0 {
		panic("short")
	}
	r.data = r.data[k:]
	return int(n)
}

func (r *reader) bool() bool  { return r.uint() != 0 }
func (r *reader) str() string { return r.strs[r.uint()] }
func (r *reader) strList() []string {
	n := r.uint()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *reader) pos() xpos.Pos {
	return xpos.Pos{File: r.str(), Offset: r.uint(), Line: r.uint(), Column: r.uint()}
}

func (r *reader) summary(s *Summary) {
	if n := r.uint(); n > 0 {
		s.Routers = make([]SRouter, n)
	}
	for i := range s.Routers {
		sr := &s.Routers[i]
		sr.Framework = r.str()
		sr.Ref = r.ref()
		sr.MWs = r.mws()
		sr.Regs = r.regs()
		if n := r.uint(); n > 0 {
			sr.Mounts = make([]SMount, n)
		}
		for j := range sr.Mounts {
			m := &sr.Mounts[j]
			m.Prefix, m.Method, m.MWs = r.str(), r.str(), r.mws()
			m.Target = r.value()
			m.Order = r.int()
		}
	}
	s.Result = r.optValue()
	if n := r.uint(); n > 0 {
		s.Serves = make([]SValue, n)
	}
	for i := range s.Serves {
		s.Serves[i] = r.value()
	}
	if n := r.uint(); n > 0 {
		s.Stores = make([]SStore, n)
	}
	for i := range s.Stores {
		st := &s.Stores[i]
		st.Pkg, st.Path = r.str(), r.str()
		st.Value = r.value()
	}
	if n := r.uint(); n > 0 {
		s.DedupStores = make([]SStoreParam, n)
	}
	for i := range s.DedupStores {
		s.DedupStores[i] = SStoreParam{Param: r.uint(), Via: r.str()}
	}
}

func (r *reader) ref() SRef {
	return SRef{Kind: RefKind(r.uint()), Param: r.int(), Pkg: r.str(), Path: r.str()}
}

func (r *reader) optValue() *SValue {
	if !r.bool() {
		return nil
	}
	v := r.value()
	return &v
}

func (r *reader) value() SValue {
	v := SValue{Kind: ValueKind(r.uint()), Router: r.int(), MWs: r.mws(), Prefix: r.str(), Procs: r.regs()}
	if n := r.uint(); n > 0 {
		v.Elems = make([]SValue, n)
	}
	for i := range v.Elems {
		v.Elems[i] = r.value()
	}
	return v
}

func (r *reader) mws() []SMW {
	n := r.uint()
	if n == 0 {
		return nil
	}
	out := make([]SMW, n)
	for i := range out {
		m := &out[i]
		m.Name, m.Pos = r.str(), r.pos()
		m.Platform, m.Unknown = r.bool(), r.bool()
		m.Scope, m.Order, m.Prefix = Scope(r.int()), r.int(), r.str()
		if r.bool() {
			m.RPC = &SRPCFilter{Kind: r.int(), All: r.bool(), Names: r.strList(), Except: r.bool(), Idem: Idempotency(r.int())}
		}
		m.Param = r.int()
		if r.bool() {
			m.Held = &SRef{Kind: RefObject, Pkg: r.str(), Path: r.str()}
		}
	}
	return out
}

func (r *reader) regs() []SReg {
	n := r.uint()
	if n == 0 {
		return nil
	}
	out := make([]SReg, n)
	for i := range out {
		g := &out[i]
		g.Method, g.Path, g.MWs, g.Order = r.str(), r.str(), r.mws(), r.int()
		if r.bool() {
			g.Reg = r.registration()
		}
		g.Handler = r.optValue()
	}
	return out
}

func (r *reader) registration() *Registration {
	g := &Registration{Pkg: r.str(), Pos: r.pos(), End: r.pos(), Framework: r.str(), Handler: r.str()}
	g.Effects = effects.Effects{Kinds: effects.Kind(r.uint()), NonIdempotent: r.str(), MovesMoney: r.bool()}
	g.Visible = r.bool()
	g.BranchMethods = r.strList()
	g.ClaimsDedup, g.Readonly, g.Mutates, g.Harmless = r.bool(), r.bool(), r.bool(), r.bool()
	g.Financial = r.str()
	if r.bool() {
		g.RPC = &SRPC{Streaming: r.bool(), Idem: Idempotency(r.int())}
	}
	if n := r.uint(); n > 0 {
		g.Exemptions = make([]Exemption, n)
	}
	for i := range g.Exemptions {
		x := &g.Exemptions[i]
		x.Pos, x.End = r.pos(), r.pos()
		hasChecks := r.bool()
		x.Checks = r.strList()
		if hasChecks && x.Checks == nil {
			x.Checks = []string{}
		}
		x.ADR, x.Reason = r.str(), r.str()
	}
	if r.bool() {
		p := &effects.Pending{Methods: make([]uint64, r.uint())}
		for i := range p.Methods {
			p.Methods[i] = uint64(r.uint())
		}
		p.Base = effects.Effects{Kinds: effects.Kind(r.uint()), NonIdempotent: r.str(), MovesMoney: r.bool()}
		g.Pending = p
	}
	g.Reported = r.strList()
	g.Middleware = r.str()
	if r.bool() {
		g.Fix = &Fix{Message: r.str()}
		if n := r.uint(); n > 0 {
			g.Fix.Edits = make([]Edit, n)
		}
		for i := range g.Fix.Edits {
			ed := &g.Fix.Edits[i]
			ed.Pos, ed.End, ed.NewText = r.pos(), r.pos(), r.str()
		}
	}
	return g
}
