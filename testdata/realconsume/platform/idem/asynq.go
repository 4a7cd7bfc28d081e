package idem

import (
	"context"

	"github.com/hibiken/asynq"
)

// Asynq wraps an asynq handler with dedup on the task id.
//
//idem:consumer
func Asynq(h asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error { return h.ProcessTask(ctx, t) })
}
