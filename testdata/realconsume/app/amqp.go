package app

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
)

func rabbit(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.ConsumeWithContext(ctx, "mails", "", false, false, false, false, nil) // want `amqp091 consumer of queue "mails" publishes to "receipts"`
	if err != nil {
		return err
	}
	for d := range msgs {
		ch.PublishWithContext(ctx, "", "receipts", false, false, amqp.Publishing{Body: d.Body})
		d.Ack(false)
	}
	return nil
}

func rabbitAutoAck(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.Consume("mails", "", true, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		ch.PublishWithContext(ctx, "", "receipts", false, false, amqp.Publishing{Body: d.Body})
	}
	return nil
}
