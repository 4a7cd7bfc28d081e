// Package idemoverkill defines an Analyzer that reports idempotency
// middleware where it does harm: on a read-only route, or twice on one
// path.
//
// # Analyzer idemoverkill
//
// idemoverkill: report idempotency middleware on read-only routes and double dedup layers
//
// Reads (GET, HEAD, OPTIONS, and RPCs whose name reads as a read or that
// declare NO_SIDE_EFFECTS) are safe to repeat: deduplicating them only adds
// a store round trip per request and turns legitimate repeats into
// conflicts. The check reports a read route when the platform middleware
// was attached to it specifically: around its handler, in its route
// options or With, in a gRPC selector that names it, or on a group,
// sub-router, mount or connect service whose every route is a read (and
// that is not handed to code the analysis cannot see).
// Middleware on the whole router or server that merely also covers reads
// is not reported: the platform middleware is expected to skip safe
// methods.
//
// It also reports a route that passes through two dedup layers: the
// platform middleware twice in its chain, or the platform middleware and
// a handler that itself calls a dedup claim (//idem:dedup). The inner
// layer finds the key the outer one has just claimed and rejects every
// request as a duplicate.
//
// Findings are reported at the route registration (for an RPC, at its
// RegisterXxxServer or NewXxxHandler call, one finding per procedure).
//
// Bad:
//
//	r.With(idem.Middleware).Get("/v1/charges/{id}", getCharge)
//	r.Route("/v1/reports", func(r chi.Router) {
//		r.Use(idem.Middleware) // every route below is a GET
//		r.Get("/daily", daily)
//	})
//	r.Use(idem.Middleware)
//	r.With(idem.Middleware).Post("/v1/charges", createCharge) // twice
//
// Good:
//
//	r.Use(idem.Middleware) // router-wide: skips safe methods itself
//	r.Get("/v1/charges/{id}", getCharge)
//	r.Post("/v1/charges", createCharge)
//
// Exempt with an ADR:
//
//	//idem:exempt(overkill) ADR-0051 the report endpoint is expensive; repeats are served from the store
//	r.With(idem.Middleware).Get("/v1/reports/daily", daily)
package idemoverkill
