package app

import (
	"context"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func natsJS(nc *nats.Conn) error {
	js, err := nc.JetStream()
	if err != nil {
		return err
	}
	_, err = js.Subscribe("events.created", func(m *nats.Msg) { // want `nats consumer of subject "events.created" inserts into events`
		db.Exec("INSERT INTO events (data) VALUES ($1)", m.Data)
		m.Ack()
	}, nats.ManualAck())
	nc.Subscribe("events.created", func(m *nats.Msg) { // core NATS: at most once
		db.Exec("INSERT INTO events (data) VALUES ($1)", m.Data)
	})
	return err
}

func natsConsume(ctx context.Context, js jetstream.JetStream) error {
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
