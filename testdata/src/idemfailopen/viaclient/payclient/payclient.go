// Package payclient holds the payment provider's client.
package payclient

import stripe "github.com/stripe/stripe-go/v82"

// Stripe is the client every service shares.
var Stripe = stripe.NewClient("sk_test")
