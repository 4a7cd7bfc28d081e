package routes

import (
	"fmt"
	"strings"

	"github.com/idemlint/idemlint/internal/xpos"
	"github.com/idemlint/idemlint/passes/effects"
)

// A Summary is what a function, method, package-level variable or field
// does to the route model, as seen by the packages that import it: the
// routers it creates or changes, what it returns (or holds), what it
// serves, and what it stores in fields and variables. An importer applies
// a function's summary at each call as if the body were inlined there
// (see replay.go), so routes registered in one package are decided in the
// package that serves their router. Summaries are exported as facts by
// the package that declares the object (see export.go).
type Summary struct {
	Routers []SRouter // routers the summary refers to
	Result  *SValue   // what the function returns, or the variable or field holds
	Serves  []SValue  // what the function serves
	Stores  []SStore  // what it stores in fields and variables of any package
	// DedupStores are the parameters the function hands to platform
	// middleware as its arguments: an in-process store the caller passes
	// there is one the middleware dedups with.
	DedupStores []SStoreParam
}

// A SStoreParam is a parameter handed to platform middleware.
type SStoreParam struct {
	Param int
	Via   string // the middleware, as written
}

// A SummaryFact is the fact that carries a Summary. Its one field is
// unexported, and it encodes itself (encode.go): gob would otherwise write
// the description of every type a Summary is made of into every facts
// file, even for a summary that encodes itself.
type SummaryFact struct{ s *Summary }

// AFact marks SummaryFact as an analysis fact.
func (*SummaryFact) AFact() {}

// NewSummaryFact returns the fact carrying s.
func NewSummaryFact(s *Summary) *SummaryFact { return &SummaryFact{s} }

// Summary returns the summary the fact carries.
func (f *SummaryFact) Summary() *Summary { return f.s }

func (f *SummaryFact) String() string { return f.s.String() }

// A SRouter is one router of a summary: one the function creates, or one
// it receives (a parameter, its receiver, a field or variable), with what
// the function adds to it, in order.
type SRouter struct {
	Framework string
	Ref       SRef
	MWs       []SMW
	Regs      []SReg
	Mounts    []SMount
}

// A SRef says what a router of a summary is to the caller.
type SRef struct {
	Kind  RefKind
	Param int    // RefParam: the parameter's index; -1 for the receiver
	Pkg   string // RefObject: the package of the field or variable
	Path  string // RefObject: its object path in that package
}

// RefKind is the kind of a SRef.
type RefKind uint8

// Kinds of SRef.
const (
	RefNew    RefKind = iota // created by the function: a new router at each call
	RefParam                 // a parameter or the receiver
	RefObject                // a field or package-level variable
)

// A SValue is a value a function returns, serves or stores.
type SValue struct {
	Kind   ValueKind
	Router int      // ValueRouter, ValueGroup: the router; ValueHandler: its target, or -1
	MWs    []SMW    // ValueMWs: the list; ValueHandler: the wrapping, outermost first
	Prefix string   // ValueGroup: the group's prefix; ValueHandler: http.StripPrefix's
	Procs  []SReg   // ValueHandler: the procedures of a connect service handler
	Elems  []SValue // ValueTuple: the results
}

// ValueKind is the kind of a SValue.
type ValueKind uint8

// Kinds of SValue.
const (
	ValueNone    ValueKind = iota // nothing the model follows
	ValueRouter                   // a router
	ValueHandler                  // a handler: a target wrapped in middleware
	ValueMWs                      // a list of middleware
	ValueGroup                    // a fiber group: a prefix in an app's stack
	ValueTuple                    // the results of a multi-valued function
)

// A SStore is a value a function stores in a field or package-level
// variable.
type SStore struct {
	Pkg, Path string // the field or variable
	Value     SValue
}

// A SMW is one layer of middleware.
type SMW struct {
	Name     string
	Pos      xpos.Pos
	Platform bool
	Unknown  bool
	Scope    Scope
	Order    int    // see SOrder
	Prefix   string // the path prefix it is limited to
	RPC      *SRPCFilter
	Param    int // a placeholder for the caller's middleware: parameter Param-1
	// Held is the field or variable (RefObject) whose middleware the
	// layer stands for, looked up where the route is decided.
	Held *SRef
}

// A SRPCFilter limits an RPC interceptor to some procedures.
type SRPCFilter struct {
	Kind   int
	All    bool     // every procedure of Kind
	Names  []string // the procedures, or with Except the others
	Except bool
	Idem   Idempotency
}

// Orders in summaries: a positive Order counts up through the function's
// evaluation; OrderInit is the initialisation of package-level variables,
// before any function runs; OrderUnknown cannot be compared with any
// other. Zero is no order.
const (
	OrderInit    = -1
	OrderUnknown = -2
)

// A SReg is one route registration, with what the registering package
// knows of it.
type SReg struct {
	Method string
	Path   string
	MWs    []SMW // the route's own middleware, outermost first
	Order  int
	Reg    *Registration
	// Handler is set when the handler is the caller's (a parameter): the
	// function forwards it to the router, and the route is registered
	// where the function is called.
	Handler *SValue
}

// A SMount attaches a handler (a router, usually) below a router.
type SMount struct {
	Prefix string
	Method string
	MWs    []SMW
	Target SValue
	Order  int
}

// A Registration is what the package that registers a route knows of it
// and its handler: everything but the middleware its importers add. It
// travels with the route through summaries to the package that decides
// it.
type Registration struct {
	Pkg       string   // the registering package's path
	Pos, End  xpos.Pos // the registration call
	Framework string
	Handler   string // the handler as written
	// The handler, as in Route.
	Effects effects.Effects
	Visible bool // every call of the handler is known to the effects model
	// Pending, when the handler is not visible, is what it is pending on:
	// the interface methods of the module whose implementations the
	// package that decides the route may resolve.
	Pending       *effects.Pending
	BranchMethods []string
	ClaimsDedup   bool
	Readonly      bool
	Mutates       bool
	Harmless      bool   // //idem:harmless covers the registration or the handler
	Financial     string // the reason, when the handler or registration makes it financial
	RPC           *SRPC
	// Exemptions are the valid exemptions that cover the registration.
	Exemptions []Exemption
	// Reported lists the findings a package that registered or served
	// the route made already (see ReportKey): an importer serving it again
	// does not repeat them.
	Reported []string
	// Middleware is how findings name the platform middleware to wrap the
	// handler in, and Fix is the edit that does it, when one is safe.
	Middleware string
	Fix        *Fix
}

// A SRPC describes an RPC procedure.
type SRPC struct {
	Streaming bool
	Idem      Idempotency
}

// An Exemption is an //idem:exempt directive that covers a registration.
type Exemption struct {
	Pos, End xpos.Pos
	Checks   []string // nil: every check
	ADR      string
	Reason   string
}

// A Fix is a suggested fix made where the handler is visible.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces the text between Pos and End.
type Edit struct {
	Pos, End xpos.Pos
	NewText  string
}

// opaqueResult reports whether the summary says nothing of what the
// function returns, or only that it is a handler.
func (s *Summary) opaqueResult() bool {
	r := s.Result
	return r == nil || r.Kind == ValueNone || (r.Kind == ValueHandler && r.Router < 0 && len(r.MWs) == 0 && len(r.Procs) == 0)
}

func (s *Summary) String() string {
	var b strings.Builder
	b.WriteString("summary(")
	sep := ""
	if s.Result != nil && s.Result.Kind != ValueNone {
		fmt.Fprintf(&b, "returns %s", s.value(*s.Result))
		sep = "; "
	}
	for i, r := range s.Routers {
		if r.Ref.Kind == RefNew && len(r.MWs)+len(r.Regs)+len(r.Mounts) == 0 {
			continue
		}
		var parts []string
		for _, m := range r.MWs {
			parts = append(parts, "use "+m.String())
		}
		for _, g := range r.Regs {
			parts = append(parts, strings.TrimSpace(g.Method+" "+g.Path)+mwsString(g.MWs))
		}
		for _, m := range r.Mounts {
			parts = append(parts, "mount "+m.Prefix+" "+s.value(m.Target)+mwsString(m.MWs))
		}
		if len(parts) > 0 {
			fmt.Fprintf(&b, "%s%s: %s", sep, s.ref(i), strings.Join(parts, ", "))
			sep = "; "
		}
	}
	for _, v := range s.Serves {
		fmt.Fprintf(&b, "%sserves %s", sep, s.value(v))
		sep = "; "
	}
	for _, st := range s.Stores {
		fmt.Fprintf(&b, "%s%s = %s", sep, st.Path, s.value(st.Value))
		sep = "; "
	}
	for _, d := range s.DedupStores {
		fmt.Fprintf(&b, "%sparam%d to %s", sep, d.Param, d.Via)
		sep = "; "
	}
	b.WriteString(")")
	return b.String()
}

func (s *Summary) ref(i int) string {
	r := s.Routers[i]
	switch r.Ref.Kind {
	case RefParam:
		if r.Ref.Param < 0 {
			return "recv"
		}
		return fmt.Sprintf("param%d", r.Ref.Param)
	case RefObject:
		return r.Ref.Path
	}
	return fmt.Sprintf("new %s#%d", r.Framework, i)
}

func (s *Summary) value(v SValue) string {
	switch v.Kind {
	case ValueRouter:
		return s.ref(v.Router)
	case ValueGroup:
		return s.ref(v.Router) + " group " + v.Prefix
	case ValueMWs:
		return "middleware" + mwsString(v.MWs)
	case ValueHandler:
		t := "handler"
		if v.Router >= 0 {
			t = s.ref(v.Router)
		}
		if len(v.Procs) > 0 {
			t = fmt.Sprintf("service of %d procedures", len(v.Procs))
		}
		return t + mwsString(v.MWs)
	case ValueTuple:
		var parts []string
		for _, e := range v.Elems {
			parts = append(parts, s.value(e))
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	return "nothing"
}

func (m SMW) String() string {
	s := m.Name
	switch {
	case m.Platform:
		s += "*"
	case m.Unknown:
		s += "?"
	case m.Held != nil:
		s += "(held)"
	}
	return s
}

func mwsString(mws []SMW) string {
	if len(mws) == 0 {
		return ""
	}
	var parts []string
	for _, m := range mws {
		parts = append(parts, m.String())
	}
	return " [" + strings.Join(parts, " ") + "]"
}
