// Package routes defines an analysis pass that builds a router-neutral
// model of the HTTP routes of a package: each route's method, full path,
// handler and ordered middleware chain. It does not report diagnostics.
//
// The pass evaluates the package's functions abstractly: it follows
// routers, handlers and middleware through local variables, package-level
// variables, struct fields, helper functions of the same package (with the
// router they are called with), sub-routers, mounts and wrapping, up to
// the place the router is served (http.ListenAndServe, http.Server and the
// like). A route's chain is complete only when its router is served in the
// package; other routes are kept, marked as not served, for the importers
// that serve their router (below), for the inventory, and for the
// unserved-routes: report setting, which judges them where they are
// registered.
//
// Routers cross packages through summaries (summary.go): the package that
// declares a function, field or variable exports, as a fact, what it does
// to routers, handlers and middleware (export.go), and an importer applies
// it where the function is called as if its body were inlined (replay.go).
// So a route registered in one package is decided in the package that
// serves its router, with the chain of every package on the way; it
// carries what its own package knew of it (Route.Home), and its position,
// which may be in another package's file (Route.Pos).
//
// Framework knowledge lives in one file per router (nethttp.go, chi.go,
// gorilla.go, httprouter.go, alice.go, routegroup.go, promroute.go, gin.go,
// echo.go, fiber.go, grpc.go, connect.go): a table from the framework's
// functions to their effect on the model. A package that imports no
// supported router, nor a package with summaries, is not evaluated; only
// the scan for registrations on routers the model does not know
// (unrecognised.go, [Result.Unrecognised], for the inventory) runs there.
//
// Each procedure of a gRPC or connect service is a route too (Route.RPC):
// grpc.go and connect.go recognise the registration functions that
// protoc-gen-go-grpc and protoc-gen-connect-go generate by their shape,
// and model interceptors as middleware. The idemprocedures analyzer
// carries the idempotency levels declared in generated connect code to
// importers as facts.
package routes
