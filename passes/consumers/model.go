package consumers

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/idemlint/idemlint/passes/effects"
)

// Delivery is the delivery semantics of a consumer.
type Delivery uint8

// Delivery semantics.
const (
	AtLeastOnce Delivery = iota + 1 // acknowledged or committed after handling
	AsyncCommit                     // committed in the background, independently of handling
	AtMostOnce                      // committed before handling: listed, never reported
)

// A Consumer is one consumer entry point.
type Consumer struct {
	Library  string    // "kafka-go", "sarama", ..., "asynq", or a configured consumer ("broker.Subscriber.Subscribe")
	Pos, End token.Pos // the receive call, subscription, or handler declaration
	Kind     string    // what Target names: "topic", "queue", "subject", "subscription", "task type"
	Target   string    // constant topic, queue or subscription; "" when unknown
	Delivery Delivery

	// Handler is the code that handles one message: a function body, or
	// the statements after a receive call.
	Handler []ast.Stmt
	// Func is the handler function, when it is a declared function.
	Func *types.Func
	// Msg is the variable holding the received message, or nil.
	Msg types.Object
	// Unknown reports that the handler could not be seen.
	Unknown bool

	// Effects are the side effects of the handler.
	Effects effects.Effects
	// Unprotected describes the first effects (one or two, joined by
	// "and") that are not naturally idempotent and not preceded, on their
	// path, by a dedup claim on a key derived from the message; "" when
	// there is none.
	Unprotected string
	// Protection names what protects the consumer ("consumer middleware
	// idem.Consumer", "middleware.Deduplicator", "dedup claim Store.Claim");
	// "" when nothing does.
	Protection string
	// Claim is the dedup claim call that protects the consumer, in its
	// handler or a function of the package the handler calls; its options
	// and receiver hold the dedup window.
	Claim *ast.CallExpr

	publishes string         // an effect after the handler returns (watermill AddHandler)
	derived   []types.Object // further variables holding the message
}

// Reportable reports whether the consumer is at least once, seen, and has
// an unprotected effect that is not naturally idempotent.
func (c *Consumer) Reportable() bool {
	return !c.Unknown && c.Protection == "" && c.Unprotected != "" && c.Delivery != 0 && c.Delivery != AtMostOnce
}

// Name describes the consumer for messages: `kafka-go consumer of topic
// "orders"`.
func (c *Consumer) Name() string {
	s := c.Library + " consumer"
	if c.Target != "" {
		s += " of " + c.Kind + ` "` + c.Target + `"`
	}
	return s
}

// Result is the consumer model of a package.
type Result struct {
	Consumers []*Consumer
}
