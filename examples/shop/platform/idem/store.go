package idem

import (
	"context"
	"database/sql"
	"encoding/json"
	"sync"
	"time"
)

// SQLSchema creates the table of the SQLStore. It is PostgreSQL, which
// SQLite accepts too.
const SQLSchema = `CREATE TABLE idempotency_keys (
    key            text PRIMARY KEY,
    expires_at     timestamptz NOT NULL,
    status         integer,
    header         jsonb,
    body           bytea,
    request_digest text
)`

// SQLStore is the shared dedup store, the table SQLSchema creates in the
// service's PostgreSQL database.
type SQLStore struct {
	db *sql.DB
}

// NewSQLStore returns a store that keeps keys in db.
func NewSQLStore(db *sql.DB) *SQLStore {
	return &SQLStore{db: db}
}

// Claim inserts key unless an unexpired row for it exists.
//
//idem:dedup
func (s *SQLStore) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	now := time.Now()
	if _, err := s.db.ExecContext(ctx,
		`DELETE FROM idempotency_keys WHERE key = $1 AND expires_at < $2`, key, now); err != nil {
		return false, err
	}
	res, err := s.db.ExecContext(ctx,
		`INSERT INTO idempotency_keys (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
		key, now.Add(ttl))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Lookup returns the recorded response for key.
func (s *SQLStore) Lookup(ctx context.Context, key string) (Response, bool, error) {
	var (
		status sql.NullInt64
		header []byte
		body   []byte
		digest sql.NullString
	)
	err := s.db.QueryRowContext(ctx,
		`SELECT status, header, body, request_digest FROM idempotency_keys WHERE key = $1`, key).
		Scan(&status, &header, &body, &digest)
	if err == sql.ErrNoRows || (err == nil && !status.Valid) {
		return Response{}, false, nil
	}
	if err != nil {
		return Response{}, false, err
	}
	res := Response{Status: int(status.Int64), Body: body, RequestDigest: digest.String}
	if len(header) > 0 {
		if err := json.Unmarshal(header, &res.Header); err != nil {
			return Response{}, false, err
		}
	}
	return res, true, nil
}

// Complete records the response for key.
func (s *SQLStore) Complete(ctx context.Context, key string, res Response) error {
	header, err := json.Marshal(res.Header)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx,
		`UPDATE idempotency_keys SET status = $2, header = $3, body = $4, request_digest = $5 WHERE key = $1`,
		key, res.Status, header, res.Body, res.RequestDigest)
	return err
}

// Release deletes the claim on key.
func (s *SQLStore) Release(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM idempotency_keys WHERE key = $1`, key)
	return err
}

// MemoryStore keeps keys in process memory. Each replica has its own, so it
// does not deduplicate across instances: use it in tests only.
type MemoryStore struct {
	mu   sync.Mutex
	keys map[string]*memEntry
}

type memEntry struct {
	expires time.Time
	res     *Response
}

// NewMemoryStore returns an empty in-process store.
//
//idem:localstore
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{keys: make(map[string]*memEntry)}
}

// Claim claims key in process memory.
//
//idem:dedup
func (s *MemoryStore) Claim(_ context.Context, key string, ttl time.Duration) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if e, ok := s.keys[key]; ok && now.Before(e.expires) {
		return false, nil
	}
	s.keys[key] = &memEntry{expires: now.Add(ttl)}
	return true, nil
}

// Lookup returns the recorded response for key.
func (s *MemoryStore) Lookup(_ context.Context, key string) (Response, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.keys[key]
	if !ok || e.res == nil {
		return Response{}, false, nil
	}
	return *e.res, true, nil
}

// Complete records the response for key.
func (s *MemoryStore) Complete(_ context.Context, key string, res Response) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.keys[key]; ok {
		e.res = &res
	}
	return nil
}

// Release forgets key.
func (s *MemoryStore) Release(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.keys, key)
	return nil
}
