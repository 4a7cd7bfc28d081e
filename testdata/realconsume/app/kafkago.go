package app

import (
	"context"
	"database/sql"

	"example.com/platform/idem"
	"github.com/segmentio/kafka-go"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func kafkaGo(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"localhost:9092"}, GroupID: "g", Topic: "orders"})
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "emails"}
	for {
		m, err := r.FetchMessage(ctx) // want `idemconsumer: kafka-go consumer of topic "orders" publishes to "emails" and inserts into orders with no dedup`
		if err != nil {
			return err
		}
		w.WriteMessages(ctx, kafka.Message{Key: m.Key, Value: m.Value})
		db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", string(m.Key))
		r.CommitMessages(ctx, m)
	}
}

func kafkaGoClaimed(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		if ok, err := store.Claim(ctx, string(m.Key)); err != nil || !ok {
			continue
		}
		db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", string(m.Key))
		r.CommitMessages(ctx, m)
	}
}
