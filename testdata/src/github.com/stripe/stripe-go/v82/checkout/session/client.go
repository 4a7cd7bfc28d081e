// Package session is a stub of github.com/stripe/stripe-go/v82/checkout/session.
package session

import stripe "github.com/stripe/stripe-go/v82"

func New(params *stripe.CheckoutSessionParams) (*stripe.CheckoutSession, error) { return nil, nil }

func Get(id string, params *stripe.CheckoutSessionParams) (*stripe.CheckoutSession, error) {
	return nil, nil
}
