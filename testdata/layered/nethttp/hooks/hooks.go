// Package hooks receives webhooks on a ServeMux its caller owns. The
// analysis sees each receiver whole, across packages: one that only
// verifies a signature and logs does not mutate, whatever its method.
package hooks

import (
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"

	"example.com/layered/nethttp/hooks/verify"
)

type receiver struct {
	db     *sql.DB
	secret []byte
}

// Register adds the webhook routes to mux.
func Register(mux *http.ServeMux, db *sql.DB, secret []byte) {
	h := &receiver{db: db, secret: secret}
	mux.HandleFunc("POST /hooks/ping", h.ping)               // not mutating: verifies and logs
	mux.HandleFunc("POST /hooks/events", h.record)           // want `idemhandler: POST /hooks/events is served without idempotency middleware`
	mux.HandleFunc("POST /hooks/status", h.status)           // not mutating: sets a status by id
	mux.HandleFunc("/hooks/guarded", h.guarded)              // not mutating: a POST-only guard, then logs
	mux.HandleFunc("/hooks/guarded-events", h.guardedRecord) // want `idemhandler: POST /hooks/guarded-events is served without idempotency middleware`
}

func (h *receiver) verified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(r.Body)
	if err != nil || !verify.Signed(h.secret, body, r.Header.Get("X-Signature")) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

func (h *receiver) ping(w http.ResponseWriter, r *http.Request) {
	if body, ok := h.verified(w, r); ok {
		slog.Info("ping", "bytes", len(body))
		w.WriteHeader(http.StatusNoContent)
	}
}

func (h *receiver) record(w http.ResponseWriter, r *http.Request) {
	if body, ok := h.verified(w, r); ok {
		h.db.ExecContext(r.Context(), `INSERT INTO events (body) VALUES ($1)`, body)
	}
}

func (h *receiver) status(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.verified(w, r); ok {
		h.db.ExecContext(r.Context(), `UPDATE deliveries SET status = $1 WHERE id = $2`, "acked", r.FormValue("id"))
	}
}

func (h *receiver) guarded(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	slog.Info("delivery", "id", r.Header.Get("X-Delivery"))
}

func (h *receiver) guardedRecord(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	h.record(w, r)
}

// Ping is a receiver importers register themselves.
func Ping(w http.ResponseWriter, r *http.Request) {
	slog.Info("ping", "from", r.RemoteAddr)
}

// Archive keeps the payload on disk: a write the effects model does not
// know.
func Archive(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	os.WriteFile(filepath.Join(os.TempDir(), r.Header.Get("X-Delivery")), body, 0o600)
}
