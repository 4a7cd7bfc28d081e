// Package verbs uses a configured verb list, which replaces the default.
package verbs

import "context"

// Airline books flights.
type Airline interface {
	BookFlight(ctx context.Context, id string) error
	CreateInvoice(ctx context.Context, id string) error
}

// Book calls a configured verb: an effect.
func Book(ctx context.Context, a Airline) error { // want Book:`effects\(iface; calls Airline.BookFlight\)`
	return a.BookFlight(ctx, "f1")
}

// Invoice calls a default verb that the configured list leaves out: no
// effect, but a call the model cannot see, pending on its implementations.
func Invoice(ctx context.Context, a Airline) error { // want Invoice:`^effects\(\) opaque pending\(1; effects\(\)\)$`
	return a.CreateInvoice(ctx, "f1")
}
