// Package service is a payments API on net/http's ServeMux.
package service

import (
	"encoding/json"
	"net/http"
	"sync"

	"example.com/platform/idem"
)

type payment struct {
	ID     string `json:"id"`
	Amount int64  `json:"amount"`
}

var (
	mu       sync.Mutex
	payments = map[string]payment{}
	refunds  []string
	events   []string
	imports  []string
)

func createPayment(w http.ResponseWriter, r *http.Request) {
	var p payment
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	mu.Lock()
	payments[p.ID] = p
	mu.Unlock()
	w.WriteHeader(http.StatusCreated)
}

func createRefund(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	refunds = append(refunds, r.FormValue("payment_id"))
	mu.Unlock()
	w.WriteHeader(http.StatusCreated)
}

func getPayment(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	p, ok := payments[r.PathValue("id")]
	mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	_ = json.NewEncoder(w).Encode(p)
}

func partnerWebhook(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	events = append(events, r.FormValue("event"))
	mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

func importBatch(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	imports = append(imports, r.FormValue("batch"))
	mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

// ListenAndServe serves the API on addr.
func ListenAndServe(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/payments", createPayment)
	mux.Handle("POST /v1/refunds", idem.Middleware(http.HandlerFunc(createRefund)))
	mux.HandleFunc("GET /v1/payments/{id}", getPayment)
	//idem:exempt ADR-0001 the partner delivers each webhook exactly once and reconciles nightly
	mux.HandleFunc("POST /v1/partner/webhooks", partnerWebhook)
	//idem:exempt ADR-0001
	mux.HandleFunc("POST /v1/imports", importBatch)
	return http.ListenAndServe(addr, mux)
}
