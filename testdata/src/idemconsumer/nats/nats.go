package nats

import (
	"context"
	"database/sql"

	"example.com/platform/idem"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func handle(m *nats.Msg) {
	db.Exec("INSERT INTO events (data) VALUES ($1)", m.Data)
	m.Ack()
}

func subscribe(nc *nats.Conn) error {
	js, err := nc.JetStream()
	if err != nil {
		return err
	}
	js.Subscribe("events.created", handle, nats.Durable("w"), nats.ManualAck()) // want `idemconsumer: nats consumer of subject "events.created" inserts into events with no dedup`
	js.QueueSubscribe("events.updated", "workers", func(m *nats.Msg) {
		if ok, _ := store.Claim(context.Background(), m.Header.Get("Nats-Msg-Id")); !ok {
			return
		}
		db.Exec("INSERT INTO events (data) VALUES ($1)", m.Data)
	})
	nc.Subscribe("events.created", handle) // core NATS: at most once
	return nil
}

func pull(ctx context.Context, js nats.JetStreamContext) error {
	sub, err := js.PullSubscribe("payments.settled", "settler")
	if err != nil {
		return err
	}
	for {
		msgs, err := sub.Fetch(10) // want `nats consumer of subject "payments.settled" inserts into payouts`
		if err != nil {
			return err
		}
		for _, m := range msgs {
			db.Exec("INSERT INTO payouts (data) VALUES ($1)", m.Data)
			m.Ack()
		}
	}
}

func consume(ctx context.Context, js jetstream.JetStream) error {
	cons, err := js.Consumer(ctx, "ORDERS", "shipper")
	if err != nil {
		return err
	}
	_, err = cons.Consume(func(msg jetstream.Msg) { // want `jetstream consumer of consumer "shipper" publishes to "shipments.created"`
		js.Publish(ctx, "shipments.created", msg.Data())
		msg.Ack()
	})
	return err
}

func iterate(ctx context.Context, cons jetstream.Consumer) error {
	it, err := cons.Messages()
	if err != nil {
		return err
	}
	for {
		msg, err := it.Next() // want `jetstream consumer inserts into events`
		if err != nil {
			return err
		}
		db.Exec("INSERT INTO events (data) VALUES ($1)", msg.Data())
		msg.Ack()
	}
}

func batch(ctx context.Context, cons jetstream.Consumer) error {
	b, err := cons.Fetch(10)
	if err != nil {
		return err
	}
	for msg := range b.Messages() {
		db.Exec("DELETE FROM carts WHERE id = $1", string(msg.Data()))
		msg.Ack()
	}
	return nil
}
