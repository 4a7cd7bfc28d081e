package idemtest

import (
	"bytes"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
)

// maxDuplicatedBody is the largest request body a Duplicator re-sends;
// a request with a larger one is passed on once.
const maxDuplicatedBody = 1 << 20

// A Duplicator re-sends a fraction of the POST and PATCH requests that
// carry an idempotency key, with the same key and body, as a retrying
// client or proxy would: in staging, the dedup hits of the idempotency
// middleware should climb by Duplicated while side effects stay flat.
// Requests without the key are passed on once, as the middleware lets
// them through. A Duplicator is safe for concurrent use; its fields must
// not change once it is in use.
type Duplicator struct {
	// Fraction is the share of eligible requests to send twice, from 0
	// (none) to 1 (all).
	Fraction float64
	// KeyHeader is the header of the idempotency key; by default
	// DefaultKeyHeader.
	KeyHeader string

	duplicated atomic.Int64
}

// Duplicated returns how many requests the Duplicator has sent twice.
func (d *Duplicator) Duplicated() int64 { return d.duplicated.Load() }

// Transport returns an http.RoundTripper that sends each chosen request
// twice through base (http.DefaultTransport when nil) and returns the
// response to the second, a replay when the server deduplicates: as if
// the first response had been lost and the client had retried.
func (d *Duplicator) Transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return roundTripper(func(req *http.Request) (*http.Response, error) {
		body, rest, ok := d.choose(req)
		if !ok {
			if rest != nil {
				req = req.Clone(req.Context())
				req.Body = rest
			}
			return base.RoundTrip(req)
		}
		if resp, err := base.RoundTrip(withBody(req, body)); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		d.duplicated.Add(1)
		return base.RoundTrip(withBody(req, body))
	})
}

// withBody returns a copy of req that sends body.
func withBody(req *http.Request, body []byte) *http.Request {
	c := req.Clone(req.Context())
	c.ContentLength = int64(len(body))
	c.GetBody = func() (io.ReadCloser, error) {
		if len(body) == 0 {
			return http.NoBody, nil
		}
		return io.NopCloser(bytes.NewReader(body)), nil
	}
	c.Body, _ = c.GetBody()
	return c
}

// Middleware returns HTTP middleware that serves each chosen request
// twice: first to a response that is thrown away, then to the client,
// which gets the replay when next deduplicates. Put it outside the
// idempotency middleware.
func (d *Duplicator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, rest, ok := d.choose(r)
		if !ok {
			if rest != nil {
				r.Body = rest
			}
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(httptest.NewRecorder(), withBody(r, body))
		d.duplicated.Add(1)
		next.ServeHTTP(w, withBody(r, body))
	})
}

// choose decides whether to send req twice and, if so, reads its body.
// When the body turns out too large to keep, it declines and returns in
// rest a body that reads what it read and then the remainder.
func (d *Duplicator) choose(req *http.Request) (body []byte, rest io.ReadCloser, ok bool) {
	header := d.KeyHeader
	if header == "" {
		header = DefaultKeyHeader
	}
	if req.Method != http.MethodPost && req.Method != http.MethodPatch || req.Header.Get(header) == "" {
		return nil, nil, false
	}
	if d.Fraction <= 0 || d.Fraction < 1 && rand.Float64() >= d.Fraction {
		return nil, nil, false
	}
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil, true
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, maxDuplicatedBody+1))
	if err != nil || len(body) > maxDuplicatedBody {
		return nil, readCloser{io.MultiReader(bytes.NewReader(body), req.Body), req.Body}, false
	}
	req.Body.Close()
	return body, nil, true
}

// readCloser reads from one reader and closes another.
type readCloser struct {
	io.Reader
	io.Closer
}

// roundTripper is a function that is an http.RoundTripper.
type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
