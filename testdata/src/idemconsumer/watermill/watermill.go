package watermill

import (
	"context"
	"database/sql"

	"example.com/platform/idem"
	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func save(msg *message.Message) error {
	_, err := db.Exec("INSERT INTO orders (payload) VALUES ($1)", msg.Payload)
	return err
}

func forward(msg *message.Message) ([]*message.Message, error) {
	return []*message.Message{message.NewMessage(msg.UUID, msg.Payload)}, nil
}

func setup(sub message.Subscriber, pub message.Publisher) error {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return err
	}
	r.AddNoPublisherHandler("save", "orders", sub, save)                  // want `idemconsumer: watermill consumer of topic "orders" inserts into orders with no dedup`
	r.AddHandler("forward", "orders", sub, "orders.copied", pub, forward) // want `watermill consumer of topic "orders" publishes to "orders.copied"`
	r.AddNoPublisherHandler("noop", "orders", sub, func(msg *message.Message) error { return nil })
	r.AddNoPublisherHandler("claimed", "orders", sub, func(msg *message.Message) error {
		if ok, _ := store.Claim(msg.Context(), msg.UUID); !ok {
			return nil
		}
		return save(msg)
	})
	h := r.AddNoPublisherHandler("dedup-handler", "orders", sub, save)
	h.AddMiddleware((&middleware.Deduplicator{KeyFactory: middleware.NewMessageHasherSHA256(0)}).Middleware)
	return r.Run(context.Background())
}

func deduplicated(sub message.Subscriber) error {
	r, _ := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	r.AddMiddleware(middleware.Recoverer)
	dedup := &middleware.Deduplicator{}
	r.AddMiddleware(dedup.Middleware)
	r.AddNoPublisherHandler("save", "orders", sub, save)
	return r.Run(context.Background())
}

func raw(ctx context.Context, sub message.Subscriber) error {
	msgs, err := sub.Subscribe(ctx, "invoices") // want `watermill consumer of topic "invoices" inserts into invoices`
	if err != nil {
		return err
	}
	for msg := range msgs {
		db.Exec("INSERT INTO invoices (payload) VALUES ($1)", msg.Payload)
		msg.Ack()
	}
	return nil
}
