// Package idemttl defines an Analyzer that reports dedup windows shorter
// than the configured minimum.
//
// # Analyzer idemttl
//
// idemttl: report dedup windows shorter than min-ttl, or min-ttl-financial on financial routes
//
// A dedup store forgets a key when its window ends; a retry that arrives
// later runs again. Clients, queues and people retry for hours, payments
// for days, so the window must be at least min-ttl (default 24h), and on a
// financial route at least the larger of min-ttl and min-ttl-financial
// (default 72h).
//
// The window is the duration argument of an option function marked
// //idem:ttl (or listed in ttl), or a duration field so marked, passed to
// platform middleware directly or through a variable, slice or helper
// function of the package. gofiber's idempotency.New Lifetime (default 30
// minutes) counts too, and so does the window of watermill's
// middleware.Deduplicator on a consumer (NewMapExpiringKeyRepository's
// window; one minute without a Repository), and that of a dedup claim
// (//idem:dedup or dedup) protecting a consumer: a ttl option among the
// claim call's own options, or else among those its receiver was built
// with in the package. Only constant windows are
// checked (12 * time.Hour, time.Duration(n) * time.Hour with a constant n,
// named constants of any package); a window computed at run time is not
// reported.
//
// Bad:
//
//	r.With(idem.New(store, idem.WithTTL(time.Hour))).Post("/v1/refunds", refund)
//
// Good:
//
//	r.With(idem.New(store, idem.WithTTL(7 * 24 * time.Hour))).Post("/v1/refunds", refund)
//
// Exempt with an ADR:
//
//	//idem:exempt(ttl) ADR-0042 a refund key is replaced by the ledger entry within the hour
//	r.With(idem.New(store, idem.WithTTL(time.Hour))).Post("/v1/refunds", refund)
package idemttl
