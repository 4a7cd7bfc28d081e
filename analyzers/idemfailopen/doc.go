// Package idemfailopen defines an Analyzer that reports idempotency
// middleware configured to fail open where a duplicate is not harmless.
//
// # Analyzer idemfailopen
//
// idemfailopen: report fail-open dedup stores on financial routes and on routes not marked harmless
//
// Fail-open idempotency middleware lets requests through when its dedup
// store is down, so during an outage every retry runs again. Financial and
// fulfilment routes (a financial path, //idem:financial, or a handler that
// calls a money-moving API) must fail closed: a fail-open option on one is
// always reported, and only an ADR exemption silences it. Any other
// mutating route may fail open only when //idem:harmless REASON covers its
// registration, its handler, the fail-open option or the line attaching
// the middleware (a router's Use: then every route of the router).
//
// Fail-open is an option function marked //idem:failopen (or listed in
// fail-open), or a bool field so marked set to true in a struct literal or
// by assignment, passed to platform middleware directly or through a
// variable, slice or helper function of the package. A fail-open option of
// router-wide middleware is reported once per route it covers, at the
// option, where an exemption applies to all of them.
//
// Bad:
//
//	r.With(idem.New(store, idem.FailOpen())).Post("/v1/refunds", refund)
//
// Good:
//
//	r.With(idem.New(store)).Post("/v1/refunds", refund)
//
//	//idem:harmless a duplicate page view only skews analytics
//	r.With(idem.New(store, idem.FailOpen())).Post("/v1/events", track)
//
// Exempt with an ADR:
//
//	//idem:exempt(failopen) ADR-0042 refunds are reconciled against the ledger hourly
//	r.With(idem.New(store, idem.FailOpen())).Post("/v1/refunds", refund)
package idemfailopen
