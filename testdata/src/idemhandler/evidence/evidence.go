// Package evidence serves POST and PATCH routes whose handlers the
// analysis sees whole: a handler that only reads and writes naturally
// idempotently does not mutate, whatever its method. Each near miss is
// reported.
package evidence

import (
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io"
	"log"
	"log/slog"
	"net/http"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"effects/buildlib"
	"effects/seenlib"
)

var (
	db       *sql.DB
	products *mongo.Collection
	secret   []byte
	level    slog.LevelVar
	orders   = map[string]string{}
)

// Notifier is an interface of the package: the analysis cannot see what
// its implementations do.
type Notifier interface {
	Acknowledge(id string) error
}

type server struct {
	notifier Notifier
	hook     func(string)
	hits     map[string]int
}

func verified(r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return body, hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(r.Header.Get("X-Signature")))
}

// ---- seen whole: not mutating ----

func webhook(w http.ResponseWriter, r *http.Request) {
	body, ok := verified(r)
	if !ok {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	log.Printf("webhook: %d bytes", len(body))
	w.WriteHeader(http.StatusNoContent)
}

func search(w http.ResponseWriter, r *http.Request) {
	var q struct{ Term string }
	if err := json.NewDecoder(r.Body).Decode(&q); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rows, err := db.QueryContext(r.Context(), `SELECT id FROM orders WHERE note LIKE $1`, "%"+q.Term+"%")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	json.NewEncoder(w).Encode(ids)
}

func setStatus(w http.ResponseWriter, r *http.Request) {
	db.ExecContext(r.Context(), `UPDATE orders SET status = $1 WHERE id = $2`, r.FormValue("status"), r.PathValue("id"))
}

func setLevel(w http.ResponseWriter, r *http.Request) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(r.FormValue("level"))); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	level.Set(l)
}

func forget(w http.ResponseWriter, r *http.Request) {
	db.ExecContext(r.Context(), `DELETE FROM sessions WHERE id = $1`, r.PathValue("id"))
}

func rename(w http.ResponseWriter, r *http.Request) {
	products.UpdateOne(r.Context(), bson.M{"_id": r.PathValue("id")}, bson.M{"$set": bson.M{"name": r.FormValue("name")}})
}

func verifyElsewhere(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !seenlib.Verify(secret, body, r.Header.Get("X-Signature")) {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

func guarded(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	slog.Info("delivery", "id", r.Header.Get("X-Delivery"))
}

// archive answers through a builder of another package whose setters
// write through their receiver: the builder is the handler's own.
func archive(w http.ResponseWriter, r *http.Request) {
	db.ExecContext(r.Context(), `UPDATE orders SET archived = true WHERE id = $1`, r.PathValue("id"))
	buildlib.New(w).WithStatus(http.StatusNoContent).WithHeader("X-Archived", "1").Write()
}

// ---- near misses: reported ----

// (s *server) count writes into memory its receiver holds, which
// outlives the request.
func (s *server) count(w http.ResponseWriter, r *http.Request) {
	s.hits[r.PathValue("id")] = 1
	buildlib.New(w).WithStatus(http.StatusNoContent).Write()
}

// shared answers through a builder every request shares.
func shared(w http.ResponseWriter, r *http.Request) {
	buildlib.Default.WithStatus(http.StatusNoContent).Write()
}

func record(w http.ResponseWriter, r *http.Request) {
	if body, ok := verified(r); ok {
		db.ExecContext(r.Context(), `INSERT INTO events (body) VALUES ($1)`, body)
	}
}

func bump(w http.ResponseWriter, r *http.Request) {
	db.ExecContext(r.Context(), `UPDATE stock SET count = count + 1 WHERE id = $1`, r.PathValue("id"))
}

func restock(w http.ResponseWriter, r *http.Request) {
	products.UpdateOne(r.Context(), bson.M{"_id": r.PathValue("id")}, bson.M{"$inc": bson.M{"stock": 1}})
}

func (s *server) acknowledge(w http.ResponseWriter, r *http.Request) {
	s.notifier.Acknowledge(r.PathValue("id"))
}

func (s *server) callback(w http.ResponseWriter, r *http.Request) {
	s.hook(r.PathValue("id"))
}

func remember(w http.ResponseWriter, r *http.Request) {
	orders[r.PathValue("id")] = r.FormValue("note")
}

func fire(w http.ResponseWriter, r *http.Request) {
	seenlib.Fire()
}

func guardedRecord(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	record(w, r)
}

func main() {
	s := &server{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/webhooks", webhook)
	mux.HandleFunc("POST /v1/search", search)
	mux.HandleFunc("POST /v1/orders/{id}/status", setStatus)
	mux.HandleFunc("PATCH /v1/log-level", setLevel)
	mux.HandleFunc("POST /v1/sessions/{id}/delete", forget)
	mux.HandleFunc("PATCH /v1/products/{id}", rename)
	mux.HandleFunc("POST /v1/verify", verifyElsewhere)
	mux.HandleFunc("/v1/guarded", guarded)
	mux.HandleFunc("POST /v1/literal", func(w http.ResponseWriter, r *http.Request) {
		slog.Info("literal", "path", r.URL.Path)
	})
	mux.Handle("POST /v1/value", inspector{})
	mux.HandleFunc("POST /v1/orders/{id}/archive", archive)

	mux.HandleFunc("POST /v1/events", record)                // want `idemhandler: POST /v1/events is served without idempotency middleware`
	mux.HandleFunc("POST /v1/stock/{id}/bump", bump)         // want `POST /v1/stock/\{id\}/bump is served`
	mux.HandleFunc("PATCH /v1/products/{id}/stock", restock) // want `PATCH /v1/products/\{id\}/stock is served`
	mux.HandleFunc("POST /v1/acks/{id}", s.acknowledge)      // want `POST /v1/acks/\{id\} is served`
	mux.HandleFunc("POST /v1/callbacks/{id}", s.callback)    // want `POST /v1/callbacks/\{id\} is served`
	mux.HandleFunc("POST /v1/memory/{id}", remember)         // want `POST /v1/memory/\{id\} is served`
	mux.HandleFunc("POST /v1/fire", fire)                    // want `POST /v1/fire is served`
	mux.HandleFunc("POST /v1/hits/{id}", s.count)            // want `POST /v1/hits/\{id\} is served`
	mux.HandleFunc("POST /v1/shared", shared)                // want `POST /v1/shared is served`
	mux.HandleFunc("/v1/guarded-events", guardedRecord)      // want `POST /v1/guarded-events is served`
	// An adapter's method calls what it was converted from, which the
	// route does not keep.
	mux.HandleFunc("POST /v1/adapter", http.HandlerFunc(webhook).ServeHTTP) // want `POST /v1/adapter is served`
	mux.Handle("POST /v1/value-ack", acker{s})                              // want `POST /v1/value-ack is served`

	// A literal that counts in a variable of the function around it.
	count := 0
	mux.HandleFunc("POST /v1/count", func(w http.ResponseWriter, r *http.Request) { // want `POST /v1/count is served`
		count++
	})
	http.ListenAndServe(":8080", mux)
}

// inspector is a handler value whose method only logs.
type inspector struct{}

func (inspector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	slog.Info("inspected", "path", r.URL.Path)
}

// acker is a handler value whose method calls through an interface.
type acker struct{ s *server }

func (a acker) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.s.acknowledge(w, r) }
