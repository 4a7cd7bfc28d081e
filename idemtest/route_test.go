package idemtest_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/idemlint/idemlint/idemtest"
)

// all is every scenario of a route's contract.
const all = idemtest.SequentialDuplicate | idemtest.ConcurrentDuplicates | idemtest.BodyMismatch | idemtest.StoreDown

// A recordingTB is a testing.TB that records failures instead of failing
// the test, so that a test can check what TestRoute reports.
type recordingTB struct {
	testing.TB
	errors []string
	fatal  string
}

func (r *recordingTB) Helper()             {}
func (r *recordingTB) Logf(string, ...any) {}
func (r *recordingTB) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recordingTB) Fatalf(format string, args ...any) { r.fatal = fmt.Sprintf(format, args...) }

// failed returns the scenarios whose failure messages r recorded, and
// fails t on a message that names no scenario or the wrong route.
func (r *recordingTB) failed(t *testing.T, route string) idemtest.Scenario {
	t.Helper()
	var s idemtest.Scenario
	for _, msg := range r.errors {
		found := false
		for _, one := range []idemtest.Scenario{idemtest.SequentialDuplicate, idemtest.ConcurrentDuplicates, idemtest.BodyMismatch, idemtest.StoreDown} {
			if strings.HasPrefix(msg, "idemtest: "+route+": "+one.String()+": ") {
				s |= one
				found = true
			}
		}
		if !found {
			t.Errorf("failure message names no scenario of %s: %s", route, msg)
		}
	}
	return s
}

// A charges is a route that records a charge per request it serves, a
// little slowly, as real handlers do, so that concurrent duplicates
// overlap.
type charges struct{ n atomic.Int64 }

func (c *charges) count() int { return int(c.n.Load()) }

func (c *charges) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	time.Sleep(20 * time.Millisecond)
	n := c.n.Add(1)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Location", fmt.Sprintf("/v1/charges/ch_%d", n))
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, `{"id":"ch_%d","request":%q}`, n, body)
}

// chargeContract is the contract of the charges route served by d.
func chargeContract(c *charges, d *memoryDedup) idemtest.Contract {
	return idemtest.Contract{
		Method:     http.MethodPost,
		Path:       "/v1/charges",
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       []byte(`{"amount":1000}`),
		Effects:    c.count,
		BreakStore: d.breakStore,
	}
}

// TestEachBugFailsItsScenario runs the contract through TestRoute against
// a correct middleware and against middlewares with one bug each, and
// checks that exactly the scenarios each bug breaks fail, naming
// themselves.
func TestEachBugFailsItsScenario(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		dedup    *memoryDedup // nil: no idempotency middleware at all
		failOpen bool         // the route is meant to fail open
		want     idemtest.Scenario
	}{
		{name: "correct", dedup: &memoryDedup{}},
		{name: "correct, meant to fail open", dedup: &memoryDedup{failOpen: true}, failOpen: true},
		{name: "no dedup", want: all},
		{name: "check then set", dedup: &memoryDedup{checkThenSet: true}, want: idemtest.ConcurrentDuplicates},
		{name: "replay drops the body", dedup: &memoryDedup{dropBody: true}, want: idemtest.SequentialDuplicate},
		{name: "key not bound to the body", dedup: &memoryDedup{unbound: true}, want: idemtest.BodyMismatch},
		{name: "fails open on a route that must not", dedup: &memoryDedup{failOpen: true}, want: idemtest.StoreDown},
		{name: "fails closed on a route meant to fail open", dedup: &memoryDedup{}, failOpen: true, want: idemtest.StoreDown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			route := &charges{}
			var h http.Handler = route
			c := chargeContract(route, &memoryDedup{})
			if tc.dedup != nil {
				h = tc.dedup.wrap(route)
				c.BreakStore = tc.dedup.breakStore
			} else {
				c.BreakStore = func() func() { return func() {} }
			}
			c.FailOpen = tc.failOpen
			rec := &recordingTB{TB: t}
			rs := idemtest.TestRoute(rec, h, c)
			if rec.fatal != "" {
				t.Fatalf("the contract is invalid: %s", rec.fatal)
			}
			if got := rec.failed(t, "POST /v1/charges"); got != tc.want {
				t.Errorf("TestRoute failed %s, want %s\n%s", got, tc.want, strings.Join(rec.errors, "\n"))
			}
			if got := rs.Failed(); got != tc.want {
				t.Errorf("Results.Failed() = %s, want %s", got, tc.want)
			}
			if len(rs) != 4 {
				t.Fatalf("got %d results, want one per scenario", len(rs))
			}
			for i, r := range rs {
				if r.Scenario != 1<<i || r.Skipped || len(r.Statuses) == 0 {
					t.Errorf("result %d: %+v, want scenario %s run with its statuses", i, r, idemtest.Scenario(1<<i))
				}
			}
		})
	}
}

// TestResultsSayWhatTheySaw checks the statuses, side effects and
// problems the scenarios report.
func TestResultsSayWhatTheySaw(t *testing.T) {
	t.Parallel()
	route := &charges{}
	d := &memoryDedup{}
	rs, err := idemtest.CheckRoute(d.wrap(route), chargeContract(route, d))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"sequential duplicate: statuses 201×2, side effects 1: ok",
		"concurrent duplicates: statuses 201 409×7, side effects 1: ok",
		"body mismatch: statuses 201 422, side effects 1: ok",
		"store down: statuses 503, side effects 0: ok",
	}
	for i, r := range rs {
		got := r.String()
		// Late duplicates of the concurrent scenario may be replays.
		if r.Scenario == idemtest.ConcurrentDuplicates && strings.HasPrefix(got, "concurrent duplicates: statuses 201") {
			got = want[i]
		}
		if got != want[i] {
			t.Errorf("result %d = %q, want %q", i, got, want[i])
		}
	}

	rs, err = idemtest.CheckRoute(route, chargeContract(route, d))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{
		"sequential duplicate: statuses 201×2, side effects 2: the side effect happened 2 times, want once",
		"concurrent duplicates: statuses 201×8, side effects 8: the side effect happened 8 times, want once",
		"body mismatch: statuses 201×2, side effects 2: the key with another body ran the side effect again (2 times in all), want an error status",
		"store down: statuses 201, side effects 1: with the store down the request was answered 201 ",
	} {
		if got := rs[i].String(); !strings.HasPrefix(got, want) {
			t.Errorf("without middleware, result %d = %q, want %q...", i, got, want)
		}
	}
}

// TestReplayHeaders checks that a replay must repeat the headers that
// matter and may differ in the others.
func TestReplayHeaders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, header  string
		replayHeaders []string
		fails         bool
	}{
		{name: "content type changed", header: "Content-Type", fails: true},
		{name: "location changed", header: "Location", fails: true},
		{name: "date changed", header: "Date"},
		{name: "a header named in ReplayHeaders", header: "X-Charge-Version", replayHeaders: []string{"X-Charge-Version"}, fails: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			route := &charges{}
			d := &memoryDedup{}
			var served atomic.Int64
			inner := d.wrap(route)
			// Each response, replay or not, gets its own value of the header.
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				inner.ServeHTTP(&headerSetter{ResponseWriter: w, name: tc.header, value: fmt.Sprint(served.Add(1))}, r)
			})
			c := chargeContract(route, d)
			c.ReplayHeaders = tc.replayHeaders
			c.Skip = all &^ idemtest.SequentialDuplicate
			rs, err := idemtest.CheckRoute(h, c)
			if err != nil {
				t.Fatal(err)
			}
			if rs[0].Failed() != tc.fails {
				t.Errorf("sequential duplicate failed = %v, want %v: %s", rs[0].Failed(), tc.fails, rs[0])
			}
			if tc.fails && !strings.Contains(rs[0].Problem, "header "+tc.header) {
				t.Errorf("problem %q does not name header %s", rs[0].Problem, tc.header)
			}
		})
	}
}

// A headerSetter sets one header to its value as the response is
// written, whatever the handler set.
type headerSetter struct {
	http.ResponseWriter
	name, value string
}

func (s *headerSetter) WriteHeader(status int) {
	s.Header().Set(s.name, s.value)
	s.ResponseWriter.WriteHeader(status)
}

// TestOptions checks the key header, conflict status and concurrency
// options, and that each scenario uses a fresh key.
func TestOptions(t *testing.T) {
	t.Parallel()
	route := &charges{}
	d := &memoryDedup{keyHeader: "X-Request-Key", conflict: http.StatusTooEarly}
	var mu sync.Mutex
	keys := make(map[string]int)
	inner := d.wrap(route)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		keys[r.Header.Get("X-Request-Key")]++
		mu.Unlock()
		inner.ServeHTTP(w, r)
	})
	c := chargeContract(route, d)
	c.KeyHeader = "X-Request-Key"
	c.ConflictStatus = http.StatusTooEarly
	c.Concurrency = 3
	rs, err := idemtest.CheckRoute(h, c)
	if err != nil {
		t.Fatal(err)
	}
	if f := rs.Failed(); f != 0 {
		t.Errorf("with the middleware's key header and conflict status, %s failed: %v", f, rs)
	}
	if n := len(rs[1].Statuses); n != 3 {
		t.Errorf("the concurrent scenario sent %d requests, want 3", n)
	}
	// 2 sequential, 3 concurrent, 2 with another body, 1 with the store down.
	counts := make([]int, 0, len(keys))
	for k, n := range keys {
		if !strings.HasPrefix(k, "idemtest-") {
			t.Errorf("key %q", k)
		}
		counts = append(counts, n)
	}
	if len(keys) != 4 {
		t.Errorf("requests per key %v, want a fresh key per scenario", counts)
	}

	// The near misses: the default key header, which the middleware does
	// not read, and the default conflict status, which it does not use.
	c.KeyHeader = ""
	if rs, _ := idemtest.CheckRoute(h, c); rs.Failed()&idemtest.SequentialDuplicate == 0 {
		t.Errorf("a key in a header the middleware does not read passed: %v", rs)
	}
	c.KeyHeader, c.ConflictStatus = "X-Request-Key", 0
	if rs, _ := idemtest.CheckRoute(h, c); rs.Failed() != idemtest.ConcurrentDuplicates {
		t.Errorf("in-flight duplicates answered 425 passed as 409s: %v", rs)
	}
}

// TestSkip checks that skipped scenarios do not run, and that the store
// down scenario needs a hook unless skipped.
func TestSkip(t *testing.T) {
	t.Parallel()
	route := &charges{}
	d := &memoryDedup{}
	c := chargeContract(route, d)
	c.BreakStore = nil
	c.Skip = idemtest.ConcurrentDuplicates | idemtest.BodyMismatch
	rs, err := idemtest.CheckRoute(d.wrap(route), c)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Skipped || !rs[1].Skipped || !rs[2].Skipped || rs[3].Skipped {
		t.Errorf("skipped: %v", rs)
	}
	if rs[1].String() != "concurrent duplicates: skipped" || rs[1].Failed() {
		t.Errorf("a skipped scenario: %q", rs[1])
	}
	if route.count() != 1 {
		t.Errorf("%d side effects, want 1: skipped scenarios sent requests", route.count())
	}
	if rs.Failed() != idemtest.StoreDown || !strings.Contains(rs[3].Problem, "no BreakStore") {
		t.Errorf("store down without a hook: %v", rs[3])
	}
	c.Skip |= idemtest.StoreDown
	if rs, _ := idemtest.CheckRoute(d.wrap(route), c); rs.Failed() != 0 {
		t.Errorf("store down skipped: %v", rs)
	}
}

// TestInvalidContract checks that an incomplete contract is an error,
// and stops the test under TestRoute.
func TestInvalidContract(t *testing.T) {
	t.Parallel()
	route := &charges{}
	valid := chargeContract(route, &memoryDedup{})
	for name, edit := range map[string]func(*idemtest.Contract){
		"no method":         func(c *idemtest.Contract) { c.Method = "" },
		"no path":           func(c *idemtest.Contract) { c.Path = "" },
		"relative path":     func(c *idemtest.Contract) { c.Path = "v1/charges" },
		"no effects":        func(c *idemtest.Contract) { c.Effects = nil },
		"one duplicate":     func(c *idemtest.Contract) { c.Concurrency = 1 },
		"invalid method":    func(c *idemtest.Contract) { c.Method = "PO ST" },
		"space in the path": func(c *idemtest.Contract) { c.Path = "/v1/char ges" },
		"negative requests": func(c *idemtest.Contract) { c.Concurrency = -2 },
	} {
		c := valid
		edit(&c)
		if _, err := idemtest.CheckRoute(route, c); err == nil {
			t.Errorf("%s: no error", name)
		}
		rec := &recordingTB{TB: t}
		if rs := idemtest.TestRoute(rec, route, c); rec.fatal == "" || rs != nil {
			t.Errorf("%s: TestRoute did not stop the test", name)
		}
	}
	if _, err := idemtest.CheckRoute(nil, valid); err == nil {
		t.Error("no handler: no error")
	}
	if route.count() != 0 {
		t.Errorf("an invalid contract sent requests")
	}
}

// TestPanickingHandler checks that a panic fails the scenarios instead of
// the test binary.
func TestPanickingHandler(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		panic("boom")
	})
	rs, err := idemtest.CheckRoute(h, idemtest.Contract{
		Method: "POST", Path: "/v1/charges", Effects: func() int { return int(n.Load()) },
		BreakStore: func() func() { return func() {} },
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Problem != "the handler panicked: boom" {
			t.Errorf("%s", r)
		}
	}
}

func TestScenarioString(t *testing.T) {
	t.Parallel()
	for s, want := range map[idemtest.Scenario]string{
		0:                             "none",
		idemtest.BodyMismatch:         "body mismatch",
		all:                           "sequential duplicate+concurrent duplicates+body mismatch+store down",
		idemtest.StoreDown | 1<<6:     "store down+Scenario(0x40)",
		idemtest.ConcurrentDuplicates: "concurrent duplicates",
	} {
		if got := s.String(); got != want {
			t.Errorf("Scenario(%#x) = %q, want %q", uint8(s), got, want)
		}
	}
}
