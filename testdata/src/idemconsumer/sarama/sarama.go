package sarama

import (
	"context"
	"database/sql"

	"example.com/platform/idem"
	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

type handler struct{}

func (handler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (handler) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (h handler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error { // want `idemconsumer: sarama consumer of topic "ledger" inserts into ledger with no dedup`
	for msg := range claim.Messages() {
		db.Exec("INSERT INTO ledger (k) VALUES ($1)", msg.Key)
		sess.MarkMessage(msg, "")
	}
	return nil
}

func run(ctx context.Context, group sarama.ConsumerGroup) error {
	return group.Consume(ctx, []string{"ledger"}, handler{})
}

type safeHandler struct{}

func (safeHandler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (safeHandler) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (h safeHandler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for msg := range claim.Messages() {
		key := string(msg.Key)
		if fresh, _ := store.Claim(sess.Context(), key); !fresh {
			continue
		}
		db.Exec("INSERT INTO ledger (k) VALUES ($1)", msg.Key)
		sess.MarkMessage(msg, "")
	}
	return nil
}

type oldHandler struct{}

func (oldHandler) Setup(shopify.ConsumerGroupSession) error   { return nil }
func (oldHandler) Cleanup(shopify.ConsumerGroupSession) error { return nil }

func (oldHandler) ConsumeClaim(sess shopify.ConsumerGroupSession, claim shopify.ConsumerGroupClaim) error { // want `sarama consumer inserts into audit`
	for msg := range claim.Messages() {
		db.Exec("INSERT INTO audit (k) VALUES ($1)", msg.Key)
	}
	return nil
}

// notAHandler has a method named ConsumeClaim with another signature.
type notAHandler struct{}

func (notAHandler) ConsumeClaim(topic string) error {
	_, err := db.Exec("INSERT INTO audit (k) VALUES ($1)", topic)
	return err
}

func partition(c sarama.Consumer) error {
	pc, err := c.ConsumePartition("clicks", 0, sarama.OffsetNewest)
	if err != nil {
		return err
	}
	for m := range pc.Messages() { // want `sarama consumer of topic "clicks" inserts into clicks`
		db.Exec("INSERT INTO clicks (k) VALUES ($1)", m.Value)
	}
	return nil
}

type selectHandler struct{}

func (selectHandler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (selectHandler) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (selectHandler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error { // want `sarama consumer publishes to "audit"`
	for {
		select {
		case msg, ok := <-claim.Messages():
			if !ok {
				return nil
			}
			auditor.SendMessage(&sarama.ProducerMessage{Topic: "audit", Key: sarama.StringEncoder(msg.Key)})
			sess.MarkMessage(msg, "")
		case <-sess.Context().Done():
			return nil
		}
	}
}

var auditor sarama.SyncProducer
