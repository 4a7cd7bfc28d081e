package app

import (
	"context"

	"github.com/IBM/sarama"
)

type ledger struct{}

func (ledger) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (ledger) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (ledger) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error { // want `sarama consumer of topic "ledger" inserts into ledger`
	for msg := range claim.Messages() {
		db.ExecContext(sess.Context(), "INSERT INTO ledger (k) VALUES ($1)", msg.Key)
		sess.MarkMessage(msg, "")
	}
	return nil
}

func consumeLedger(ctx context.Context, group sarama.ConsumerGroup) error {
	return group.Consume(ctx, []string{"ledger"}, ledger{})
}

func produce(p sarama.SyncProducer) error { // producer only: not a consumer
	_, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "ledger", Value: sarama.StringEncoder("x")})
	return err
}
