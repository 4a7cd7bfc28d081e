// Package nearmiss holds code that looks like consuming messages but that
// the consumers pass must not record: producers, at-most-once receives,
// and look-alikes of the libraries' types.
package nearmiss

import (
	"context"
	"database/sql"

	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	kafka "github.com/segmentio/kafka-go"
)

var db *sql.DB

// Reader has the methods of kafka-go's Reader, but is not it.
type Reader struct{}

func (r *Reader) FetchMessage(ctx context.Context) (kafka.Message, error) {
	return kafka.Message{}, nil
}

func lookAlike(ctx context.Context, r *Reader) {
	for {
		m, _ := r.FetchMessage(ctx)
		db.Exec("INSERT INTO orders (k) VALUES ($1)", m.Key)
	}
}

// produce writes messages; a producer is not a consumer.
func produce(ctx context.Context, w *kafka.Writer) error {
	return w.WriteMessages(ctx, kafka.Message{Key: []byte("k")})
}

// noGroup reads without a consumer group: nothing is committed, so no
// delivery semantics apply.
func noGroup(ctx context.Context) {
	r := kafka.NewReader(kafka.ReaderConfig{Topic: "orders"})
	for {
		m, _ := r.ReadMessage(ctx)
		db.Exec("INSERT INTO orders (k) VALUES ($1)", m.Key)
	}
}

// emptyGroup names an empty consumer group, which is none.
func emptyGroup(ctx context.Context) {
	r := kafka.NewReader(kafka.ReaderConfig{GroupID: "", Topic: "orders"})
	for {
		m, _ := r.ReadMessage(ctx)
		db.Exec("INSERT INTO orders (k) VALUES ($1)", m.Key)
	}
}

// autoAck acknowledges on delivery: at most once.
func autoAck(ch *amqp.Channel) {
	msgs, _ := ch.Consume("emails", "worker", true, false, false, false, nil)
	for d := range msgs {
		db.Exec("INSERT INTO mails (body) VALUES ($1)", d.Body)
	}
}

// coreNATS subscribes without JetStream: at most once.
func coreNATS(nc *nats.Conn) {
	nc.Subscribe("orders", func(m *nats.Msg) {
		db.Exec("INSERT INTO orders (data) VALUES ($1)", m.Data)
	})
	nc.QueueSubscribe("orders", "workers", func(m *nats.Msg) {
		db.Exec("INSERT INTO orders (data) VALUES ($1)", m.Data)
	})
}

// publish sends on a channel; publishing is not consuming.
func publish(ctx context.Context, ch *amqp.Channel) error {
	return ch.PublishWithContext(ctx, "", "emails", false, false, amqp.Publishing{Body: []byte("hi")})
}

// drain ranges over a channel of deliveries that no Consume call in the
// package produced.
func drain(deliveries <-chan amqp.Delivery) {
	for d := range deliveries {
		db.Exec("INSERT INTO mails (body) VALUES ($1)", d.Body)
	}
}
