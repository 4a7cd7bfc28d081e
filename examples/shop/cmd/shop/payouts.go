package main

import (
	"net/http"
	"time"
)

// payoutKeyWindow is how long the idempotency key of a payout request is
// remembered.
const payoutKeyWindow = 24 * time.Hour

type payoutRequest struct {
	SellerID string `json:"seller_id"`
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// createPayout queues a transfer of a seller's balance to their bank.
func (h *handlers) createPayout(w http.ResponseWriter, r *http.Request) {
	var req payoutRequest
	if !decode(w, r, &req) {
		return
	}
	if req.Amount <= 0 || req.Currency == "" || req.SellerID == "" {
		http.Error(w, "seller_id, amount and currency are required", http.StatusUnprocessableEntity)
		return
	}
	id := newID("po")
	if _, err := h.db.ExecContext(r.Context(),
		`INSERT INTO payouts (id, seller_id, amount, currency, status) VALUES ($1, $2, $3, $4, 'pending')`,
		id, req.SellerID, req.Amount, req.Currency); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "status": "pending"})
}

type event struct {
	Name      string `json:"name"`
	SessionID string `json:"session_id"`
}

// trackEvent counts a storefront analytics event.
func (h *handlers) trackEvent(w http.ResponseWriter, r *http.Request) {
	var ev event
	if !decode(w, r, &ev) {
		return
	}
	if _, err := h.db.ExecContext(r.Context(),
		`INSERT INTO event_counts (name, day, count) VALUES ($1, CURRENT_DATE, 1)
		 ON CONFLICT (name, day) DO UPDATE SET count = event_counts.count + 1`, ev.Name); err != nil {
		serverError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
