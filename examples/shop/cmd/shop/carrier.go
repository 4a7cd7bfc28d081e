package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// carrier books shipments with the parcel carrier's API.
type carrier struct {
	http *http.Client
}

const shipmentsURL = "https://carrier.example.com/v1/shipments"

// shipment is a booking request for one order.
type shipment struct {
	OrderID string `json:"order_id"`
	Address string `json:"address"`
}

// book books the shipment of an order. The idempotency key is derived
// from the order once, before the first attempt, so the carrier books the
// parcel once however many attempts reach it.
func (c *carrier) book(ctx context.Context, s shipment) error {
	body, err := json.Marshal(s)
	if err != nil {
		return err
	}
	key := "shipment-" + s.OrderID
	for attempt := range 4 {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, shipmentsURL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		if err = c.send(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(1<<attempt) * 200 * time.Millisecond)
	}
	return fmt.Errorf("book shipment of order %s: carrier unavailable", s.OrderID)
}

// cancelPickup asks the carrier not to collect an order's parcel. It
// retries without an idempotency key: an attempt that timed out after
// the carrier acted is sent again.
func (c *carrier) cancelPickup(ctx context.Context, orderID string) error {
	for attempt := range 4 {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, shipmentsURL+"/cancel-pickup?order="+orderID, nil)
		if err != nil {
			return err
		}
		if err = c.send(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(1<<attempt) * 200 * time.Millisecond)
	}
	return fmt.Errorf("cancel pickup of order %s: carrier unavailable", orderID)
}

// send sends a request and reports a non-2xx status as an error.
func (c *carrier) send(req *http.Request) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL, resp.Status)
	}
	return nil
}
