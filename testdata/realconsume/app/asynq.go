package app

import (
	"context"
	"encoding/json"

	"github.com/hibiken/asynq"

	"example.com/realconsume/platform/idemasynq"
)

type welcome struct {
	UserID string `json:"user_id"`
}

// enqueueWelcome enqueues with a deterministic task id: that deduplicates
// enqueueing, not handling, so the handlers below are still checked.
func enqueueWelcome(ctx context.Context, c *asynq.Client, userID string) error {
	payload, _ := json.Marshal(welcome{UserID: userID})
	_, err := c.EnqueueContext(ctx, asynq.NewTask("welcome:send", payload), asynq.TaskID("welcome:"+userID), asynq.Unique(0))
	return err
}

func sendWelcome(ctx context.Context, t *asynq.Task) error {
	var w welcome
	if err := json.Unmarshal(t.Payload(), &w); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, "INSERT INTO mails (user_id) VALUES ($1)", w.UserID)
	return err
}

func sendWelcomeOnce(ctx context.Context, t *asynq.Task) error {
	var w welcome
	if err := json.Unmarshal(t.Payload(), &w); err != nil {
		return err
	}
	if ok, err := store.Claim(ctx, "welcome:"+w.UserID); err != nil || !ok {
		return err
	}
	_, err := db.ExecContext(ctx, "INSERT INTO mails (user_id) VALUES ($1)", w.UserID)
	return err
}

// invoicer is a task handler type.
type invoicer struct{}

func (invoicer) ProcessTask(ctx context.Context, t *asynq.Task) error {
	_, err := db.ExecContext(ctx, "INSERT INTO invoices (body) VALUES ($1)", t.Payload())
	return err
}

func asynqServe(redis asynq.RedisClientOpt) error {
	srv := asynq.NewServer(redis, asynq.Config{Concurrency: 4})
	mux := asynq.NewServeMux()
	mux.HandleFunc("welcome:send", sendWelcome) // want `asynq consumer of task type "welcome:send" inserts into mails`
	mux.HandleFunc("welcome:once", sendWelcomeOnce)
	mux.Handle("invoice:create", invoicer{}) // want `asynq consumer of task type "invoice:create" inserts into invoices`
	mux.Handle("invoice:wrapped", idemasynq.Asynq(invoicer{}))
	mux.HandleFunc("user:touch", func(ctx context.Context, t *asynq.Task) error {
		_, err := db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", t.Payload())
		return err
	})
	mux.HandleFunc("user:read", func(ctx context.Context, t *asynq.Task) error {
		_, err := db.QueryContext(ctx, "SELECT 1 FROM users WHERE id = $1", t.Payload())
		return err
	})
	return srv.Run(mux)
}

func asynqProtectedMux(redis asynq.RedisClientOpt) error {
	mux := asynq.NewServeMux()
	mux.Use(idemasynq.Asynq)
	mux.HandleFunc("welcome:send", sendWelcome)
	return asynq.NewServer(redis, asynq.Config{}).Run(mux)
}

func asynqRunHandler(redis asynq.RedisClientOpt) error {
	srv := asynq.NewServer(redis, asynq.Config{})
	return srv.Run(asynq.HandlerFunc(sendWelcome)) // want `asynq consumer inserts into mails`
}
