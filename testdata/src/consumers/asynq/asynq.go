// Package asynq shows the asynq consumers the consumers pass records.
package asynq

import (
	"context"
	"database/sql"

	"example.com/platform/idem"
	"github.com/hibiken/asynq"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func sendWelcome(ctx context.Context, t *asynq.Task) error {
	_, err := db.ExecContext(ctx, "INSERT INTO mails (body) VALUES ($1)", t.Payload())
	return err
}

func sendOnce(ctx context.Context, t *asynq.Task) error {
	if ok, err := store.Claim(ctx, "welcome:"+string(t.Payload())); err != nil || !ok {
		return err
	}
	_, err := db.ExecContext(ctx, "INSERT INTO mails (body) VALUES ($1)", t.Payload())
	return err
}

type invoicer struct{}

func (invoicer) ProcessTask(ctx context.Context, task *asynq.Task) error {
	_, err := db.ExecContext(ctx, "INSERT INTO invoices (body) VALUES ($1)", task.Payload())
	return err
}

// Dedup wraps a handler with dedup on the task id.
//
//idem:consumer
func Dedup(h asynq.Handler) asynq.Handler { return h }

func serve(redis asynq.RedisClientOpt) error {
	srv := asynq.NewServer(redis, asynq.Config{Concurrency: 4})
	mux := asynq.NewServeMux()
	mux.HandleFunc("welcome:send", sendWelcome)
	mux.HandleFunc("welcome:once", sendOnce)
	mux.Handle("invoice:create", invoicer{})
	mux.Handle("invoice:wrapped", Dedup(invoicer{}))
	mux.HandleFunc("user:read", func(ctx context.Context, t *asynq.Task) error {
		_, err := db.QueryContext(ctx, "SELECT 1 FROM users WHERE id = $1", t.Payload())
		return err
	})
	return srv.Run(mux) // the mux: its registrations are the consumers
}

func protectedMux(redis asynq.RedisClientOpt) error {
	mux := asynq.NewServeMux()
	mux.Use(Dedup)
	mux.HandleFunc("welcome:send", sendWelcome)
	return asynq.NewServer(redis, asynq.Config{}).Start(mux)
}

func runHandler(redis asynq.RedisClientOpt) error {
	srv := asynq.NewServer(redis, asynq.Config{})
	return srv.Run(asynq.HandlerFunc(sendWelcome))
}

// enqueue produces tasks: a deterministic task id deduplicates enqueueing,
// and no handling happens here.
func enqueue(ctx context.Context, c *asynq.Client, id string) error {
	_, err := c.EnqueueContext(ctx, asynq.NewTask("welcome:send", nil), asynq.TaskID(id))
	return err
}
