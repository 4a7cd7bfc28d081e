package idemtest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// DefaultKeyHeader is the request header that carries the idempotency key
// unless a Contract names another.
const DefaultKeyHeader = "Idempotency-Key"

// Defaults of a Contract.
const (
	defaultConcurrency    = 8
	defaultConflictStatus = http.StatusConflict
)

// defaultReplayHeaders are the response headers a replay must repeat
// unless a Contract names others.
var defaultReplayHeaders = []string{"Content-Type", "Location"}

// A Scenario is one scenario of the duplicate-injection contract. The
// scenarios are bit flags, so that a set of them is written
// SequentialDuplicate|StoreDown.
type Scenario uint8

// The scenarios, in the order they run.
const (
	SequentialDuplicate  Scenario = 1 << iota // the request twice, one after the other
	ConcurrentDuplicates                      // the request several times at once
	BodyMismatch                              // the key reused with another body
	StoreDown                                 // the request while the dedup store is unavailable
)

// scenarios lists every scenario in the order they run.
var scenarios = []Scenario{SequentialDuplicate, ConcurrentDuplicates, BodyMismatch, StoreDown}

// String names the scenario, or the scenarios of a set joined by "+";
// the empty set is "none".
func (s Scenario) String() string {
	switch s {
	case 0:
		return "none"
	case SequentialDuplicate:
		return "sequential duplicate"
	case ConcurrentDuplicates:
		return "concurrent duplicates"
	case BodyMismatch:
		return "body mismatch"
	case StoreDown:
		return "store down"
	}
	var names []string
	for _, one := range scenarios {
		if s&one != 0 {
			names = append(names, one.String())
		}
	}
	if rest := s &^ (SequentialDuplicate | ConcurrentDuplicates | BodyMismatch | StoreDown); rest != 0 {
		names = append(names, fmt.Sprintf("Scenario(%#x)", uint8(rest)))
	}
	return strings.Join(names, "+")
}

// A Contract is the duplicate-injection contract of one HTTP route: the
// request to duplicate, how to count its side effect and make the dedup
// store unavailable, and what the idempotency middleware answers.
type Contract struct {
	// Method and Path are the request's method and target, such as
	// "POST" and "/v1/charges" (for a route with parameters, a path that
	// matches it: "/v1/carts/c_1/items"). Both are required. idemlint's
	// inventory reads them, when they are constants, to tell which route
	// the test covers.
	Method, Path string
	// Header holds headers sent with every request (Content-Type,
	// credentials); the harness sets the key header itself.
	Header http.Header
	// Body is the request body.
	Body []byte
	// Effects returns how many times the route's side effect has
	// happened so far: the rows it inserted, the messages it published.
	// Required. It is called before and after each scenario, never
	// concurrently, from the goroutine that called TestRoute, so it may
	// call t.Fatal.
	Effects func() int
	// BreakStore makes the dedup store unavailable and returns a function
	// that makes it available again. The StoreDown scenario fails without
	// it, unless skipped.
	BreakStore func() (restore func())
	// FailOpen says that the route is meant to serve requests while the
	// dedup store is down (a route marked //idem:harmless). By default
	// the route must refuse them.
	FailOpen bool
	// MismatchBody is the body of the BodyMismatch scenario. By default it
	// is Body followed by a newline: other bytes, the same JSON value. A
	// middleware that compares parsed bodies needs one that differs in
	// value.
	MismatchBody []byte
	// KeyHeader is the header of the idempotency key; by default
	// DefaultKeyHeader.
	KeyHeader string
	// Concurrency is the number of concurrent duplicates; by default 8.
	Concurrency int
	// ConflictStatus is the status the middleware answers a duplicate
	// with while the first request is in flight; by default 409.
	ConflictStatus int
	// ReplayHeaders are the response headers a replay must repeat when
	// the first response has them; by default Content-Type and Location.
	ReplayHeaders []string
	// Skip is the set of scenarios not to run.
	Skip Scenario
}

// A Result is what one scenario saw.
type Result struct {
	Scenario Scenario
	Skipped  bool
	// Statuses are the status codes of the scenario's responses, in the
	// order the requests were sent, or sorted for requests sent at once
	// (0 for a handler that panicked).
	Statuses []int
	// Errors are the errors the deliveries of a consumer scenario
	// returned, in order, nil for a delivery that succeeded.
	Errors []error
	// Effects is how many times the side effect happened during the
	// scenario.
	Effects int
	// Problem says how the scenario broke the contract; it is "" when the
	// scenario passed or was skipped.
	Problem string
}

// Failed reports whether the scenario broke the contract.
func (r Result) Failed() bool { return r.Problem != "" }

// String describes the result on one line: the scenario, what it saw,
// and its problem or "ok".
func (r Result) String() string {
	if r.Skipped {
		return r.Scenario.String() + ": skipped"
	}
	var b strings.Builder
	b.WriteString(r.Scenario.String() + ": ")
	if len(r.Statuses) > 0 {
		b.WriteString("statuses " + statusList(r.Statuses) + ", ")
	}
	if r.Errors != nil {
		failed := 0
		for _, err := range r.Errors {
			if err != nil {
				failed++
			}
		}
		fmt.Fprintf(&b, "%d deliveries, %d failed, ", len(r.Errors), failed)
	}
	fmt.Fprintf(&b, "side effects %d: ", r.Effects)
	if r.Problem == "" {
		b.WriteString("ok")
	} else {
		b.WriteString(r.Problem)
	}
	return b.String()
}

// Results are the results of a contract, one per scenario in the order
// they run, skipped ones included.
type Results []Result

// Failed returns the set of scenarios that broke the contract.
func (rs Results) Failed() Scenario {
	var s Scenario
	for _, r := range rs {
		if r.Failed() {
			s |= r.Scenario
		}
	}
	return s
}

// TestRoute runs the contract c against h and fails t once for each
// scenario that breaks it, with a message naming the route and the
// scenario; it logs what each scenario saw. An invalid contract (no
// Method, Path or Effects) stops the test.
func TestRoute(t testing.TB, h http.Handler, c Contract) Results {
	t.Helper()
	rs, err := CheckRoute(h, c)
	if err != nil {
		t.Fatalf("idemtest: %v", err)
		return nil
	}
	report(t, c.Method+" "+c.Path, rs)
	return rs
}

// report fails t once per failed result and logs the others that ran.
func report(t testing.TB, name string, rs Results) {
	t.Helper()
	for _, r := range rs {
		switch {
		case r.Failed():
			t.Errorf("idemtest: %s: %s", name, r)
		case !r.Skipped:
			t.Logf("idemtest: %s: %s", name, r)
		}
	}
}

// CheckRoute runs the contract c against h and returns what each scenario
// saw, without a test to fail: to show that a route breaks the contract.
// It returns an error only for an invalid contract.
func CheckRoute(h http.Handler, c Contract) (Results, error) {
	if err := c.init(h); err != nil {
		return nil, err
	}
	run := map[Scenario]func(http.Handler) Result{
		SequentialDuplicate:  c.sequential,
		ConcurrentDuplicates: c.concurrent,
		BodyMismatch:         c.bodyMismatch,
		StoreDown:            c.storeDown,
	}
	var rs Results
	for _, s := range scenarios {
		if c.Skip&s != 0 {
			rs = append(rs, Result{Scenario: s, Skipped: true})
			continue
		}
		r := run[s](h)
		r.Scenario = s
		rs = append(rs, r)
	}
	return rs, nil
}

// init checks c and fills in its defaults.
func (c *Contract) init(h http.Handler) error {
	switch {
	case h == nil:
		return errors.New("no handler")
	case c.Method == "" || c.Path == "":
		return fmt.Errorf("contract %q %q: Method and Path are required", c.Method, c.Path)
	case !strings.HasPrefix(c.Path, "/"):
		return fmt.Errorf("contract %s %s: Path must start with /", c.Method, c.Path)
	case c.Effects == nil:
		return fmt.Errorf("contract %s %s: Effects is required: it counts the route's side effect", c.Method, c.Path)
	case c.Concurrency < 0 || c.Concurrency == 1:
		return fmt.Errorf("contract %s %s: Concurrency %d: want at least 2 (0 for the default)", c.Method, c.Path, c.Concurrency)
	}
	if err := sendable(c.Method, c.Path); err != nil {
		return fmt.Errorf("contract %s %s: %v", c.Method, c.Path, err)
	}
	if c.KeyHeader == "" {
		c.KeyHeader = DefaultKeyHeader
	}
	if c.Concurrency == 0 {
		c.Concurrency = defaultConcurrency
	}
	if c.ConflictStatus == 0 {
		c.ConflictStatus = defaultConflictStatus
	}
	if c.ReplayHeaders == nil {
		c.ReplayHeaders = defaultReplayHeaders
	}
	if c.MismatchBody == nil {
		c.MismatchBody = append(append([]byte(nil), c.Body...), '\n')
	}
	return nil
}

// sendable returns an error when httptest.NewRequest, which panics
// instead, cannot make a request of method and target.
func sendable(method, target string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	httptest.NewRequest(method, target, nil)
	return nil
}

// A response is what the handler answered to one request.
type response struct {
	status int
	header http.Header
	body   []byte
	panic  string // the handler panicked with this value
}

// send serves one request with the idempotency key and body.
func (c *Contract) send(h http.Handler, key string, body []byte) (resp response) {
	req := httptest.NewRequest(c.Method, c.Path, bytes.NewReader(body))
	for k, vs := range c.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	req.Header.Set(c.KeyHeader, key)
	rec := httptest.NewRecorder()
	defer func() {
		if p := recover(); p != nil {
			resp = response{panic: fmt.Sprint(p)}
		}
	}()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	return response{status: res.StatusCode, header: res.Header, body: rec.Body.Bytes()}
}

// during runs f and returns by how much count grew meanwhile.
func during(count func() int, f func()) int {
	before := count()
	f()
	return count() - before
}

// twice sends the request, then the same key with body, and returns
// the responses and a Result with what it saw: the statuses, the side
// effects, and the problem of a handler that panicked.
func (c *Contract) twice(h http.Handler, body []byte) (first, second response, r Result) {
	key := newKey()
	n := during(c.Effects, func() {
		first = c.send(h, key, c.Body)
		second = c.send(h, key, body)
	})
	return first, second, Result{Statuses: statuses(first, second), Effects: n, Problem: panicked(first, second)}
}

// sequential sends the request twice with one key.
func (c *Contract) sequential(h http.Handler) Result {
	first, second, r := c.twice(h, c.Body)
	n := r.Effects
	switch {
	case r.Problem != "":
	case n != 1:
		r.Problem = fmt.Sprintf("the side effect happened %d times, want once", n)
		if n == 0 {
			r.Problem += "; the first response was " + describe(first)
		}
	default:
		if diff := c.replayDiff(first, second); diff != "" {
			r.Problem = "the second response is not a replay of the first: " + diff
		}
	}
	return r
}

// replayDiff says how replay differs from first, or returns "".
func (c *Contract) replayDiff(first, replay response) string {
	if replay.status != first.status {
		return fmt.Sprintf("status %d, want %d", replay.status, first.status)
	}
	if !bytes.Equal(replay.body, first.body) {
		return fmt.Sprintf("body %s, want %s", excerpt(replay.body), excerpt(first.body))
	}
	for _, name := range c.ReplayHeaders {
		want := first.header.Values(name)
		if len(want) == 0 {
			continue
		}
		if got := replay.header.Values(name); strings.Join(got, ", ") != strings.Join(want, ", ") {
			return fmt.Sprintf("header %s %q, want %q", name, strings.Join(got, ", "), strings.Join(want, ", "))
		}
	}
	return ""
}

// concurrent sends Concurrency identical requests with one key at once.
func (c *Contract) concurrent(h http.Handler) Result {
	key := newKey()
	resps := make([]response, c.Concurrency)
	n := during(c.Effects, func() {
		atOnce(len(resps), func(i int) { resps[i] = c.send(h, key, c.Body) })
	})
	r := Result{Statuses: statuses(resps...), Effects: n}
	slices.Sort(r.Statuses)
	served := 0
	var status int
	mixed := false
	for _, resp := range resps {
		if resp.status == c.ConflictStatus {
			continue
		}
		if served > 0 && resp.status != status {
			mixed = true
		}
		served++
		status = resp.status
	}
	switch {
	case panicked(resps...) != "":
		r.Problem = panicked(resps...)
	case n != 1:
		r.Problem = fmt.Sprintf("the side effect happened %d times, want once", n)
	case served == 0:
		r.Problem = fmt.Sprintf("every response was %d: none was served", c.ConflictStatus)
	case mixed:
		r.Problem = fmt.Sprintf("want one status for the served response and its replays, and %d for duplicates in flight", c.ConflictStatus)
	}
	return r
}

// bodyMismatch sends the request, then the same key with another body.
func (c *Contract) bodyMismatch(h http.Handler) Result {
	first, second, r := c.twice(h, c.MismatchBody)
	n := r.Effects
	switch {
	case r.Problem != "":
	case n == 0:
		r.Problem = "the first request had no side effect; it was answered " + describe(first)
	case n > 1:
		r.Problem = fmt.Sprintf("the key with another body ran the side effect again (%d times in all), want an error status", n)
	case c.replayDiff(first, second) == "":
		r.Problem = "the key with another body got a replay of the first response, want an error status"
	case second.status < 400:
		r.Problem = fmt.Sprintf("the key with another body got %d, want an error status", second.status)
	}
	return r
}

// storeDown sends the request while the dedup store is unavailable.
func (c *Contract) storeDown(h http.Handler) Result {
	if c.BreakStore == nil {
		return Result{Problem: "the contract has no BreakStore to make the dedup store unavailable; set one, or skip the scenario"}
	}
	var resp response
	n := during(c.Effects, func() {
		restore := c.BreakStore()
		defer restore()
		resp = c.send(h, newKey(), c.Body)
	})
	r := Result{Statuses: statuses(resp), Effects: n}
	switch {
	case resp.panic != "":
		r.Problem = panicked(resp)
	case c.FailOpen && (n != 1 || resp.status >= 400):
		r.Problem = fmt.Sprintf("the route is meant to fail open, but with the store down the request was answered %s with %d side effects, want it served once", describe(resp), n)
	case !c.FailOpen && (n != 0 || resp.status < 500):
		r.Problem = fmt.Sprintf("with the store down the request was answered %s with %d side effects, want it refused (a server error such as 503) with none: the route fails open", describe(resp), n)
	}
	return r
}

// atOnce calls f(0), ..., f(n-1) on n goroutines released together, and
// returns when every call has.
func atOnce(n int, f func(i int)) {
	var ready, done sync.WaitGroup
	ready.Add(n)
	start := make(chan struct{})
	for i := range n {
		done.Go(func() {
			ready.Done()
			<-start
			f(i)
		})
	}
	ready.Wait()
	close(start)
	done.Wait()
}

// newKey returns a fresh idempotency key.
func newKey() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // never fails
	return "idemtest-" + hex.EncodeToString(b[:])
}

func statuses(resps ...response) []int {
	out := make([]int, len(resps))
	for i, r := range resps {
		out[i] = r.status
	}
	return out
}

// panicked describes the first panic among resps, or returns "".
func panicked(resps ...response) string {
	for _, r := range resps {
		if r.panic != "" {
			return "the handler panicked: " + r.panic
		}
	}
	return ""
}

// describe names a response by its status and the start of its body.
func describe(r response) string {
	if len(r.body) == 0 {
		return fmt.Sprint(r.status)
	}
	return fmt.Sprintf("%d %s", r.status, excerpt(r.body))
}

// excerpt quotes the start of a body.
func excerpt(body []byte) string {
	const max = 80
	if len(body) > max {
		return fmt.Sprintf("%q...", body[:max])
	}
	return fmt.Sprintf("%q", body)
}

// statusList formats statuses compactly: "201 409×7".
func statusList(ss []int) string {
	var parts []string
	for i := 0; i < len(ss); {
		j := i + 1
		for j < len(ss) && ss[j] == ss[i] {
			j++
		}
		if j-i > 1 {
			parts = append(parts, fmt.Sprintf("%d×%d", ss[i], j-i))
		} else {
			parts = append(parts, fmt.Sprint(ss[i]))
		}
		i = j
	}
	return strings.Join(parts, " ")
}
