package routes

import (
	"go/ast"
	"go/types"
)

// Middleware a field holds: an application's router type keeps the
// middleware its constructor is given in a field,
//
//	func NewApp(log Logger, mw ...MidFunc) *App { return &App{mux: ..., mw: mw} }
//
// and its registration method wraps each handler in it. The package that
// declares the type seldom stores anything there itself: the constructor
// is called in main. So a handler wrapped in what such a field holds,
// when the package stored nothing there, is wrapped in one layer that
// stands for the field's middleware (Middleware.held), carried through
// summaries as a reference to the field (SMW.Held), and looked up in the
// package that decides the route, where the constructor's summary stored
// the caller's middleware in the field. A field nothing was stored in
// there, or different lists were, is middleware of unknown identity.

// heldList returns the one layer standing for the middleware s holds,
// when s is a field or variable of a middleware type or a list of them
// and the package stored none there; else nil.
func (e *evaluator) heldList(s *slot, x ast.Expr) mwList {
	if s.mws != nil || s.obj == nil {
		return nil
	}
	t := s.obj.Type()
	if sl, ok := t.Underlying().(*types.Slice); ok {
		t = sl.Elem()
	}
	if !isMiddlewareType(t) && !webMiddlewareType(t) || isInterceptorType(t) {
		return nil
	}
	return mwList{{Name: exprName(x), Pos: x.Pos(), held: s}}
}

// expandHeld replaces in chain each layer standing for the middleware a
// field holds with that middleware, or with middleware of unknown
// identity when it is not known.
func expandHeld(chain []Middleware) []Middleware {
	return expand(chain, false)
}

// expandKnownHeld is expandHeld for a summary: a layer whose field holds
// nothing known yet is kept, for the importer to look up.
func expandKnownHeld(chain []Middleware) []Middleware {
	return expand(chain, true)
}

func expand(chain []Middleware, keep bool) []Middleware {
	held := false
	for _, m := range chain {
		held = held || m.held != nil
	}
	if !held {
		return chain
	}
	out := make([]Middleware, 0, len(chain))
	for _, m := range chain {
		s := m.held
		switch {
		case s == nil:
			out = append(out, m)
		case s.mws == nil && keep:
			out = append(out, m)
		case s.mws == nil || s.mixed:
			m.held, m.Unknown = nil, true
			out = append(out, m)
		default:
			for _, in := range s.mws {
				if in.held != nil {
					in.held, in.Unknown = nil, true
				}
				if in.Scope == 0 {
					in.Scope = m.Scope
				}
				out = append(out, in)
			}
		}
	}
	return out
}
