package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// handlers serves the public API.
type handlers struct {
	db            *sql.DB
	webhookSecret []byte
}

type chargeRequest struct {
	CustomerID string `json:"customer_id"`
	Amount     int64  `json:"amount"`
	Currency   string `json:"currency"`
	Source     string `json:"source"`
}

// createCharge records a pending charge and queues it for the payment
// provider through the outbox.
func (h *handlers) createCharge(w http.ResponseWriter, r *http.Request) {
	var req chargeRequest
	if !decode(w, r, &req) {
		return
	}
	if req.Amount <= 0 || req.Currency == "" || req.CustomerID == "" {
		http.Error(w, "customer_id, amount and currency are required", http.StatusUnprocessableEntity)
		return
	}
	id := newID("ch")
	tx, err := h.db.BeginTx(r.Context(), nil)
	if err != nil {
		serverError(w, r, err)
		return
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(r.Context(),
		`INSERT INTO charges (id, customer_id, amount, currency, source, status) VALUES ($1, $2, $3, $4, $5, 'pending')`,
		id, req.CustomerID, req.Amount, req.Currency, req.Source); err != nil {
		serverError(w, r, err)
		return
	}
	if _, err := tx.ExecContext(r.Context(),
		`INSERT INTO outbox (topic, key, payload) VALUES ('charges.requested', $1, $2)`,
		id, mustJSON(req)); err != nil {
		serverError(w, r, err)
		return
	}
	if err := tx.Commit(); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "status": "pending"})
}

func (h *handlers) getCharge(w http.ResponseWriter, r *http.Request) {
	var amount int64
	var currency, status string
	err := h.db.QueryRowContext(r.Context(),
		`SELECT amount, currency, status FROM charges WHERE id = $1`, chi.URLParam(r, "chargeID")).
		Scan(&amount, &currency, &status)
	if !found(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": chi.URLParam(r, "chargeID"), "amount": amount, "currency": currency, "status": status,
	})
}

type refundRequest struct {
	ChargeID string `json:"charge_id"`
	Amount   int64  `json:"amount"`
}

// createRefund refunds part or all of a charge.
func (h *handlers) createRefund(w http.ResponseWriter, r *http.Request) {
	var req refundRequest
	if !decode(w, r, &req) {
		return
	}
	tx, err := h.db.BeginTx(r.Context(), nil)
	if err != nil {
		serverError(w, r, err)
		return
	}
	defer tx.Rollback()
	var refundable int64
	err = tx.QueryRowContext(r.Context(),
		`SELECT amount - refunded FROM charges WHERE id = $1 AND status = 'succeeded'`,
		req.ChargeID).Scan(&refundable)
	if !found(w, r, err) {
		return
	}
	if req.Amount <= 0 || req.Amount > refundable {
		http.Error(w, "amount exceeds the refundable balance", http.StatusUnprocessableEntity)
		return
	}
	id := newID("re")
	if _, err := tx.ExecContext(r.Context(),
		`INSERT INTO refunds (id, charge_id, amount, status) VALUES ($1, $2, $3, 'pending')`,
		id, req.ChargeID, req.Amount); err != nil {
		serverError(w, r, err)
		return
	}
	// The balance is checked again as it is taken, so that refunds
	// running at the same time cannot exceed it.
	res, err := tx.ExecContext(r.Context(),
		`UPDATE charges SET refunded = refunded + $2 WHERE id = $1 AND amount - refunded >= $2`, req.ChargeID, req.Amount)
	if err != nil {
		serverError(w, r, err)
		return
	}
	taken, err := res.RowsAffected()
	if err != nil {
		serverError(w, r, err)
		return
	}
	if taken != 1 {
		http.Error(w, "amount exceeds the refundable balance", http.StatusConflict)
		return
	}
	if err := tx.Commit(); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "status": "pending"})
}

type orderRequest struct {
	CustomerID string `json:"customer_id"`
	CartID     string `json:"cart_id"`
}

// createOrder turns a cart into an order.
func (h *handlers) createOrder(w http.ResponseWriter, r *http.Request) {
	var req orderRequest
	if !decode(w, r, &req) {
		return
	}
	id := newID("ord")
	if _, err := h.db.ExecContext(r.Context(),
		`INSERT INTO orders (id, customer_id, status, total)
		 SELECT $1, $2, 'placed', COALESCE(SUM(quantity * unit_price), 0) FROM cart_items WHERE cart_id = $3`,
		id, req.CustomerID, req.CartID); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "status": "placed"})
}

func (h *handlers) getOrder(w http.ResponseWriter, r *http.Request) {
	var status string
	var total int64
	err := h.db.QueryRowContext(r.Context(),
		`SELECT status, total FROM orders WHERE id = $1`, chi.URLParam(r, "orderID")).Scan(&status, &total)
	if !found(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": chi.URLParam(r, "orderID"), "status": status, "total": total})
}

type customer struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

// putCustomer creates or replaces a customer (an upsert: naturally idempotent).
func (h *handlers) putCustomer(w http.ResponseWriter, r *http.Request) {
	var c customer
	if !decode(w, r, &c) {
		return
	}
	if _, err := h.db.ExecContext(r.Context(),
		`INSERT INTO customers (id, email, name) VALUES ($1, $2, $3)
		 ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name`,
		chi.URLParam(r, "customerID"), c.Email, c.Name); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// createCart opens an empty cart.
func (h *handlers) createCart(w http.ResponseWriter, r *http.Request) {
	var req struct {
		CustomerID string `json:"customer_id"`
	}
	if !decode(w, r, &req) {
		return
	}
	id := newID("cart")
	if _, err := h.db.ExecContext(r.Context(),
		`INSERT INTO carts (id, customer_id) VALUES ($1, $2)`, id, req.CustomerID); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"id": id})
}

type cartItem struct {
	SKU       string `json:"sku"`
	Quantity  int    `json:"quantity"`
	UnitPrice int64  `json:"unit_price"`
}

func (h *handlers) getCart(w http.ResponseWriter, r *http.Request) {
	rows, err := h.db.QueryContext(r.Context(),
		`SELECT sku, quantity, unit_price FROM cart_items WHERE cart_id = $1 ORDER BY sku`,
		chi.URLParam(r, "cartID"))
	if err != nil {
		serverError(w, r, err)
		return
	}
	defer rows.Close()
	items := []cartItem{}
	for rows.Next() {
		var it cartItem
		if err := rows.Scan(&it.SKU, &it.Quantity, &it.UnitPrice); err != nil {
			serverError(w, r, err)
			return
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": chi.URLParam(r, "cartID"), "items": items})
}

// putCartItem sets the quantity of one SKU in a cart.
func (h *handlers) putCartItem(w http.ResponseWriter, r *http.Request) {
	var it cartItem
	if !decode(w, r, &it) {
		return
	}
	it.SKU = chi.URLParam(r, "sku")
	if _, err := h.db.ExecContext(r.Context(),
		`INSERT INTO cart_items (cart_id, sku, quantity, unit_price) VALUES ($1, $2, $3, $4)
		 ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price`,
		chi.URLParam(r, "cartID"), it.SKU, it.Quantity, it.UnitPrice); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, it)
}

func (h *handlers) deleteCart(w http.ResponseWriter, r *http.Request) {
	if _, err := h.db.ExecContext(r.Context(),
		`DELETE FROM carts WHERE id = $1`, chi.URLParam(r, "cartID")); err != nil {
		serverError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// decode reads a JSON request body into v, answering 400 when it cannot.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		http.Error(w, "invalid JSON body: "+err.Error(), http.StatusBadRequest)
		return false
	}
	return true
}

// found answers 404 or 500 for a failed single-row query.
func found(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case errors.Is(err, sql.ErrNoRows):
		http.NotFound(w, r)
		return false
	case err != nil:
		serverError(w, r, err)
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("shop: write response: %v", err)
	}
}

func serverError(w http.ResponseWriter, r *http.Request, err error) {
	log.Printf("shop: %s %s: %v", r.Method, r.URL.Path, err)
	http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// newID returns a random identifier such as "ch_5f0c9d2e8a7b4c31".
func newID(prefix string) string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return prefix + "_" + hex.EncodeToString(b[:])
}
