package consumers

import (
	"go/ast"
	"go/types"
)

// nats.go JetStream: Subscribe and QueueSubscribe handlers, and pull
// subscriptions' Fetch; the jetstream package's Consumer.Consume handlers,
// Messages iterators, Fetch batches and Next. JetStream redelivers a
// message that is not acknowledged in time: at least once. Core NATS
// subscriptions (Conn.Subscribe) are at most once and are not consumers
// here.
func init() {
	const pkg = "github.com/nats-io/nats.go"
	on(pkg, "JetStream", []string{"Subscribe"}, natsSubscribe(1))
	on(pkg, "JetStreamContext", []string{"Subscribe"}, natsSubscribe(1))
	on(pkg, "JetStream", []string{"QueueSubscribe"}, natsSubscribe(2))
	on(pkg, "JetStreamContext", []string{"QueueSubscribe"}, natsSubscribe(2))
	on(pkg, "Subscription", []string{"Fetch", "FetchBatch"}, natsFetch)

	const js = "github.com/nats-io/nats.go/jetstream"
	on(js, "Consumer", []string{"Consume"}, jetstreamConsume)
	on(js, "Consumer", []string{"Next"}, jetstreamRest)
	on(js, "MessagesContext", []string{"Next"}, jetstreamRest)
	on(js, "MessageBatch", []string{"Messages"}, jetstreamBatch)
}

func natsSubscribe(handler int) recogniser {
	return func(a *analyzer, call *ast.CallExpr, _ *types.Func, _ []ast.Node) {
		c := &Consumer{Library: "nats", Pos: call.Pos(), End: call.End(), Kind: "subject", Delivery: AtLeastOnce}
		c.Target, _ = a.constString(arg(call, 0))
		a.funcHandler(c, arg(call, handler), 0)
		a.add(c)
	}
}

// natsFetch recognises msgs, err := sub.Fetch(n) on a pull subscription.
func natsFetch(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	c := &Consumer{Library: "nats", Pos: call.Pos(), End: call.End(), Kind: "subject", Delivery: AtLeastOnce}
	if mk := a.producer(recvExpr(call)); mk != nil {
		if sel, ok := ast.Unparen(mk.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "PullSubscribe" {
			c.Target, _ = a.constString(arg(mk, 0))
		}
	}
	a.restHandler(c, call, stack)
	a.add(c)
}

func jetstreamConsume(a *analyzer, call *ast.CallExpr, _ *types.Func, _ []ast.Node) {
	c := &Consumer{Library: "jetstream", Pos: call.Pos(), End: call.End(), Kind: "consumer", Delivery: AtLeastOnce}
	c.Target = a.jetstreamName(recvExpr(call))
	a.funcHandler(c, arg(call, 0), 0)
	a.add(c)
}

func jetstreamRest(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	c := &Consumer{Library: "jetstream", Pos: call.Pos(), End: call.End(), Kind: "consumer", Delivery: AtLeastOnce}
	x := recvExpr(call)
	if mk := a.producer(x); mk != nil {
		if sel, ok := ast.Unparen(mk.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Messages" {
			x = sel.X
		}
	}
	c.Target = a.jetstreamName(x)
	a.restHandler(c, call, stack)
	a.add(c)
}

// jetstreamBatch recognises for msg := range batch.Messages().
func jetstreamBatch(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	if len(stack) < 2 {
		return
	}
	r, ok := stack[len(stack)-2].(*ast.RangeStmt)
	if !ok || ast.Unparen(r.X) != call {
		return
	}
	c := &Consumer{Library: "jetstream", Pos: call.Pos(), End: call.End(), Kind: "consumer", Delivery: AtLeastOnce}
	if mk := a.producer(recvExpr(call)); mk != nil {
		if sel, ok := ast.Unparen(mk.Fun).(*ast.SelectorExpr); ok {
			c.Target = a.jetstreamName(sel.X)
		}
	}
	if fn := enclosing(stack); fn != nil {
		if w := a.consumerWrapper(fn); w != "" {
			c.Protection = "consumer middleware " + w
		}
	}
	a.rangeHandler(c, r, func(x ast.Expr) bool { return ast.Unparen(x) == call })
	a.add(c)
}

// jetstreamName returns the durable name of the consumer x denotes, when
// created with js.Consumer(ctx, stream, "name") or a ConsumerConfig with a
// constant Durable or Name.
func (a *analyzer) jetstreamName(x ast.Expr) string {
	mk := a.producer(x)
	if mk == nil {
		return ""
	}
	sel, ok := ast.Unparen(mk.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	switch sel.Sel.Name {
	case "Consumer":
		name, _ := a.constString(arg(mk, 2))
		return name
	case "CreateOrUpdateConsumer", "CreateConsumer", "UpdateConsumer":
		cfg := a.composite(arg(mk, 2))
		if name, ok := a.constString(field(cfg, "Durable")); ok && name != "" {
			return name
		}
		name, _ := a.constString(field(cfg, "Name"))
		return name
	}
	return ""
}
