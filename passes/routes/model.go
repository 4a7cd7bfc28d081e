package routes

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"go/token"
	"go/types"

	"github.com/idemlint/idemlint/internal/xpos"

	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
)

// A Route is one route registration as served through one path of routers.
// A registration reached through several mounts or servers yields one
// Route per path.
type Route struct {
	Framework string // "net/http", "chi", ...
	Method    string // upper-case method, or "" when the route accepts any method
	Path      string // full path pattern; "" when not constant
	// Pos and End delimit the registration call. It is in another
	// package's file when Home is set.
	Pos, End token.Pos
	// Call, Handler, Func and Body are the registration call, the handler
	// expression as written, the handler function or method when static,
	// and the handler's body, when they are in this package.
	Call    *ast.CallExpr
	Handler ast.Expr
	Func    *types.Func
	Body    *ast.BlockStmt
	// Home is what the package that registered the route knew of it,
	// when that is another package: the route's router is served here.
	Home *Registration
	// Chain is the middleware applied to the route, outermost first. It is
	// complete only when Served is true.
	Chain []Middleware
	// Served reports whether the router was followed up to the place it is
	// served, so Chain is complete; ServedAt is that place.
	Served   bool
	ServedAt token.Pos
	// DynamicMethod reports that the route's method is not a constant:
	// whether it mutates cannot be told, and Method is "".
	DynamicMethod bool
	// Exported reports that the route's router is one that importers can
	// reach (a parameter, a result, a field or variable), so that a
	// package importing this one may decide it where it serves the router.
	Exported bool
	// The route's handler, as the registering package sees it: its side
	// effects, whether every call it makes is known (Visible), whether it
	// claims a dedup key itself, and the //idem:readonly and
	// //idem:mutates directives on it.
	// Pending is what a handler that is not visible is pending on (see
	// effects.Pending), until the package that decides the route resolves
	// it; Resolved reports that it did, making the handler visible.
	Effects     effects.Effects
	Visible     bool
	Pending     *effects.Pending
	Resolved    bool
	ClaimsDedup bool
	Readonly    bool
	Mutates     bool
	// RPC marks a gRPC or connect procedure: Path is its full name
	// "/pkg.Service/Method" and Method is "RPC". Streaming marks one with
	// a streaming request or response; Idempotency is the level it
	// declares (connect.WithIdempotency).
	RPC         bool
	Streaming   bool
	Idempotency Idempotency
	// BranchMethods lists the methods a method-less route's handler
	// branches on (r.Method == "POST", switch r.Method { case ... }).
	BranchMethods []string
	// Financial says why the route is financial (it moves money or
	// fulfils orders), or is "" when it is not; see financial.go.
	Financial string

	reg        *reg
	exemptions []*directives.Directive
}

// Exemptions returns the valid exemptions of the package that registered
// a route registered in another package, that cover its registration:
// they apply wherever the route is decided.
func (r *Route) Exemptions() []*directives.Directive { return r.exemptions }

// Protected returns the platform middleware protecting the route, or nil.
func (r *Route) Protected() *Middleware {
	for i := range r.Chain {
		if r.Chain[i].Platform {
			return &r.Chain[i]
		}
	}
	return nil
}

// Unknown reports whether the chain holds middleware whose identity the
// analysis could not establish (a parameter, a value from a loop).
func (r *Route) Unknown() bool {
	for _, m := range r.Chain {
		if m.Unknown {
			return true
		}
	}
	return false
}

// A Middleware is one layer of a route's chain.
type Middleware struct {
	Name     string        // as written, e.g. "idem.Middleware" or "middleware.Logger"
	Obj      types.Object  // the function, when static
	Pos      token.Pos     // where it is attached
	Call     *ast.CallExpr // the call that built or applied it, e.g. idem.New(store, opts...); nil for a function value
	Platform bool          // platform idempotency middleware
	Unknown  bool          // identity unknown
	Scope    Scope         // where it is attached, see Scope
	// Foreign marks middleware attached or built in another package,
	// known through a summary: its options were judged there.
	Foreign bool

	param int        // a placeholder for the caller's middleware: parameter param-1
	held  *slot      // the middleware a field or variable holds, looked up where the route is decided (held.go)
	seed  bool       // from the summary of a slot of another package: not exported again
	only  *rpcFilter // RPC interceptors: the procedures it runs for

	order  order  // when it was attached, for routers where that matters (see attach)
	prefix string // the path prefix it is limited to, relative to its router; "" for all
}

// Result is the route model of a package.
type Result struct {
	Routes []*Route
	// Unrecognised lists calls that look like route registrations on a
	// router the model does not know; see unrecognised.go.
	Unrecognised []Unrecognised

	// DedupArgs are the arguments the package gives to functions of
	// other packages that hand them to platform middleware: an in-process
	// store among them is one the middleware dedups with.
	DedupArgs []DedupArg

	fixer     *fixer
	positions *xpos.Resolver
}

// A DedupArg is an argument handed to platform middleware through a
// function of another package.
type DedupArg struct {
	Expr ast.Expr
	Via  string // the platform middleware, as the function's package wrote it
}

func (r *Result) resolver(pass *analysis.Pass) *xpos.Resolver {
	if r.positions == nil {
		r.positions = xpos.NewResolver(pass.Fset)
	}
	return r.positions
}

// Scope is where a middleware is attached, from the narrowest.
type Scope int

const (
	ScopeRoute  Scope = iota + 1 // around one route: handler wrapping, route options, With, a selector naming methods
	ScopeGroup                   // a sub-router, group or mount, or one RPC service's options
	ScopeRouter                  // the router served (Use on the root router)
	ScopeServer                  // wrapping the whole served handler, or a gRPC server's interceptors
)

// Idempotency is an RPC's declared idempotency level.
type Idempotency int

const (
	IdempotencyUnknown       Idempotency = iota // not declared
	IdempotencyNoSideEffects                    // NO_SIDE_EFFECTS: a read
	IdempotencyIdempotent                       // IDEMPOTENT: naturally idempotent
)
