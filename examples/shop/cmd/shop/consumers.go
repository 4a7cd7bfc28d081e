package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/segmentio/kafka-go"

	"example.com/shop/platform/idem"
)

// Topics the shop consumes and produces, and its consumer group.
const (
	topicOrders   = "orders"
	topicRefunds  = "refunds"
	topicEmails   = "emails"
	consumerGroup = "shop"
)

// consumers runs the shop's Kafka consumers. Every consumer commits a
// message only after handling it, so a crash or a rebalance in between
// redelivers it.
type consumers struct {
	brokers []string
	db      *sql.DB
	store   *idem.SQLStore
}

// orderPlaced is a message of the orders topic, keyed by order id.
type orderPlaced struct {
	OrderID    string `json:"order_id"`
	CustomerID string `json:"customer_id"`
	Email      string `json:"email"`
	Total      int64  `json:"total"`
	Currency   string `json:"currency"`
}

// refundRequested is a message of the refunds topic, keyed by refund id.
type refundRequested struct {
	RefundID string `json:"refund_id"`
	ChargeID string `json:"charge_id"`
	Amount   int64  `json:"amount"`
}

// confirmationEmail is a message of the emails topic.
type confirmationEmail struct {
	To       string `json:"to"`
	Template string `json:"template"`
	OrderID  string `json:"order_id"`
}

// run starts every consumer and returns when ctx is done or one of them
// fails.
func (c *consumers) run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 2)
	go func() { errc <- c.consumeOrders(ctx) }()
	go func() { errc <- c.consumeRefunds(ctx) }()
	err := <-errc
	cancel()
	<-errc
	return err
}

// consumeOrders records each placed order in the order history and queues
// its confirmation email.
func (c *consumers) consumeOrders(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: c.brokers,
		GroupID: consumerGroup,
		Topic:   topicOrders,
	})
	defer r.Close()
	w := &kafka.Writer{
		Addr:         kafka.TCP(c.brokers...),
		Topic:        topicEmails,
		RequiredAcks: kafka.RequireAll,
	}
	defer w.Close()

	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return stopped(ctx, err)
		}
		var ev orderPlaced
		if err := json.Unmarshal(m.Value, &ev); err != nil {
			log.Printf("shop: %s: skipping malformed message at offset %d: %v", topicOrders, m.Offset, err)
			if err := r.CommitMessages(ctx, m); err != nil {
				return stopped(ctx, err)
			}
			continue
		}
		if _, err := c.db.ExecContext(ctx,
			`INSERT INTO order_history (order_id, customer_id, total, currency, placed_at) VALUES ($1, $2, $3, $4, $5)`,
			ev.OrderID, ev.CustomerID, ev.Total, ev.Currency, m.Time); err != nil {
			return fmt.Errorf("%s: record order %s: %w", topicOrders, ev.OrderID, err)
		}
		mail, err := json.Marshal(confirmationEmail{To: ev.Email, Template: "order-confirmation", OrderID: ev.OrderID})
		if err != nil {
			return err
		}
		if err := w.WriteMessages(ctx, kafka.Message{Key: m.Key, Value: mail}); err != nil {
			return fmt.Errorf("%s: queue confirmation of order %s: %w", topicOrders, ev.OrderID, err)
		}
		if err := r.CommitMessages(ctx, m); err != nil {
			return stopped(ctx, err)
		}
	}
}

// consumeRefunds applies each requested refund once: the message key (the
// refund id) is claimed in the shared dedup store before the refund is
// applied, and a redelivered message is committed without effect.
func (c *consumers) consumeRefunds(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: c.brokers,
		GroupID: consumerGroup,
		Topic:   topicRefunds,
	})
	defer r.Close()

	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return stopped(ctx, err)
		}
		key := topicRefunds + " " + string(m.Key)
		fresh, err := c.store.Claim(ctx, key, idem.DefaultTTL)
		if err != nil {
			return fmt.Errorf("%s: claim %q: %w", topicRefunds, m.Key, err)
		}
		if fresh {
			if err := c.applyRefund(ctx, m); err != nil {
				// Forget the claim so that the redelivery applies it.
				_ = c.store.Release(context.WithoutCancel(ctx), key)
				return err
			}
		}
		if err := r.CommitMessages(ctx, m); err != nil {
			return stopped(ctx, err)
		}
	}
}

// applyRefund records the refund against its charge.
func (c *consumers) applyRefund(ctx context.Context, m kafka.Message) error {
	var ev refundRequested
	if err := json.Unmarshal(m.Value, &ev); err != nil {
		log.Printf("shop: %s: skipping malformed message at offset %d: %v", topicRefunds, m.Offset, err)
		return nil
	}
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO refunds (id, charge_id, amount, created_at) VALUES ($1, $2, $3, $4)`,
		ev.RefundID, ev.ChargeID, ev.Amount, time.Now()); err != nil {
		return fmt.Errorf("%s: record refund %s: %w", topicRefunds, ev.RefundID, err)
	}
	if _, err := tx.ExecContext(ctx,
		`UPDATE charges SET refunded = refunded + $2 WHERE id = $1`, ev.ChargeID, ev.Amount); err != nil {
		return fmt.Errorf("%s: refund charge %s: %w", topicRefunds, ev.ChargeID, err)
	}
	return tx.Commit()
}

// stopped returns nil when err is the end of the consumer's context, and
// err otherwise.
func stopped(ctx context.Context, err error) error {
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return nil
	}
	return err
}
