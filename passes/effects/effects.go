package effects

import (
	"encoding/binary"
	"errors"
	"go/ast"
	"go/types"
	"math"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Analyzer infers the side effects of the functions of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "idemeffects",
	Doc:        "infers the side effects of functions across packages; does not report diagnostics",
	Run:        safe.Run("idemeffects", run),
	Requires:   []*analysis.Analyzer{config.Analyzer, directives.Analyzer, syntax.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Fact), new(Unseen)},
}

// Kind is a set of kinds of side effect.
type Kind uint16

// Kinds of side effect.
const (
	SQL       Kind = 1 << iota // SQL or ORM write
	Document                   // document-store write (MongoDB)
	KeyValue                   // key-value write (Redis)
	Publish                    // message publish
	HTTP                       // outbound request with a mutating method
	Payment                    // payment SDK call
	Mail                       // mail send
	Interface                  // call through an interface with a mutating verb
	Declared                   // //idem:mutates
	RPC                        // outbound gRPC call whose name does not read as a read
)

var kindNames = []string{"sql", "doc", "kv", "publish", "http", "payment", "mail", "iface", "mutates", "rpc"}

func (k Kind) String() string {
	var parts []string
	for i, name := range kindNames {
		if k&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, ",")
}

// Effects summarises the side effects of a function.
type Effects struct {
	Kinds Kind // every kind of effect, naturally idempotent or not
	// NonIdempotent describes the first effect that is not naturally
	// idempotent, in source order ("inserts into orders", `publishes to
	// "emails"`); "" when there is none.
	NonIdempotent string
	// MovesMoney reports a payment SDK call or a configured money-moving
	// function (financial.calls).
	MovesMoney bool
}

// None reports whether there is no side effect.
func (e Effects) None() bool { return e.Kinds == 0 && e.NonIdempotent == "" && !e.MovesMoney }

// Idempotent reports whether every effect is naturally idempotent
// (vacuously true without effects).
func (e Effects) Idempotent() bool { return e.NonIdempotent == "" }

// String returns a compact form: effects(KINDS[; money][; FIRST]).
func (e Effects) String() string {
	s := "effects(" + e.Kinds.String()
	if e.MovesMoney {
		s += "; money"
	}
	if e.NonIdempotent != "" {
		s += "; " + e.NonIdempotent
	}
	return s + ")"
}

// union adds o to e, keeping the first non-idempotent description.
func (e Effects) union(o Effects) Effects {
	e.Kinds |= o.Kinds
	e.MovesMoney = e.MovesMoney || o.MovesMoney
	if e.NonIdempotent == "" {
		e.NonIdempotent = o.NonIdempotent
	}
	return e
}

// Fact carries the effects of a function of another package, and
// whether the model cannot see all it does (Opaque; see visible.go). A
// function of a walked package without a fact has no effect and is
// visible.
type Fact struct {
	Effects
	Opaque bool
	// Writes holds the parameters the function writes through, bit 0 the
	// receiver and bit i+1 parameter i: its callers judge the arguments
	// (writes.go).
	Writes uint64
	// ReturnsFresh reports that the first result is memory the function
	// made; ReturnsArg, when not 0, that it is what the function was
	// given: 1 the receiver, i+2 parameter i.
	ReturnsFresh bool
	ReturnsArg   uint8
	// pending, when not nil, reports that the function is opaque only
	// because it calls interface methods of the analysed module
	// (pending.go): Opaque is set, and the package that decides a route
	// may resolve them from their implementations. Unexported, so that
	// gob does not describe its type in every facts file.
	pending *Pending
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// Pending returns what the function is pending on, or nil.
func (f *Fact) Pending() *Pending { return f.pending }

// String returns the effects, followed by "opaque" when the function is.
func (f *Fact) String() string {
	s := f.Effects.String()
	if f.Opaque {
		s += " opaque"
	}
	if f.Writes != 0 {
		var ws []string
		for i := range 64 {
			switch {
			case f.Writes&(1<<i) == 0:
			case i == 0:
				ws = append(ws, "recv")
			default:
				ws = append(ws, strconv.Itoa(i-1))
			}
		}
		s += " writes(" + strings.Join(ws, ",") + ")"
	}
	if f.ReturnsFresh {
		s += " returns fresh"
	}
	switch {
	case f.ReturnsArg == 1:
		s += " returns recv"
	case f.ReturnsArg > 1:
		s += " returns " + strconv.Itoa(int(f.ReturnsArg)-2)
	}
	if f.pending != nil {
		s += " " + f.pending.String()
	}
	return s
}

// GobEncode encodes the fact in a few bytes: the kinds, the flags, the
// argument returned and the parameters written through when there are,
// and the description, without gob's type information.
func (f *Fact) GobEncode() ([]byte, error) {
	out := binary.AppendUvarint(make([]byte, 0, 3+len(f.NonIdempotent)), uint64(f.Kinds))
	var flags byte
	if f.MovesMoney {
		flags |= 1
	}
	if f.Opaque {
		flags |= 2
	}
	if f.Writes != 0 {
		flags |= 4
	}
	if f.ReturnsFresh {
		flags |= 8
	}
	if f.ReturnsArg != 0 {
		flags |= 16
	}
	if f.pending != nil {
		flags |= 32
	}
	out = append(out, flags)
	if f.ReturnsArg != 0 {
		out = append(out, f.ReturnsArg)
	}
	if f.Writes != 0 {
		out = binary.AppendUvarint(out, f.Writes)
	}
	if f.pending != nil {
		out = f.pending.append(out)
	}
	return append(out, f.NonIdempotent...), nil
}

// GobDecode decodes what GobEncode encoded.
func (f *Fact) GobDecode(data []byte) error {
	kinds, n := binary.Uvarint(data)
	if n <= 0 || n >= len(data) || kinds > math.MaxUint16 || data[n] > 63 {
		return errors.New("effects: malformed fact")
	}
	flags := data[n]
	rest := data[n+1:]
	var arg uint8
	if flags&16 != 0 {
		if len(rest) == 0 || rest[0] == 0 {
			return errors.New("effects: malformed fact")
		}
		arg, rest = rest[0], rest[1:]
	}
	var writes uint64
	if flags&4 != 0 {
		w, m := binary.Uvarint(rest)
		if m <= 0 || w == 0 {
			return errors.New("effects: malformed fact")
		}
		writes, rest = w, rest[m:]
	}
	var pending *Pending
	if flags&32 != 0 {
		var err error
		if pending, rest, err = decodePending(rest); err != nil {
			return err
		}
	}
	*f = Fact{
		Effects:      Effects{Kinds: Kind(kinds), NonIdempotent: string(rest), MovesMoney: flags&1 != 0},
		Opaque:       flags&2 != 0,
		Writes:       writes,
		ReturnsFresh: flags&8 != 0,
		ReturnsArg:   arg,
		pending:      pending,
	}
	return nil
}

// Result holds the effects of the functions of one package, and of the
// functions of its dependencies known through facts.
type Result struct {
	funcs  map[*types.Func]Effects
	lits   map[*ast.FuncLit]Effects
	bodies map[*ast.FuncDecl]*Body
	pass   *analysis.Pass
	in     *inferrer // nil when the package is neither relevant nor walked
	// relevant reports that the package can have effects; seenFuncs and
	// seenBodies hold its visible functions and bodies (of functions and
	// literals) when it is walked.
	relevant   bool
	seenFuncs  map[*types.Func]bool
	seenBodies map[*ast.BlockStmt]bool
	// pending and pendingBodies hold the functions and bodies opaque only
	// through interface methods of the module (pending.go); res resolves
	// those methods.
	pending       map[*types.Func]*Pending
	pendingBodies map[*ast.BlockStmt]*Pending
	res           resolver
}

// Of returns the effects of fn: a function or method of the package, or
// of a dependency through its fact. Instantiations map to their origin.
func (r *Result) Of(fn *types.Func) Effects {
	if r == nil || fn == nil {
		return Effects{}
	}
	fn = fn.Origin()
	if e, ok := r.funcs[fn]; ok {
		return e
	}
	if fn.Pkg() != nil && r.pass != nil && fn.Pkg() != r.pass.Pkg {
		var f Fact
		if r.pass.ImportObjectFact(fn, &f) {
			return f.Effects
		}
	}
	return Effects{}
}

// Analysed reports whether the package could have effects and was
// analysed; when it is false, no call of the package has effects.
func (r *Result) Analysed() bool { return r != nil && r.relevant && r.in != nil }

// Visible reports whether the model sees everything fn does when called
// from outside (see visible.go): fn is a visible function of the package,
// or of another walked package. A method of a function type (an adapter
// such as http.HandlerFunc's ServeHTTP) calls its receiver, which only the
// caller knows: it is not visible. Visible is false in a package the pass
// does not walk.
func (r *Result) Visible(fn *types.Func) bool {
	if r == nil || fn == nil || r.in == nil || !r.in.walked {
		return false
	}
	fn = fn.Origin()
	if recv := recvType(fn); recv != nil {
		if _, adapter := recv.Underlying().(*types.Signature); adapter || types.IsInterface(recv) {
			return false
		}
	}
	if fn.Pkg() == r.pass.Pkg {
		return r.seenFuncs[fn]
	}
	if fn.Pkg() == nil || r.in.kindOf(fn.Pkg()) != pkgWalked || !r.in.seenFunc(fn) {
		return false
	}
	var f Fact
	return !r.pass.ImportObjectFact(fn, &f) || f.Writes&^requestBits(fn) == 0
}

// VisibleBody reports whether the model sees everything the body of a
// function or literal of the package does.
func (r *Result) VisibleBody(body *ast.BlockStmt) bool {
	return r != nil && r.seenBodies[body]
}

// PendingBody returns what the body of a function or literal of the
// package is pending on (see [Result.Pending]), or nil.
func (r *Result) PendingBody(body *ast.BlockStmt) *Pending {
	if r == nil {
		return nil
	}
	return r.pendingBodies[body]
}

// OfLit returns the effects of a function literal of the package.
func (r *Result) OfLit(lit *ast.FuncLit) Effects {
	if r == nil || lit == nil {
		return Effects{}
	}
	return r.lits[lit]
}

// OfCall returns the effects of executing call: the effect of the API it
// calls, if any, and the effects of the called function. Arguments are not
// included. call must belong to the package.
func (r *Result) OfCall(call *ast.CallExpr) Effects {
	if r == nil || r.in == nil || call == nil {
		return Effects{}
	}
	return r.in.callEffects(call)
}

// OfNode returns the effects of the code in node (a statement, an
// expression, a body), in source order, including the function literals it
// contains. node must belong to the package.
func (r *Result) OfNode(node ast.Node) Effects {
	if r == nil || r.in == nil || node == nil {
		return Effects{}
	}
	return r.in.nodeEffects(node)
}

// A Body summarises what the body of a declared function holds, function
// literals included, as the walk that infers effects saw it: other passes
// skip bodies that hold nothing they look for instead of walking them
// again.
type Body struct {
	Loops bool             // a for or range statement
	Calls []*types.Package // the other packages whose functions it calls, each once
}

// CallsInto reports whether the body calls a function of a package for which
// match is true.
func (b *Body) CallsInto(match func(path string) bool) bool {
	for _, p := range b.Calls {
		if match(p.Path()) {
			return true
		}
	}
	return false
}

// Body returns the summary of the body of fd, a function of the package,
// or nil when the package was not analysed.
func (r *Result) Body(fd *ast.FuncDecl) *Body {
	if r == nil {
		return nil
	}
	return r.bodies[fd]
}
