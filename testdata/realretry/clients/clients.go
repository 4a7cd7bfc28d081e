// Package clients holds retryablehttp clients kept in struct fields, each
// with its own retry settings.
package clients

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

const url = "https://api.example.com/webhooks"

// Notifier reads through a retrying client and posts through one that
// does not retry.
type Notifier struct {
	reads *retryablehttp.Client
	posts *retryablehttp.Client
	other *retryablehttp.Client
	later *retryablehttp.Client
}

// NewNotifier builds the clients.
func NewNotifier() *Notifier {
	posts := retryablehttp.NewClient()
	posts.RetryMax = 0
	n := &Notifier{reads: retryablehttp.NewClient(), posts: posts, other: retryablehttp.NewClient()}
	n.later = retryablehttp.NewClient()
	n.later.RetryMax = 0
	return n
}

// Post posts through the client that does not retry.
func (n *Notifier) Post(ctx context.Context, body []byte) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	_, err = n.posts.Do(req)
	return err
}

// PostLater posts through a client whose RetryMax is set on the field.
func (n *Notifier) PostLater(ctx context.Context, body []byte) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	_, err = n.later.Do(req)
	return err
}

// PostRetrying posts through a retrying client: a retry of a POST.
func (n *Notifier) PostRetrying(ctx context.Context, body []byte) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	_, err = n.other.Do(req) // want `idemretry: retryablehttp.Client.Do retries POST https://api.example.com/webhooks without an idempotency key`
	return err
}

// Get reads through the retrying client.
func (n *Notifier) Get(ctx context.Context) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	_, err = n.reads.Do(req)
	return err
}

// Sender is handed its client.
type Sender struct{ c *retryablehttp.Client }

// Send posts through a client whose origin the package does not show: it
// is taken to retry.
func (s *Sender) Send(ctx context.Context, body []byte) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	_, err = s.c.Do(req) // want `idemretry: retryablehttp.Client.Do retries POST https://api.example.com/webhooks without an idempotency key`
	return err
}
