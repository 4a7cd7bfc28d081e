// Package idemstore defines an Analyzer that reports in-process dedup
// stores guarding mutating routes.
//
// # Analyzer idemstore
//
// idemstore: report per-process, in-memory dedup stores where a shared store is required
//
// Every replica of a service must claim keys in the same store: an
// in-process store remembers only the requests its own process served,
// and forgets them on restart, so a retry that reaches another replica, or
// arrives after a deploy, runs again.
//
// An in-process store is a type or constructor marked //idem:localstore
// (or listed in local-store), passed to the platform middleware of a
// mutating route directly or through a variable or helper function of the
// package; gofiber's idempotency.New without a Storage (its default
// in-memory storage) counts too, and so does watermill's
// middleware.Deduplicator on a consumer with a repository from
// NewMapExpiringKeyRepository, or none (it then makes one in memory).
//
// Bad:
//
//	r.With(idem.New(idem.NewMemoryStore())).Post("/v1/carts", createCart)
//
// Good:
//
//	r.With(idem.New(idem.NewRedisStore(rdb, 72*time.Hour))).Post("/v1/carts", createCart)
//
// Exempt with an ADR:
//
//	//idem:exempt(store) ADR-0042 the service runs as a single replica by design
//	r.With(idem.New(idem.NewMemoryStore())).Post("/v1/carts", createCart)
package idemstore
