package loops

import (
	"context"
	"errors"
	"time"
)

func publish(ctx context.Context) error { return nil }

func forever(ctx context.Context) {
	for { // want `idembudget: retry loop has no bound \(it goes round until the call succeeds: an outage becomes a retry storm\)`
		if err := publish(ctx); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

func foreverAtOnce(ctx context.Context) {
	for { // want `idembudget: retry loop has no bound` `idembudget: retry loop has no backoff between attempts \(it tries again at once, hammering a failing dependency\)`
		err := publish(ctx)
		if err != nil {
			continue
		}
		break
	}
}

func boundedAtOnce(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ { // want `idembudget: retry loop has no backoff between attempts`
		if err = publish(ctx); err == nil {
			return nil
		}
	}
	return err
}

// good is bounded and sleeps.
func good(ctx context.Context) error {
	var err error
	for attempt := range 5 {
		if err = publish(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Duration(1<<attempt) * 100 * time.Millisecond)
	}
	return err
}

// variable bound: benefit of the doubt.
func variable(ctx context.Context, max int) error {
	var err error
	for attempt := 0; attempt < max; attempt++ {
		if err = publish(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return err
}

// ctxBounded stops when the context is done.
func ctxBounded(ctx context.Context) error {
	for {
		if err := publish(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// counted gives up after a count checked inside.
func counted(ctx context.Context) error {
	attempts := 0
	for {
		err := publish(ctx)
		if err == nil {
			return nil
		}
		attempts++
		if attempts > 5 {
			return errors.New("gave up")
		}
		time.Sleep(time.Second)
	}
}

// server loops are not retries.
func serve(ctx context.Context, work <-chan int) {
	for {
		if err := publish(ctx); err != nil {
			continue
		}
	}
}

func dial(addr string) error { return nil }

// failover tries each address once: not a retry.
func failover(addrs []string) error {
	var err error
	for i := 0; i < len(addrs); i++ {
		if err = dial(addrs[i]); err == nil {
			return nil
		}
	}
	return err
}

func randomScalar() (int, error) { return 0, nil }

// sample retries until a random value is valid: no dependency, not a
// retry storm.
func sample() int {
	for {
		v, err := randomScalar()
		if err == nil {
			return v
		}
	}
}

// untilNil goes round while the call fails, with no bound.
func untilNil(ctx context.Context) {
	err := publish(ctx)
	for err != nil { // want `idembudget: retry loop has no bound`
		time.Sleep(time.Second)
		err = publish(ctx)
	}
}

// countedCond bounds the attempts in its condition.
func countedCond(ctx context.Context) error {
	err := publish(ctx)
	for i := 0; i < 3 && err != nil; i++ {
		time.Sleep(time.Second)
		err = publish(ctx)
	}
	return err
}
