// Package idemhandler defines an Analyzer that reports mutating HTTP routes
// served without the platform idempotency middleware.
//
// # Analyzer idemhandler
//
// idemhandler: report mutating HTTP routes served without idempotency middleware
//
// Clients time out and retry, load balancers and meshes re-send, people
// double-tap: every POST or PATCH route must pass through the platform
// idempotency middleware, or a duplicate request repeats its effects.
// PUT and DELETE are naturally idempotent and are reported only when
// configuration removes them from naturally-idempotent-methods. A route for
// any method is mutating when its handler branches on a mutating method.
//
// The check follows routers through variables, struct fields, helper
// functions of the same package, sub-routers, mounts and wrapping, up to
// the place the router is served. A route whose router is not served in the
// package, or whose chain holds middleware it cannot identify, is not
// reported. A handler that itself claims a dedup key (a //idem:dedup call)
// is protected.
//
// Bad:
//
//	r := chi.NewRouter()
//	r.Post("/v1/charges", createCharge)
//
// Good:
//
//	r.With(idem.Middleware).Post("/v1/charges", createCharge)
//
// Exempt with an ADR:
//
//	//idem:exempt ADR-0042 the provider dedups webhook deliveries by event id
//	r.Post("/v1/webhooks", receiveWebhook)
//
// When exactly one platform middleware of the form
// func(http.Handler) http.Handler is known and its package is imported, a
// suggested fix wraps the route in it.
package idemhandler
