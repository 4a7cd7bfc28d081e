// Package stripe is a stub of github.com/stripe/stripe-go/v82 v82.5.1.
package stripe

import "context"

type Params struct {
	Context        context.Context `form:"-"`
	Expand         []*string       `form:"expand"`
	IdempotencyKey *string         `form:"-" json:"-"`
}

func (p *Params) SetIdempotencyKey(val string) { p.IdempotencyKey = &val }

func NewIdempotencyKey() string { return "" }

func String(v string) *string { return &v }

func Int64(v int64) *int64 { return &v }

type PaymentIntent struct {
	ID string `json:"id"`
}

type PaymentIntentParams struct {
	Params   `form:"*"`
	Amount   *int64  `form:"amount"`
	Currency *string `form:"currency"`
}

type PaymentIntentCreateParams struct {
	Params   `form:"*"`
	Amount   *int64  `form:"amount"`
	Currency *string `form:"currency"`
}

type v1PaymentIntentService struct{}

func (c v1PaymentIntentService) Create(ctx context.Context, params *PaymentIntentCreateParams) (*PaymentIntent, error) {
	return nil, nil
}

func (c v1PaymentIntentService) Retrieve(ctx context.Context, id string, params *PaymentIntentRetrieveParams) (*PaymentIntent, error) {
	return nil, nil
}

type PaymentIntentRetrieveParams struct {
	Params `form:"*"`
}

type CheckoutSession struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

type CheckoutSessionParams struct {
	Params     `form:"*"`
	SuccessURL *string `form:"success_url"`
}

type CheckoutSessionCreateParams struct {
	Params     `form:"*"`
	SuccessURL *string `form:"success_url"`
}

type v1CheckoutSessionService struct{}

func (c v1CheckoutSessionService) Create(ctx context.Context, params *CheckoutSessionCreateParams) (*CheckoutSession, error) {
	return nil, nil
}

type Client struct {
	V1PaymentIntents   *v1PaymentIntentService
	V1CheckoutSessions *v1CheckoutSessionService
}

func NewClient(key string) *Client { return nil }
