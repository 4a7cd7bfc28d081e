// Package model shows what the consumers pass records.
package model

import (
	"context"
	"database/sql"
	"time"

	"example.com/platform/idem"
	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
	"github.com/nats-io/nats.go"
	kafka "github.com/segmentio/kafka-go"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func save(msg *message.Message) error {
	_, err := db.Exec("INSERT INTO orders (payload) VALUES ($1)", msg.Payload)
	return err
}

func watermillRouter(sub message.Subscriber) {
	r, _ := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	r.AddMiddleware((&middleware.Deduplicator{}).Middleware)
	r.AddNoPublisherHandler("save", "orders", sub, save) // want `watermill topic "orders" at-least-once protected="middleware.Deduplicator" unprotected="inserts into orders"`
}

func kafkaWrapped(ctx context.Context) {
	r := kafka.NewReader(kafka.ReaderConfig{GroupID: "g", Topic: "orders", CommitInterval: time.Second})
	h := idem.Consumer(func(ctx context.Context, b []byte) error { return nil })
	for {
		m, _ := r.ReadMessage(ctx) // want `kafka-go topic "orders" async-commit protected="consumer middleware idem.Consumer" unprotected=""`
		h(ctx, m.Value)
	}
}

func kafkaSyncCommit(ctx context.Context) {
	r := kafka.NewReader(kafka.ReaderConfig{GroupID: "g", Topic: "audit"})
	for {
		m, _ := r.ReadMessage(ctx) // want `kafka-go topic "audit" at-most-once protected="" unprotected="inserts into audit"`
		db.Exec("INSERT INTO audit (k) VALUES ($1)", m.Key)
	}
}

func kafkaClaimed(ctx context.Context, r *kafka.Reader) {
	for {
		m, _ := r.FetchMessage(ctx) // want `kafka-go topic "" at-least-once protected="dedup claim RedisStore.Claim" unprotected=""`
		if ok, _ := store.Claim(ctx, string(m.Key)); !ok {
			continue
		}
		db.Exec("INSERT INTO orders (k) VALUES ($1)", m.Key)
	}
}

func natsUnknown(js nats.JetStreamContext, h nats.MsgHandler) {
	js.Subscribe("orders", h) // want `nats subject "orders" at-least-once unknown`
}
