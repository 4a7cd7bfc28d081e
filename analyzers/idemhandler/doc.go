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
// any method is mutating when its handler branches on a mutating method,
// or when it has a side effect that is not naturally idempotent (an
// insert, a publish, a payment: reported as ANY /path).
//
// Evidence can only lower a route: when the analysis sees everything a
// POST or PATCH handler does (every call, across packages, known to the
// effects model; nothing through an interface or function value it cannot
// resolve, nor a write to memory that outlives the request) and that is
// reads and naturally idempotent writes only, the route is not mutating.
// A webhook receiver that verifies a signature and logs, a search sent as
// POST, an UPDATE ... SET by id are not reported; a handler that calls
// through an interface stays mutating by its method.
//
// The check follows routers through variables, struct fields, helper
// functions, sub-routers, mounts and wrapping, across packages, up to the
// place the router is served: a route is decided in the package that
// serves its router and reported at its registration. A route whose router
// no analysed package serves (unless unserved-routes: report), or whose
// chain holds middleware it cannot identify, is not reported. A handler
// that itself claims a dedup key (a //idem:dedup call) is protected.
//
// gRPC and connect services count too: each mutating unary procedure of
// a service registered with RegisterXxxServer (gRPC) or NewXxxHandler
// (connect) is reported once, at that call, unless a platform interceptor
// (a //idem:middleware function returning a grpc.UnaryServerInterceptor or
// connect.Interceptor), platform HTTP middleware around a connect handler,
// or a dedup claim in the implementing method covers it. A procedure is
// mutating unless its name reads as a read (Get, List, Search, Watch, ...),
// it declares NO_SIDE_EFFECTS or IDEMPOTENT (connect.WithIdempotency), or
// the analysis sees its implementing method whole doing only reads and
// naturally idempotent writes, as for an HTTP handler.
//
// Bad:
//
//	r := chi.NewRouter()
//	r.Post("/v1/charges", createCharge)
//
//	s := grpc.NewServer(grpc.UnaryInterceptor(logging))
//	paymentsv1.RegisterPaymentsServer(s, srv) // rpc /payments.v1.Payments/CreateCharge
//
// Good:
//
//	r.With(idem.Middleware).Post("/v1/charges", createCharge)
//
//	s := grpc.NewServer(grpc.ChainUnaryInterceptor(logging, idemrpc.UnaryInterceptor(store)))
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
