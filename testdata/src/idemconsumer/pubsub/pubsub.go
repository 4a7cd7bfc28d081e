package pubsub

import (
	"context"
	"database/sql"

	"cloud.google.com/go/pubsub"
	pubsubv2 "cloud.google.com/go/pubsub/v2"
	"example.com/platform/idem"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func receive(ctx context.Context, client *pubsub.Client) error {
	sub := client.Subscription("billing-events")
	return sub.Receive(ctx, func(ctx context.Context, m *pubsub.Message) { // want `idemconsumer: pubsub consumer of subscription "billing-events" publishes to "invoices"`
		client.Topic("invoices").Publish(ctx, &pubsub.Message{Data: m.Data})
		m.Ack()
	})
}

func receiveV2(ctx context.Context, client *pubsubv2.Client) error {
	return client.Subscriber("billing-events").Receive(ctx, func(ctx context.Context, m *pubsubv2.Message) {
		if ok, _ := store.Claim(ctx, m.ID); !ok {
			m.Ack()
			return
		}
		db.ExecContext(ctx, "INSERT INTO invoices (data) VALUES ($1)", m.Data)
		m.Ack()
	})
}

func handleV2(ctx context.Context, m *pubsubv2.Message) {
	db.ExecContext(ctx, "INSERT INTO invoices (data) VALUES ($1)", m.Data)
	m.Ack()
}

func receiveV2Unprotected(ctx context.Context, client *pubsubv2.Client) error {
	return client.Subscriber("billing-events").Receive(ctx, handleV2) // want `pubsub consumer of subscription "billing-events" inserts into invoices`
}
