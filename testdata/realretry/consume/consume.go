// Package consume retries watermill handlers with middleware.Retry: each
// retry runs the handler again, whatever it did.
package consume

import (
	"bytes"
	"net/http"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
)

const url = "https://api.example.com/notifications"

// notify posts the message on: not idempotent.
func notify(msg *message.Message) error {
	resp, err := http.Post(url, "application/json", bytes.NewReader(msg.Payload))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// notifyKeyed posts with the message id as the idempotency key.
func notifyKeyed(msg *message.Message) error {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(msg.Payload))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", msg.UUID)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func routerRetry(sub message.Subscriber) (*message.Router, error) {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return nil, err
	}
	r.AddMiddleware(middleware.Retry{MaxRetries: 3, InitialInterval: time.Second, Multiplier: 2}.Middleware) // want `idemretry: watermill middleware.Retry retries POST https://api.example.com/notifications without an idempotency key`
	r.AddNoPublisherHandler("notify", "notifications", sub, notify)
	r.AddNoPublisherHandler("notify-keyed", "notifications-keyed", sub, notifyKeyed)
	return r, nil
}

func handlerRetry(sub message.Subscriber) (*message.Router, error) {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return nil, err
	}
	retry := middleware.Retry{MaxRetries: 5, InitialInterval: 100 * time.Millisecond}
	h := r.AddNoPublisherHandler("notify", "notifications", sub, notify)
	h.AddMiddleware(retry.Middleware) // want `idemretry: watermill middleware.Retry retries POST https://api.example.com/notifications without an idempotency key`
	keyed := r.AddNoPublisherHandler("notify-keyed", "notifications-keyed", sub, notifyKeyed)
	keyed.AddMiddleware(retry.Middleware)
	return r, nil
}

func noRetry(sub message.Subscriber) (*message.Router, error) {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return nil, err
	}
	r.AddMiddleware(middleware.Retry{InitialInterval: time.Second}.Middleware) // MaxRetries 0: no retry
	r.AddNoPublisherHandler("notify", "notifications", sub, notify)
	return r, nil
}
