// Package configured names its platform through configuration only.
package configured

import (
	"context"

	"example.com/platform/idemcfg"
	amqp "github.com/rabbitmq/amqp091-go"
)

var store idemcfg.Store

func settle(ctx context.Context, body []byte) error { return nil }

func claimed(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.ConsumeWithContext(ctx, "settlements", "", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		if fresh, err := store.Claim(ctx, d.MessageId); err != nil || !fresh {
			continue
		}
		settle(ctx, d.Body)
		d.Ack(false)
	}
	return nil
}

func wrapped(ctx context.Context, ch *amqp.Channel) error {
	h := idemcfg.Consumer(settle)
	msgs, err := ch.ConsumeWithContext(ctx, "settlements", "", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		h(ctx, d.Body)
		d.Ack(false)
	}
	return nil
}

func unprotected(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.ConsumeWithContext(ctx, "settlements", "", false, false, false, false, nil) // want `amqp091 consumer of queue "settlements" calls configured.settle with no dedup`
	if err != nil {
		return err
	}
	for d := range msgs {
		settle(ctx, d.Body)
		d.Ack(false)
	}
	return nil
}
