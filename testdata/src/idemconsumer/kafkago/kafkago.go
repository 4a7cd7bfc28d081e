package kafkago

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"example.com/platform/idem"
	kafka "github.com/segmentio/kafka-go"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func newReader() *kafka.Reader {
	return kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"k:9092"}, GroupID: "g", Topic: "orders"})
}

func insert(ctx context.Context, m kafka.Message) {
	db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", string(m.Key))
}

func unprotected(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"k:9092"}, GroupID: "g", Topic: "orders"})
	for {
		m, err := r.FetchMessage(ctx) // want `idemconsumer: kafka-go consumer of topic "orders" inserts into orders with no dedup \(delivery is at least once`
		if err != nil {
			return err
		}
		insert(ctx, m)
		r.CommitMessages(ctx, m)
	}
}

func claimFirst(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"k:9092"}, GroupID: "g", Topic: "orders"})
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		fresh, err := store.Claim(ctx, "orders:"+string(m.Key))
		if err != nil || !fresh {
			continue
		}
		insert(ctx, m)
		r.CommitMessages(ctx, m)
	}
}

func claimInIf(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		if ok, _ := store.Claim(ctx, string(m.Key)); !ok {
			continue
		}
		insert(ctx, m)
	}
}

func claimAfter(ctx context.Context) error {
	r := newReader()
	for {
		m, err := r.FetchMessage(ctx) // want `kafka-go consumer of topic "orders" inserts into orders with no dedup`
		if err != nil {
			return err
		}
		insert(ctx, m)
		store.Claim(ctx, string(m.Key))
	}
}

func claimNotDerived(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.FetchMessage(ctx) // want `kafka-go consumer inserts into orders with no dedup`
		if err != nil {
			return err
		}
		if ok, _ := store.Claim(ctx, time.Now().String()); !ok {
			continue
		}
		insert(ctx, m)
	}
}

func claimInBranch(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.FetchMessage(ctx) // want `inserts into orders with no dedup`
		if err != nil {
			return err
		}
		if len(m.Headers) > 0 {
			store.Claim(ctx, string(m.Headers[0].Value))
		}
		insert(ctx, m)
	}
}

type event struct{ OrderID string }

func claimDecoded(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		var evt event
		if err := json.Unmarshal(m.Value, &evt); err != nil {
			continue
		}
		if ok, _ := store.Claim(ctx, evt.OrderID); !ok {
			continue
		}
		insert(ctx, m)
	}
}

func process(ctx context.Context, m kafka.Message) error {
	if fresh, err := store.Claim(ctx, string(m.Key)); err != nil || !fresh {
		return err
	}
	insert(ctx, m)
	return nil
}

func delegated(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		if err := process(ctx, m); err != nil {
			return err
		}
	}
}

func upsertOnly(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", string(m.Key))
		db.ExecContext(ctx, "UPDATE orders SET status = 'seen' WHERE id = $1", string(m.Key))
	}
}

func noEffects(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		_ = m
	}
}

func wrapped(ctx context.Context, r *kafka.Reader) error {
	h := idem.Consumer(func(ctx context.Context, msg []byte) error {
		_, err := db.ExecContext(ctx, "INSERT INTO orders (body) VALUES ($1)", msg)
		return err
	})
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		h(ctx, m.Value)
	}
}

func readCommitsFirst(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{GroupID: "g", Topic: "orders"})
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		insert(ctx, m)
	}
}

func readAsync(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{GroupID: "g", Topic: "payments", CommitInterval: time.Second})
	for {
		m, err := r.ReadMessage(ctx) // want `kafka-go consumer of topic "payments" inserts into orders with no dedup \(CommitInterval commits offsets in the background`
		if err != nil {
			return err
		}
		insert(ctx, m)
	}
}

func exempted(ctx context.Context, r *kafka.Reader) error {
	for {
		//idem:exempt ADR-0042 orders has a unique key on the message key
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		insert(ctx, m)
	}
}
