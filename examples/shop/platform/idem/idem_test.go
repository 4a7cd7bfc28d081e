package idem

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

func TestReplay(t *testing.T) {
	var calls atomic.Int32
	h := New(NewMemoryStore())(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"n":`+strconv.Itoa(int(n))+`}`)
	}))

	do := func(key string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/v1/charges", strings.NewReader(`{}`))
		if key != "" {
			req.Header.Set(KeyHeader, key)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}

	first := do("k1")
	second := do("k1")
	if calls.Load() != 1 {
		t.Fatalf("handler ran %d times, want 1", calls.Load())
	}
	if second.Code != http.StatusCreated || second.Body.String() != first.Body.String() {
		t.Fatalf("replay = %d %q, want %d %q", second.Code, second.Body, first.Code, first.Body)
	}
	if second.Header().Get(ReplayedHeader) != "true" {
		t.Fatalf("replay is missing %s", ReplayedHeader)
	}
	do("k2")
	do("")
	if calls.Load() != 3 {
		t.Fatalf("handler ran %d times, want 3", calls.Load())
	}
}

func TestServerErrorReleasesKey(t *testing.T) {
	var calls atomic.Int32
	h := New(NewMemoryStore())(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}))
	for range 2 {
		req := httptest.NewRequest(http.MethodPost, "/v1/orders", nil)
		req.Header.Set(KeyHeader, "k")
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	if calls.Load() != 2 {
		t.Fatalf("handler ran %d times, want 2 (a 5xx must not be replayed)", calls.Load())
	}
}

func TestMiddlewareWithoutStoreFailsClosed(t *testing.T) {
	SetDefaultStore(nil)
	h := Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Fatal("handler ran without a store")
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/charges", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status = %d, want 503", rec.Code)
	}
}

func TestBodyTooLargeToBind(t *testing.T) {
	h := New(NewMemoryStore())(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Fatal("handler ran for a body the middleware could not read")
	}))
	req := httptest.NewRequest(http.MethodPost, "/v1/charges", strings.NewReader(strings.Repeat("x", maxBodyLen+1)))
	req.Header.Set(KeyHeader, "k")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status = %d, want 413", rec.Code)
	}
}
