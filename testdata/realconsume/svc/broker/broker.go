// Package broker is the service's own subscription abstraction: handlers
// subscribe to a topic, and an adapter of the broker in use delivers each
// message to them, at least once.
package broker

import "context"

// Message is a message of any broker.
type Message struct {
	ID   string
	Key  []byte
	Body []byte
}

// Handler handles one message; an error redelivers it.
type Handler func(ctx context.Context, msg Message) error

// Subscriber subscribes handlers to topics.
type Subscriber interface {
	Subscribe(ctx context.Context, topic string, h Handler) error
}
