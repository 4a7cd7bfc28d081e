package dedup

import (
	"iter"

	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/routes"
)

// A Guarded is one setting of a dedup layer and the entry point it guards:
// a route, a watermill consumer or a consumer protected by a dedup claim.
type Guarded struct {
	Setting
	// Route, Method and Layer are set for a route: the route, its
	// method and the layer of its chain holding the setting. All sets
	// Method to the method the route mutates with.
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

// guards returns the settings guarding every route of rts that has a
// chain and the consumers of cs, route by route and then consumer by
// consumer. The middleware is read only when there is something to
// guard.
func guards(newReader func() *Reader, rts []*routes.Route, cs []*consumers.Consumer) []Guarded {
	var r *Reader
	reader := func() *Reader {
		if r == nil {
			r = newReader()
		}
		return r
	}
	var out []Guarded
	for _, rt := range rts {
		if rt == nil || len(rt.Chain) == 0 {
			continue
		}
		for _, g := range reader().Guards(rt) {
			for _, s := range g.Settings {
				out = append(out, Guarded{Setting: s, Route: rt, Method: rt.Method, Layer: g.Layer})
			}
		}
	}
	if len(cs) == 0 {
		return out
	}
	for _, g := range reader().Watermill(cs) {
		for _, c := range g.Consumers {
			for _, s := range g.Settings {
				out = append(out, Guarded{Setting: s, Consumer: c})
			}
		}
	}
	for _, c := range cs {
		if c.Claim == nil {
			continue
		}
		for _, s := range reader().Claim(c.Claim) {
			out = append(out, Guarded{Setting: s, Consumer: c})
		}
	}
	return out
}

// All yields the settings guarding the mutating routes of the package
// (method returns the method a route mutates with, "" when it does not
// mutate; a nil method takes every route, with its own method) and its
// consumers, route by route and then consumer by consumer.
func (r *Result) All(method func(*routes.Route) string) iter.Seq[Guarded] {
	return func(yield func(Guarded) bool) {
		var rt *routes.Route // the route of the last setting, and
		var m string         // the method it mutates with
		for _, g := range r.guards {
			if g.Route != nil && method != nil {
				if g.Route != rt {
					rt, m = g.Route, method(g.Route)
				}
				if m == "" {
					continue
				}
				g.Method = m
			}
			if !yield(g) {
				return
			}
		}
	}
}
