package loops

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"time"

	"github.com/google/uuid"
)

const chargesURL = "https://api.example.com/charges"

// unkeyed retries a POST without a key.
func unkeyed(ctx context.Context, c *http.Client, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ { // want `idemretry: retry loop retries POST https://api.example.com/charges without an idempotency key \(a retried POST can apply twice\); set the Idempotency-Key header`
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, chargesURL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return errors.New("gave up")
}

// keyed sets a key fixed before the first attempt.
func keyed(ctx context.Context, c *http.Client, body []byte) error {
	key := uuid.NewString()
	for attempt := range 3 {
		req, err := http.NewRequestWithContext(ctx, "POST", chargesURL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		if _, err := c.Do(req); err != nil {
			time.Sleep(time.Duration(attempt) * time.Second)
			continue
		}
		return nil
	}
	return errors.New("gave up")
}

// minted mints a new key on every attempt.
func minted(ctx context.Context, c *http.Client, body []byte) error {
	for attempt := range 3 {
		req, err := http.NewRequestWithContext(ctx, "PATCH", chargesURL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("X-Idempotency-Key", uuid.New().String()) // want `idemretry: idempotency key minted by uuid.New inside the retried code of retry loop \(every attempt of PATCH https://api.example.com/charges sends a new key`
		if _, err := c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return errors.New("gave up")
}

// get retries a read: not reported.
func get(ctx context.Context, c *http.Client) error {
	for attempt := range 3 {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, chargesURL, nil)
		if _, err := c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return errors.New("gave up")
}

// postHelper is followed from the loop.
func postHelper(c *http.Client, body []byte) error {
	_, err := c.Post(chargesURL, "application/json", bytes.NewReader(body))
	return err
}

func viaHelper(c *http.Client, body []byte) {
	for { // want `idemretry: retry loop retries POST https://api.example.com/charges \(in loops.postHelper\) without an idempotency key`
		if err := postHelper(c, body); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// fanOut posts each item once: a loop over items, not a retry.
func fanOut(c *http.Client, items [][]byte) error {
	for i := 0; i < len(items); i++ {
		if _, err := c.Post(chargesURL, "application/json", bytes.NewReader(items[i])); err != nil {
			return err
		}
	}
	return nil
}

// worker posts each message and goes on: no success exit, not a retry.
func worker(c *http.Client, msgs <-chan []byte) {
	for {
		m := <-msgs
		if _, err := c.Post(chargesURL, "application/json", bytes.NewReader(m)); err != nil {
			continue
		}
	}
}

// outerAssigned declares the key before the loop but mints it inside.
func outerAssigned(ctx context.Context, c *http.Client) error {
	var key string
	for attempt := range 3 {
		key = uuid.NewString() // want `idemretry: idempotency key minted by uuid.NewString inside the retried code of retry loop`
		req, err := http.NewRequestWithContext(ctx, "POST", chargesURL, nil)
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		if _, err := c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return errors.New("gave up")
}

// randomKey fills the key's bytes from crypto/rand on every attempt.
func randomKey(ctx context.Context, c *http.Client) error {
	for attempt := range 3 {
		buf := make([]byte, 16)
		if _, err := rand.Read(buf); err != nil { // want `idemretry: idempotency key minted by rand.Read inside the retried code of retry loop`
			return err
		}
		req, err := http.NewRequestWithContext(ctx, "POST", chargesURL, nil)
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", hex.EncodeToString(buf))
		if _, err := c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return errors.New("gave up")
}

// condLoop retries while the POST fails, bounded in its condition.
func condLoop(c *http.Client, body []byte) error {
	_, err := c.Post(chargesURL, "application/json", bytes.NewReader(body))
	for i := 0; i < 3 && err != nil; i++ { // want `idemretry: retry loop retries POST https://api.example.com/charges without an idempotency key`
		time.Sleep(time.Second)
		_, err = c.Post(chargesURL, "application/json", bytes.NewReader(body))
	}
	return err
}

// withKey sets the key header on a request.
func withKey(req *http.Request, key string) {
	req.Header.Set("Idempotency-Key", key)
}

// helperKeyed sets the key through a function of the package.
func helperKeyed(ctx context.Context, c *http.Client, key string) error {
	for attempt := range 3 {
		req, err := http.NewRequestWithContext(ctx, "POST", chargesURL, nil)
		if err != nil {
			return err
		}
		withKey(req, key)
		if _, err := c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return errors.New("gave up")
}

// helperMinted mints the key it hands to the helper on every attempt.
func helperMinted(ctx context.Context, c *http.Client) error {
	for attempt := range 3 {
		req, err := http.NewRequestWithContext(ctx, "POST", chargesURL, nil)
		if err != nil {
			return err
		}
		withKey(req, uuid.NewString()) // want `idemretry: idempotency key minted by uuid.NewString inside the retried code of retry loop`
		if _, err := c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return errors.New("gave up")
}

// headerLiteral sets the headers with a literal.
func headerLiteral(ctx context.Context, c *http.Client, key string) error {
	for attempt := range 3 {
		req, err := http.NewRequestWithContext(ctx, "POST", chargesURL, nil)
		if err != nil {
			return err
		}
		req.Header = http.Header{"Idempotency-Key": {key}, "Content-Type": {"application/json"}}
		if _, err := c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return errors.New("gave up")
}
