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
	// BranchMethods lists the methods a method-less route's handler
	// branches on (r.Method == "POST", switch r.Method { case ... }).
	BranchMethods []string
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
	Name     string       // as written, e.g. "idem.Middleware" or "middleware.Logger"
	Obj      types.Object // the function, when static
	Pos      token.Pos    // where it is attached
	Platform bool         // platform idempotency middleware
	Unknown  bool         // identity unknown
}

// Result is the route model of a package.
type Result struct {
	Routes []*Route
}
