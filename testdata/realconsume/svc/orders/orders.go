// Package orders consumes order events through the service's own
// subscription abstraction and deduplicates them with its own helper.
package orders

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"example.com/realconsume/svc/broker"
	"example.com/realconsume/svc/idempotence"
)

// Service handles order events.
type Service struct {
	db    *sql.DB
	sub   broker.Subscriber
	idem  *idempotence.Idempotence
	short *idempotence.Idempotence
}

// New builds the service.
func New(db *sql.DB, sub broker.Subscriber, store idempotence.Store) *Service {
	return &Service{
		db:    db,
		sub:   sub,
		idem:  idempotence.New(store, idempotence.WithTTL(48*time.Hour)),
		short: idempotence.New(store, idempotence.WithTTL(time.Hour)), // want `idemttl: ttl 1h0m0s < 24h0m0s required on broker.Subscriber.Subscribe consumer of topic "orders.refunded"`
	}
}

type event struct {
	OrderID string `json:"order_id"`
}

// Start subscribes the handlers.
func (s *Service) Start(ctx context.Context) error {
	if err := s.sub.Subscribe(ctx, "orders.created", s.created); err != nil { // want `idemconsumer: broker.Subscriber.Subscribe consumer of topic "orders.created" inserts into order_history`
		return err
	}
	if err := s.sub.Subscribe(ctx, "orders.paid", s.paid); err != nil {
		return err
	}
	if err := s.sub.Subscribe(ctx, "orders.refunded", s.refunded); err != nil {
		return err
	}
	if err := s.sub.Subscribe(ctx, "orders.shipped", s.shipped); err != nil { // want `idemconsumer: broker.Subscriber.Subscribe consumer of topic "orders.shipped" inserts into shipments`
		return err
	}
	if err := s.sub.Subscribe(ctx, "orders.viewed", s.viewed); err != nil {
		return err
	}
	return s.sub.Subscribe(ctx, "orders.cancelled", func(ctx context.Context, msg broker.Message) error {
		return s.idem.Exec(ctx, "cancelled:"+msg.ID, func(ctx context.Context) error {
			_, err := s.db.ExecContext(ctx, "INSERT INTO cancellations (order_id) VALUES ($1)", msg.ID)
			return err
		}, idempotence.WithTTL(2*time.Hour)) // want `idemttl: ttl 2h0m0s < 24h0m0s required on broker.Subscriber.Subscribe consumer of topic "orders.cancelled"`
	})
}

// created inserts with no dedup.
func (s *Service) created(ctx context.Context, msg broker.Message) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO order_history (order_id, body) VALUES ($1, $2)", msg.ID, msg.Body)
	return err
}

// paid runs its insert once per message.
func (s *Service) paid(ctx context.Context, msg broker.Message) error {
	var e event
	if err := json.Unmarshal(msg.Body, &e); err != nil {
		return err
	}
	return s.idem.Exec(ctx, "paid:"+e.OrderID, func(ctx context.Context) error {
		_, err := s.db.ExecContext(ctx, "INSERT INTO payments_seen (order_id) VALUES ($1)", e.OrderID)
		return err
	})
}

// refunded deduplicates with a window that is too short.
func (s *Service) refunded(ctx context.Context, msg broker.Message) error {
	return s.short.Exec(ctx, msg.ID, func(ctx context.Context) error {
		_, err := s.db.ExecContext(ctx, "INSERT INTO refunds_seen (order_id) VALUES ($1)", msg.ID)
		return err
	})
}

// shipped claims a key that is not the message's: every delivery gets a
// fresh one.
func (s *Service) shipped(ctx context.Context, msg broker.Message) error {
	return s.idem.Exec(ctx, time.Now().String(), func(ctx context.Context) error {
		_, err := s.db.ExecContext(ctx, "INSERT INTO shipments (order_id) VALUES ($1)", msg.ID)
		return err
	})
}

// viewed only updates in place: naturally idempotent.
func (s *Service) viewed(ctx context.Context, msg broker.Message) error {
	_, err := s.db.ExecContext(ctx, "UPDATE orders SET viewed = true WHERE id = $1", msg.ID)
	return err
}
