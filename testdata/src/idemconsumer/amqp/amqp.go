package amqp

import (
	"context"
	"database/sql"

	"example.com/platform/idem"
	amqp "github.com/rabbitmq/amqp091-go"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func consume(ch *amqp.Channel) error {
	msgs, err := ch.Consume("emails", "worker", false, false, false, false, nil) // want `idemconsumer: amqp091 consumer of queue "emails" publishes to "receipts" with no dedup`
	if err != nil {
		return err
	}
	for d := range msgs {
		ch.PublishWithContext(context.Background(), "", "receipts", false, false, amqp.Publishing{Body: d.Body})
		d.Ack(false)
	}
	return nil
}

func autoAck(ch *amqp.Channel) error {
	msgs, err := ch.Consume("emails", "worker", true, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		ch.Publish("", "receipts", false, false, amqp.Publishing{Body: d.Body})
	}
	return nil
}

func dynamicAck(ch *amqp.Channel, ack bool) error {
	msgs, _ := ch.Consume("emails", "worker", ack, false, false, false, nil)
	for d := range msgs {
		ch.Publish("", "receipts", false, false, amqp.Publishing{Body: d.Body})
	}
	return nil
}

func worker(deliveries <-chan amqp.Delivery) {
	for d := range deliveries {
		db.Exec("INSERT INTO mails (body) VALUES ($1)", d.Body)
		d.Ack(false)
	}
}

func withWorker(ctx context.Context, ch *amqp.Channel) error {
	q, err := ch.QueueDeclare("mails", true, false, false, false, nil)
	if err != nil {
		return err
	}
	msgs, err := ch.ConsumeWithContext(ctx, q.Name, "", false, false, false, false, nil) // want `amqp091 consumer of queue "mails" inserts into mails`
	if err != nil {
		return err
	}
	go worker(msgs)
	return nil
}

func claimed(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.ConsumeWithContext(ctx, "mails", "", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		if ok, err := store.Claim(ctx, d.MessageId); err != nil || !ok {
			d.Ack(false)
			continue
		}
		db.Exec("INSERT INTO mails (body) VALUES ($1)", d.Body)
		d.Ack(false)
	}
	return nil
}

func selecting(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.ConsumeWithContext(ctx, "orders", "", false, false, false, false, nil) // want `amqp091 consumer of queue "orders" inserts into orders`
	if err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case d := <-msgs:
			db.Exec("INSERT INTO orders (body) VALUES ($1)", d.Body)
			d.Ack(false)
		}
	}
}

func selectingClaimed(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.ConsumeWithContext(ctx, "orders", "", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for {
		d := <-msgs
		if ok, _ := store.Claim(ctx, d.MessageId); !ok {
			continue
		}
		db.Exec("INSERT INTO orders (body) VALUES ($1)", d.Body)
	}
}
