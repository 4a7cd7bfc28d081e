// Package watermillapp deduplicates consumers with the real watermill
// middleware.Deduplicator.
package watermillapp

import (
	"context"
	"database/sql"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
)

type app struct{ db *sql.DB }

func (a *app) save(msg *message.Message) error {
	_, err := a.db.Exec("INSERT INTO orders (payload) VALUES ($1)", msg.Payload)
	return err
}

// Run consumes the orders and carts topics.
func Run(sub message.Subscriber, db *sql.DB) error {
	a := &app{db: db}
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return err
	}
	r.AddMiddleware((&middleware.Deduplicator{KeyFactory: middleware.NewMessageHasherSHA256(0)}).Middleware) // want `idemttl: ttl 1m0s < 24h0m0s required on watermill consumer of topic "orders"` `idemstore: the default in-memory repository of middleware.Deduplicator is an in-process dedup store guarding watermill consumer of topic "orders"`
	r.AddNoPublisherHandler("orders", "orders", sub, a.save)

	carts, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return err
	}
	repo, err := middleware.NewMapExpiringKeyRepository(48 * time.Hour) // want `idemstore: middleware.NewMapExpiringKeyRepository\(48 \* time.Hour\) is an in-process dedup store guarding watermill consumer of topic "carts"`
	if err != nil {
		return err
	}
	h := carts.AddNoPublisherHandler("carts", "carts", sub, a.save)
	h.AddMiddleware((&middleware.Deduplicator{Repository: repo}).Middleware)
	go carts.Run(context.Background())
	return r.Run(context.Background())
}
