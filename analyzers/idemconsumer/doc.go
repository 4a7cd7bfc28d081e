// Package idemconsumer defines an Analyzer that reports at-least-once queue
// consumers whose handling has side effects and no dedup.
//
// # Analyzer idemconsumer
//
// idemconsumer: report at-least-once queue consumers with side effects and no dedup
//
// Brokers deliver at least once: a consumer that crashes, times out or
// rebalances before it commits or acknowledges gets the message again. A
// consumer whose handler has a side effect that is not naturally
// idempotent (an insert, an increment, a publish, a payment, a mail) must
// deduplicate: pass the handler through the platform consumer middleware
// (//idem:consumer or consumer-middleware), install watermill's
// middleware.Deduplicator, or claim a key derived from the message (its
// id, key, offset or a header) in the dedup store (//idem:dedup or dedup)
// on every path before the first such effect. A consumer whose effects are
// all naturally idempotent (upserts, Redis SET, DELETE) or that has no
// effects is not reported, nor is one whose handler the check cannot see.
// Besides the broker clients it recognises, the functions and methods
// named in the consumers setting (a service's own subscription interface)
// register consumers, delivered at least once.
//
// The finding is at the receive call, subscription or ConsumeClaim method,
// and names the topic or queue when it is constant and the first effect
// that is not protected.
//
// Bad:
//
//	for {
//		m, err := r.FetchMessage(ctx)
//		if err != nil {
//			return err
//		}
//		db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", m.Key)
//		r.CommitMessages(ctx, m)
//	}
//
// Good:
//
//	for {
//		m, err := r.FetchMessage(ctx)
//		if err != nil {
//			return err
//		}
//		if fresh, err := store.Claim(ctx, string(m.Key)); err != nil || !fresh {
//			continue
//		}
//		db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", m.Key)
//		r.CommitMessages(ctx, m)
//	}
//
// Exempt with an ADR:
//
//	//idem:exempt ADR-0042 the orders table has a unique key on the message id
//	m, err := r.FetchMessage(ctx)
package idemconsumer
