package stripe

import (
	"context"
	"time"

	"github.com/google/uuid"
	stripe "github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/paymentintent"
)

func unkeyed(amount int64) (*stripe.PaymentIntent, error) {
	var pi *stripe.PaymentIntent
	var err error
	for attempt := range 3 { // want `idemretry: retry loop retries paymentintent.New without an idempotency key \(stripe-go sends a new key on every call, so each attempt can move money again\); set params.SetIdempotencyKey`
		pi, err = paymentintent.New(&stripe.PaymentIntentParams{Amount: stripe.Int64(amount), Currency: stripe.String("eur")})
		if err == nil {
			return pi, nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil, err
}

func keyed(orderID string, amount int64) (*stripe.PaymentIntent, error) {
	params := &stripe.PaymentIntentParams{Amount: stripe.Int64(amount)}
	params.SetIdempotencyKey("order-" + orderID)
	var err error
	for attempt := range 3 {
		var pi *stripe.PaymentIntent
		if pi, err = paymentintent.New(params); err == nil {
			return pi, nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil, err
}

func keyedLiteral(orderID string, amount int64) (*stripe.PaymentIntent, error) {
	var err error
	for attempt := range 3 {
		var pi *stripe.PaymentIntent
		pi, err = paymentintent.New(&stripe.PaymentIntentParams{
			Params: stripe.Params{IdempotencyKey: stripe.String(orderID)},
			Amount: stripe.Int64(amount),
		})
		if err == nil {
			return pi, nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil, err
}

func mintedClient(ctx context.Context, sc *stripe.Client, amount int64) (*stripe.PaymentIntent, error) {
	var err error
	for attempt := range 3 {
		params := &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(amount)}
		params.SetIdempotencyKey(stripe.NewIdempotencyKey()) // want `idemretry: idempotency key minted by stripe.NewIdempotencyKey inside the retried code of retry loop \(every attempt of stripe V1PaymentIntents.Create sends a new key`
		var pi *stripe.PaymentIntent
		if pi, err = sc.V1PaymentIntents.Create(ctx, params); err == nil {
			return pi, nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil, err
}

func mintedUUID(amount int64) (*stripe.PaymentIntent, error) {
	var err error
	for attempt := range 3 {
		params := &stripe.PaymentIntentParams{Amount: stripe.Int64(amount)}
		params.IdempotencyKey = stripe.String(uuid.NewString()) // want `idemretry: idempotency key minted by uuid.NewString inside the retried code of retry loop \(every attempt of paymentintent.New`
		var pi *stripe.PaymentIntent
		if pi, err = paymentintent.New(params); err == nil {
			return pi, nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil, err
}

// get is a read.
func get(id string) (*stripe.PaymentIntent, error) {
	var err error
	for attempt := range 3 {
		var pi *stripe.PaymentIntent
		if pi, err = paymentintent.Get(id, nil); err == nil {
			return pi, nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil, err
}
