// Package watermill deduplicates watermill consumers with
// middleware.Deduplicator, whose default repository is in process.
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

func run(sub message.Subscriber, shared middleware.ExpiringKeyRepository) error {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return err
	}
	r.AddMiddleware((&middleware.Deduplicator{KeyFactory: middleware.NewMessageHasherSHA256(0)}).Middleware) // want `the default in-memory repository of middleware.Deduplicator is an in-process dedup store guarding watermill consumer of topic "orders" \(each replica remembers only its own messages and forgets them on restart, so a redelivery to another instance is handled again\); use a shared repository`
	r.AddNoPublisherHandler("save", "orders", sub, save)

	other, _ := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	repo, _ := middleware.NewMapExpiringKeyRepository(72 * time.Hour) // want `middleware.NewMapExpiringKeyRepository\(72 \* time.Hour\) is an in-process dedup store guarding watermill consumer of topic "carts"`
	other.AddNoPublisherHandler("carts", "carts", sub, save).AddMiddleware((&middleware.Deduplicator{Repository: repo}).Middleware)

	// Near miss: a shared repository.
	other.AddNoPublisherHandler("refunds", "refunds", sub, save).AddMiddleware((&middleware.Deduplicator{Repository: shared}).Middleware)
	return r.Run(context.Background())
}
