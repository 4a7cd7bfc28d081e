package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// webhookTolerance is how old a signed webhook delivery may be.
const webhookTolerance = 5 * time.Minute

type stripeEvent struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Data struct {
		Object struct {
			ID       string `json:"id"`
			Metadata struct {
				ChargeID string `json:"charge_id"`
			} `json:"metadata"`
		} `json:"object"`
	} `json:"data"`
}

// stripeWebhook applies payment provider events. The provider redelivers an
// event until it gets a 2xx, so each event id is recorded in the same
// transaction as its effect and a redelivery is acknowledged without effect
// (see docs/adr/0007-webhook-dedup.md).
func (h *handlers) stripeWebhook(w http.ResponseWriter, r *http.Request) {
	payload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<16))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if !validSignature(r.Header.Get("Stripe-Signature"), payload, h.webhookSecret, time.Now()) {
		http.Error(w, "invalid signature", http.StatusBadRequest)
		return
	}
	var ev stripeEvent
	if err := json.Unmarshal(payload, &ev); err != nil || ev.ID == "" {
		http.Error(w, "invalid event", http.StatusBadRequest)
		return
	}

	tx, err := h.db.BeginTx(r.Context(), nil)
	if err != nil {
		serverError(w, r, err)
		return
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(r.Context(),
		`INSERT INTO processed_events (event_id, type, received_at) VALUES ($1, $2, $3)
		 ON CONFLICT (event_id) DO NOTHING`, ev.ID, ev.Type, time.Now())
	if err != nil {
		serverError(w, r, err)
		return
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		// Seen before: acknowledge so that the provider stops redelivering.
		w.WriteHeader(http.StatusOK)
		return
	}

	var status string
	switch ev.Type {
	case "charge.succeeded":
		status = "succeeded"
	case "charge.failed":
		status = "failed"
	}
	if status != "" {
		if _, err := tx.ExecContext(r.Context(),
			`UPDATE charges SET status = $2, provider_id = $3 WHERE id = $1`,
			ev.Data.Object.Metadata.ChargeID, status, ev.Data.Object.ID); err != nil {
			serverError(w, r, err)
			return
		}
		// The charge's history is appended to: only the event id
		// recorded above keeps a redelivery from appending twice.
		if _, err := tx.ExecContext(r.Context(),
			`INSERT INTO charge_history (charge_id, status, event_id) VALUES ($1, $2, $3)`,
			ev.Data.Object.Metadata.ChargeID, status, ev.ID); err != nil {
			serverError(w, r, err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		serverError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// validSignature checks a Stripe-Signature header ("t=TIMESTAMP,v1=HEX,...")
// against an HMAC-SHA256 of "TIMESTAMP.PAYLOAD" keyed by secret.
func validSignature(header string, payload, secret []byte, now time.Time) bool {
	if len(secret) == 0 {
		return false
	}
	var ts string
	var sigs [][]byte
	for _, part := range strings.Split(header, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch k {
		case "t":
			ts = v
		case "v1":
			if sig, err := hex.DecodeString(v); err == nil {
				sigs = append(sigs, sig)
			}
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || now.Sub(time.Unix(sec, 0)).Abs() > webhookTolerance {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(ts + "."))
	mac.Write(payload)
	want := mac.Sum(nil)
	for _, sig := range sigs {
		if hmac.Equal(sig, want) {
			return true
		}
	}
	return false
}
