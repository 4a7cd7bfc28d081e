package dedupcfg

import (
	"iter"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/routes"
)

// A Guarded is one setting of a dedup layer and the entry point it guards:
// a mutating route, a watermill consumer or a consumer protected by a
// dedup claim.
type Guarded struct {
	Setting
	// Route, Method and Layer are set for a route: the route, its
	// mutating method and the layer of its chain holding the setting.
	Route  *routes.Route
	Method string
	Layer  *routes.Middleware
	// Consumer is set for a consumer.
	Consumer *consumers.Consumer
}

// Name names the entry point for messages: "POST /v1/charges", or the
// consumer's name.
func (g Guarded) Name() string {
	if g.Route != nil {
		return RouteName(g.Method, g.Route)
	}
	return g.Consumer.Name()
}

// All yields the settings guarding the mutating routes of rts (method
// returns the method a route mutates with, "" when it does not mutate; a
// nil method takes every route) and the consumers of cs, route by route and
// then consumer by consumer. The middleware is read only when there is
// something to guard.
func All(pass *analysis.Pass, dirs *directives.Result, rts []*routes.Route, method func(*routes.Route) string, cs []*consumers.Consumer) iter.Seq[Guarded] {
	return func(yield func(Guarded) bool) {
		var r *Reader
		reader := func() *Reader {
			if r == nil {
				r = NewReader(pass, dirs)
			}
			return r
		}
		for _, rt := range rts {
			if rt == nil || len(rt.Chain) == 0 {
				continue
			}
			m := rt.Method
			if method != nil {
				if m = method(rt); m == "" {
					continue
				}
			}
			for _, g := range reader().Guards(rt) {
				for _, s := range g.Settings {
					if !yield(Guarded{Setting: s, Route: rt, Method: m, Layer: g.Layer}) {
						return
					}
				}
			}
		}
		if len(cs) == 0 {
			return
		}
		for _, g := range reader().Watermill(cs) {
			for _, c := range g.Consumers {
				for _, s := range g.Settings {
					if !yield(Guarded{Setting: s, Consumer: c}) {
						return
					}
				}
			}
		}
		for _, c := range cs {
			if c.Claim == nil {
				continue
			}
			for _, s := range reader().Claim(c.Claim) {
				if !yield(Guarded{Setting: s, Consumer: c}) {
					return
				}
			}
		}
	}
}
