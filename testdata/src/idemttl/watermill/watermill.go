// Package watermill deduplicates watermill consumers with
// middleware.Deduplicator, whose default window is one minute.
package watermill

import (
	"context"
	"database/sql"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
)

var db *sql.DB

func save(msg *message.Message) error {
	_, err := db.Exec("INSERT INTO orders (payload) VALUES ($1)", msg.Payload)
	return err
}

func window() time.Duration { return 48 * time.Hour }

func run(sub message.Subscriber, shared middleware.ExpiringKeyRepository) error {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return err
	}
	dedup := &middleware.Deduplicator{} // want `ttl 1m0s < 24h0m0s required on watermill consumer of topic "orders" \(the default repository of middleware.Deduplicator: a redelivery that arrives after the window is handled again\); raise the window to at least 24h0m0s`
	r.AddMiddleware(dedup.Middleware)
	r.AddNoPublisherHandler("save", "orders", sub, save)

	other, _ := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	repo, err := middleware.NewMapExpiringKeyRepository(time.Hour) // want `ttl 1h0m0s < 24h0m0s required on watermill consumer of topic "carts" \(middleware.NewMapExpiringKeyRepository\(time.Hour\): `
	if err != nil {
		return err
	}
	h := other.AddNoPublisherHandler("carts", "carts", sub, save)
	h.AddMiddleware((&middleware.Deduplicator{Repository: repo}).Middleware)

	// Near misses: a long window, a window computed at run time, a shared repository.
	long, _ := middleware.NewMapExpiringKeyRepository(48 * time.Hour)
	other.AddNoPublisherHandler("reviews", "reviews", sub, save).AddMiddleware((&middleware.Deduplicator{Repository: long}).Middleware)
	computed, _ := middleware.NewMapExpiringKeyRepository(window())
	other.AddNoPublisherHandler("likes", "likes", sub, save).AddMiddleware((&middleware.Deduplicator{Repository: computed}).Middleware)
	other.AddNoPublisherHandler("refunds", "refunds", sub, save).AddMiddleware((&middleware.Deduplicator{Repository: shared}).Middleware)
	return r.Run(context.Background())
}
