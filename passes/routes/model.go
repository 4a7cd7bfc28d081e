package routes

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A Route is one route registration as served through one path of routers.
// A registration reached through several mounts or servers yields one
// Route per path.
type Route struct {
	Framework string        // "net/http", "chi", ...
	Method    string        // upper-case method, or "" when the route accepts any method
	Path      string        // full path pattern; "" when not constant
	Call      *ast.CallExpr // the registration call
	Handler   ast.Expr      // the handler expression as written
	Func      *types.Func   // the handler function or method, when static
	Body      *ast.BlockStmt
	// Chain is the middleware applied to the route, outermost first. It is
	// complete only when Served is true.
	Chain []Middleware
	// Served reports whether the router was followed up to the place it is
	// served, so Chain is complete.
	Served bool
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
}

// Pos returns the position of the registration.
func (r *Route) Pos() token.Pos { return r.Call.Pos() }

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

	only *rpcFilter // RPC interceptors: the procedures it runs for

	order  order  // when it was attached, for routers where that matters (see attach)
	prefix string // the path prefix it is limited to, relative to its router; "" for all
}

// Result is the route model of a package.
type Result struct {
	Routes []*Route
	// Unrecognised lists calls that look like route registrations on a
	// router the model does not know; see unrecognised.go.
	Unrecognised []Unrecognised
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
