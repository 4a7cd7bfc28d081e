package failsafe

import (
	"time"

	"github.com/failsafe-go/failsafe-go"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
)

func op() error { return nil }

func cases() {
	_ = failsafe.With[any](retrypolicy.NewWithDefaults[any]()).Run(op)                                                             // want `idembudget: failsafe Run has no backoff between attempts`
	_ = failsafe.With[any](retrypolicy.NewBuilder[any]().WithMaxRetries(-1).WithBackoff(time.Second, time.Minute).Build()).Run(op) // want `idembudget: failsafe Run has no bound`
	_ = failsafe.With[any](retrypolicy.NewBuilder[any]().WithMaxRetries(-1).WithMaxDuration(time.Minute).WithDelay(time.Second).Build()).Run(op)
	_ = failsafe.With[any](retrypolicy.NewBuilder[any]().WithBackoff(time.Second, time.Minute).Build()).Run(op)
}
