package idemtest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/idemlint/idemlint/idemtest"
)

// A refund is a queue message.
type refund struct{ ID string }

// A refunds consumer applies refunds, claiming each message id first
// unless a bug switch says otherwise.
type refunds struct {
	noDedup       bool // apply every delivery
	checkThenSet  bool // mark a message seen only once applied
	failDuplicate bool // return an error for a message seen before

	applied atomic.Int64
	mu      sync.Mutex
	seen    map[string]bool
}

func (c *refunds) count() int { return int(c.applied.Load()) }

func (c *refunds) handle(ctx context.Context, m refund) error {
	if !c.noDedup {
		c.mu.Lock()
		if c.seen == nil {
			c.seen = make(map[string]bool)
		}
		dup := c.seen[m.ID]
		if !c.checkThenSet {
			c.seen[m.ID] = true
		}
		c.mu.Unlock()
		if dup && c.failDuplicate {
			return errors.New("duplicate message")
		}
		if dup {
			return nil
		}
	}
	time.Sleep(20 * time.Millisecond)
	c.applied.Add(1)
	if c.checkThenSet {
		c.mu.Lock()
		c.seen[m.ID] = true
		c.mu.Unlock()
	}
	return nil
}

// newRefund returns a message with a new id on each call.
func newRefund() func() refund {
	var n atomic.Int64
	return func() refund { return refund{ID: fmt.Sprintf("re_%d", n.Add(1))} }
}

func TestConsumerEachBugFailsItsScenario(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		consumer *refunds
		want     idemtest.Scenario
		problem  string
	}{
		{name: "correct", consumer: &refunds{}},
		{name: "no dedup", consumer: &refunds{noDedup: true}, want: idemtest.SequentialDuplicate | idemtest.ConcurrentDuplicates, problem: "happened 2 times"},
		{name: "check then set", consumer: &refunds{checkThenSet: true}, want: idemtest.ConcurrentDuplicates, problem: "happened 8 times"},
		{name: "redelivery not acknowledged", consumer: &refunds{failDuplicate: true}, want: idemtest.SequentialDuplicate, problem: "the redelivery failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := &recordingTB{TB: t}
			rs := idemtest.TestConsumer(rec, tc.consumer.handle, newRefund(), idemtest.Redelivery{Effects: tc.consumer.count})
			if rec.fatal != "" {
				t.Fatal(rec.fatal)
			}
			if got := rec.failed(t, "consumer"); got != tc.want || rs.Failed() != tc.want {
				t.Errorf("failed %s (results: %s), want %s\n%s", got, rs.Failed(), tc.want, strings.Join(rec.errors, "\n"))
			}
			if tc.problem != "" && !strings.Contains(strings.Join(rec.errors, "\n"), tc.problem) {
				t.Errorf("no failure says %q:\n%s", tc.problem, strings.Join(rec.errors, "\n"))
			}
			if len(rs) != 2 || len(rs[0].Errors) != 2 || len(rs[1].Errors) != 8 {
				t.Errorf("want 2 then 8 deliveries: %v", rs)
			}
		})
	}
}

func TestConsumerOptions(t *testing.T) {
	t.Parallel()
	c := &refunds{}
	rs, err := idemtest.CheckConsumer(c.handle, newRefund(), idemtest.Redelivery{Effects: c.count, Concurrency: 3, Skip: idemtest.SequentialDuplicate})
	if err != nil {
		t.Fatal(err)
	}
	if !rs[0].Skipped || len(rs[1].Errors) != 3 || rs.Failed() != 0 || c.count() != 1 {
		t.Errorf("got %v with %d side effects, want the sequential scenario skipped and 3 deliveries", rs, c.count())
	}
	if got := rs[1].String(); got != "concurrent duplicates: 3 deliveries, 0 failed, side effects 1: ok" {
		t.Errorf("result = %q", got)
	}

	for name, r := range map[string]idemtest.Redelivery{
		"no effects":       {},
		"one delivery":     {Effects: c.count, Concurrency: 1},
		"an HTTP scenario": {Effects: c.count, Skip: idemtest.StoreDown},
	} {
		if _, err := idemtest.CheckConsumer(c.handle, newRefund(), r); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := idemtest.CheckConsumer(nil, newRefund(), idemtest.Redelivery{Effects: c.count}); err == nil {
		t.Error("no handler: no error")
	}
}

func TestConsumerPanics(t *testing.T) {
	t.Parallel()
	handle := func(context.Context, refund) error { panic("boom") }
	rs, err := idemtest.CheckConsumer(handle, newRefund(), idemtest.Redelivery{Effects: func() int { return 0 }})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if !r.Failed() || r.Errors[0] == nil || !strings.Contains(r.Errors[0].Error(), "panicked: boom") {
			t.Errorf("%s", r)
		}
	}
}
