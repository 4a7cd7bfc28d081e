// Package idemasynq is the platform's consumer wrapper for asynq, built
// on the platform library's shared store (example.com/platform/idem).
package idemasynq

import (
	"context"

	"github.com/hibiken/asynq"

	"example.com/platform/idem"
)

// Asynq wraps an asynq handler with dedup on the task id.
//
//idem:consumer
func Asynq(h asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		if !idem.Claim(t.ResultWriter().TaskID()) {
			return nil
		}
		return h.ProcessTask(ctx, t)
	})
}
