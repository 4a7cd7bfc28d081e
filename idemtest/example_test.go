package idemtest_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/idemlint/idemlint/idemtest"
)

// A route served without idempotency middleware breaks the contract: a
// retry charges the customer again. In a test, TestRoute(t, h, c) fails
// the test with these results; CheckRoute returns them.
func ExampleCheckRoute() {
	var charges atomic.Int64
	createCharge := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := charges.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"id":"ch_%d"}`, n)
	})
	results, err := idemtest.CheckRoute(createCharge, idemtest.Contract{
		Method:  http.MethodPost,
		Path:    "/v1/charges",
		Body:    []byte(`{"amount":1000,"currency":"eur"}`),
		Effects: func() int { return int(charges.Load()) },
		Skip:    idemtest.ConcurrentDuplicates | idemtest.StoreDown,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range results {
		fmt.Println(r)
	}
	// Output:
	// sequential duplicate: statuses 201×2, side effects 2: the side effect happened 2 times, want once
	// concurrent duplicates: skipped
	// body mismatch: statuses 201×2, side effects 2: the key with another body ran the side effect again (2 times in all), want an error status
	// store down: skipped
}

// A consumer that claims each message id before applying it passes the
// redelivery contract. In a test, TestConsumer(t, handle, message, r)
// fails the test when it does not.
func ExampleCheckConsumer() {
	type refundRequested struct{ RefundID string }
	var (
		mu      sync.Mutex
		claimed = make(map[string]bool)
		applied atomic.Int64
		next    atomic.Int64
	)
	handle := func(ctx context.Context, m refundRequested) error {
		mu.Lock()
		fresh := !claimed[m.RefundID]
		claimed[m.RefundID] = true
		mu.Unlock()
		if fresh {
			applied.Add(1)
		}
		return nil
	}
	message := func() refundRequested {
		return refundRequested{RefundID: fmt.Sprint("re_", next.Add(1))}
	}
	results, err := idemtest.CheckConsumer(handle, message, idemtest.Redelivery{
		Effects: func() int { return int(applied.Load()) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range results {
		fmt.Println(r)
	}
	// Output:
	// sequential duplicate: 2 deliveries, 0 failed, side effects 1: ok
	// concurrent duplicates: 8 deliveries, 0 failed, side effects 1: ok
}

// A client whose transport sends every POST with an idempotency key twice:
// the route's dedup answers the second from the first, so the side effect
// stays flat while Duplicated climbs.
func ExampleDuplicator_Transport() {
	var (
		mu      sync.Mutex
		answers = make(map[string]string)
		events  int
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		key := r.Header.Get("Idempotency-Key")
		if _, seen := answers[key]; !seen {
			events++
			answers[key] = fmt.Sprintf("event %d", events)
		}
		io.WriteString(w, answers[key])
	}))
	defer srv.Close()

	d := &idemtest.Duplicator{Fraction: 1}
	client := &http.Client{Transport: d.Transport(nil)}
	for _, key := range []string{"k1", "k2"} {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/events", strings.NewReader(`{"name":"view"}`))
		req.Header.Set("Idempotency-Key", key)
		resp, err := client.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(string(body))
	}
	fmt.Println("duplicated:", d.Duplicated(), "side effects:", events)
	// Output:
	// event 1
	// event 2
	// duplicated: 2 side effects: 2
}
