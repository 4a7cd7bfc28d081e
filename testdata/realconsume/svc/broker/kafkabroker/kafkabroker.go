// Package kafkabroker implements broker.Subscriber with kafka-go: a
// message is committed after its handler succeeds.
package kafkabroker

import (
	"context"

	"github.com/segmentio/kafka-go"

	"example.com/realconsume/svc/broker"
)

// Subscriber subscribes through consumer groups.
type Subscriber struct {
	Brokers []string
	Group   string
}

// Subscribe implements broker.Subscriber.
func (s *Subscriber) Subscribe(ctx context.Context, topic string, h broker.Handler) error {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: s.Brokers, GroupID: s.Group, Topic: topic})
	defer r.Close()
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		if err := h(ctx, broker.Message{ID: string(m.Key), Key: m.Key, Body: m.Value}); err != nil {
			continue
		}
		if err := r.CommitMessages(ctx, m); err != nil {
			return err
		}
	}
}

var _ broker.Subscriber = (*Subscriber)(nil)
