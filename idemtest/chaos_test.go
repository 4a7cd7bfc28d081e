package idemtest_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/idemlint/idemlint/idemtest"
)

// A requestLog records the method, key and body of each request that
// reaches it.
type requestLog struct {
	mu   sync.Mutex
	seen []string
}

func (l *requestLog) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		l.mu.Lock()
		l.seen = append(l.seen, r.Method+" "+r.Header.Get("Idempotency-Key")+" "+string(body))
		l.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

func (l *requestLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.seen, "\n")
}

// chaosRequests are sent through a Duplicator: only the two POST and
// PATCH requests with a key are eligible.
var chaosRequests = []struct{ method, key, body string }{
	{"POST", "k1", `{"amount":1}`},
	{"PATCH", "k2", `{"amount":2}`},
	{"POST", "", `{"amount":3}`},
	{"PUT", "k4", `{"amount":4}`},
	{"GET", "k5", ""},
}

// TestDuplicator sends requests through the Duplicator's transport to a
// server, and to a server through its middleware, and checks what reached
// the route and what the client got.
func TestDuplicator(t *testing.T) {
	t.Parallel()
	for _, side := range []string{"transport", "middleware"} {
		for _, tc := range []struct {
			fraction float64
			want     string // the requests that reached the route
		}{
			{0, "POST k1 {\"amount\":1}\nPATCH k2 {\"amount\":2}\nPOST  {\"amount\":3}\nPUT k4 {\"amount\":4}\nGET k5 "},
			{1, "POST k1 {\"amount\":1}\nPOST k1 {\"amount\":1}\nPATCH k2 {\"amount\":2}\nPATCH k2 {\"amount\":2}\nPOST  {\"amount\":3}\nPUT k4 {\"amount\":4}\nGET k5 "},
		} {
			route := &charges{}
			dedup := &memoryDedup{}
			log := &requestLog{}
			d := &idemtest.Duplicator{Fraction: tc.fraction}
			var h http.Handler = dedup.wrap(log.wrap(route))
			client := &http.Client{Transport: d.Transport(nil)}
			if side == "middleware" {
				h, client = d.Middleware(log.wrap(dedup.wrap(route))), http.DefaultClient
			}
			srv := httptest.NewServer(h)
			for _, r := range chaosRequests {
				req, err := http.NewRequest(r.method, srv.URL+"/v1/charges", strings.NewReader(r.body))
				if err != nil {
					t.Fatal(err)
				}
				if r.key != "" {
					req.Header.Set("Idempotency-Key", r.key)
				}
				resp, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if want := `"request":` + `"` + strings.ReplaceAll(r.body, `"`, `\"`) + `"`; r.method != "GET" && !strings.Contains(string(body), want) {
					t.Errorf("%s, fraction %v: %s %s got %s, want the route's answer to its body", side, tc.fraction, r.method, r.key, body)
				}
			}
			srv.Close()
			if side == "middleware" {
				// The log is inside the Duplicator, outside the dedup.
				if got := log.String(); got != tc.want {
					t.Errorf("%s, fraction %v: the route got\n%s\nwant\n%s", side, tc.fraction, got, tc.want)
				}
			} else if got, want := strings.Count(log.String(), "\n")+1, 5; got != want {
				// The log is inside the dedup: duplicates do not reach it.
				t.Errorf("%s, fraction %v: %d requests reached the route, want %d:\n%s", side, tc.fraction, got, want, log)
			}
			if want := int64(2 * tc.fraction); d.Duplicated() != want {
				t.Errorf("%s, fraction %v: Duplicated() = %d, want %d", side, tc.fraction, d.Duplicated(), want)
			}
			// GET, PUT and the request without a key ran once, and so did
			// each duplicated request.
			if route.count() != 5 {
				t.Errorf("%s, fraction %v: %d side effects, want 5", side, tc.fraction, route.count())
			}
		}
	}
}

// TestDuplicatorFraction checks that a fraction duplicates about that
// share of the eligible requests.
func TestDuplicatorFraction(t *testing.T) {
	t.Parallel()
	d := &idemtest.Duplicator{Fraction: 0.25, KeyHeader: "X-Key"}
	var served int
	h := d.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { served++ }))
	const n = 2000
	for range n {
		req := httptest.NewRequest("POST", "/v1/events", nil)
		req.Header.Set("X-Key", "k")
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	if got := d.Duplicated(); got < n/8 || got > n*3/8 || served != n+int(got) {
		t.Errorf("duplicated %d of %d requests (served %d), want about a quarter", got, n, served)
	}
}

// TestDuplicatorLargeBody checks that a body too large to keep is passed
// on whole, once.
func TestDuplicatorLargeBody(t *testing.T) {
	t.Parallel()
	d := &idemtest.Duplicator{Fraction: 1}
	large := strings.Repeat("x", 1<<20+10)
	var got []int
	h := d.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got = append(got, len(body))
	}))
	req := httptest.NewRequest("POST", "/v1/uploads", strings.NewReader(large))
	req.Header.Set("Idempotency-Key", "k")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if len(got) != 1 || got[0] != len(large) || d.Duplicated() != 0 {
		t.Errorf("bodies served %v, duplicated %d; want the whole body once", got, d.Duplicated())
	}
}
