package idemtest_test

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
)

// A memoryDedup is a small idempotency middleware over an in-process map,
// correct unless one of its bug switches is on: the test double the
// harness is checked against. The example service's tests check the
// harness against the platform middleware with a real store.
type memoryDedup struct {
	// Bugs, each breaking one scenario of the contract.
	checkThenSet bool // claim a key only once its response is recorded
	dropBody     bool // replay the status and headers, not the body
	unbound      bool // replay whatever the body of the retry
	failOpen     bool // serve requests while the store is down

	keyHeader string // by default Idempotency-Key
	conflict  int    // the status of a duplicate in flight; by default 409

	down atomic.Bool // the store is unavailable
	mu   sync.Mutex
	keys map[string]*memoryEntry
}

type memoryEntry struct {
	digest [sha256.Size]byte
	done   bool
	status int
	header http.Header
	body   []byte
}

// breakStore is a Contract.BreakStore for d.
func (d *memoryDedup) breakStore() (restore func()) {
	d.down.Store(true)
	return func() { d.down.Store(false) }
}

func (d *memoryDedup) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		keyHeader, conflict := cmp.Or(d.keyHeader, "Idempotency-Key"), cmp.Or(d.conflict, http.StatusConflict)
		key := r.Header.Get(keyHeader)
		if key == "" {
			next.ServeHTTP(w, r)
			return
		}
		if d.down.Load() {
			if d.failOpen {
				next.ServeHTTP(w, r)
			} else {
				http.Error(w, "idempotency store unavailable", http.StatusServiceUnavailable)
			}
			return
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		digest := sha256.Sum256(body)

		d.mu.Lock()
		if d.keys == nil {
			d.keys = make(map[string]*memoryEntry)
		}
		e := d.keys[key]
		switch {
		case e == nil || d.checkThenSet && !e.done:
			e = &memoryEntry{digest: digest}
			if !d.checkThenSet {
				d.keys[key] = e
			}
		case !d.unbound && e.digest != digest:
			d.mu.Unlock()
			http.Error(w, "key reused with another body", http.StatusUnprocessableEntity)
			return
		case !e.done:
			d.mu.Unlock()
			http.Error(w, "in flight", conflict)
			return
		default:
			d.mu.Unlock()
			for k, v := range e.header {
				w.Header()[k] = v
			}
			w.WriteHeader(e.status)
			if !d.dropBody {
				_, _ = w.Write(e.body)
			}
			return
		}
		d.mu.Unlock()

		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		d.mu.Lock()
		e.done, e.status, e.header, e.body = true, rec.Code, rec.Header().Clone(), rec.Body.Bytes()
		d.keys[key] = e
		d.mu.Unlock()
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	})
}
