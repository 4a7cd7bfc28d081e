package consumers

import (
	"go/ast"
	"go/types"
)

// rabbitmq/amqp091-go: Consume and ConsumeWithContext with a constant
// autoAck of false; the deliveries are handled where the returned channel
// is ranged over. With autoAck true the broker forgets a message once
// sent (at most once).
func init() {
	const pkg = "github.com/rabbitmq/amqp091-go"
	on(pkg, "Channel", []string{"Consume"}, amqpConsume(0))
	on(pkg, "Channel", []string{"ConsumeWithContext"}, amqpConsume(1))
}

func amqpConsume(first int) recogniser {
	return func(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
		autoAck, ok := a.constBool(arg(call, first+2))
		if !ok || autoAck {
			return
		}
		c := &Consumer{Library: "amqp091", Pos: call.Pos(), End: call.End(), Kind: "queue", Delivery: AtLeastOnce}
		c.Target = a.queueName(arg(call, first))
		if fn := enclosing(stack); fn != nil {
			if w := a.consumerWrapper(fn); w != "" {
				c.Protection = "consumer middleware " + w
			}
		}
		var stmt ast.Stmt
		for i := len(stack) - 2; i >= 0; i-- {
			if s, ok := stack[i].(ast.Stmt); ok {
				stmt = s
				break
			}
		}
		msgs := a.assigned(stmt, call)
		if !a.rangeOverVar(c, enclosing(stack), msgs) {
			c.Unknown = true
		}
		a.add(c)
	}
}

// queueName returns the constant queue name x denotes: a constant, or
// q.Name of q, _ := ch.QueueDeclare("name", ...).
func (a *analyzer) queueName(x ast.Expr) string {
	if s, ok := a.constString(x); ok {
		return s
	}
	if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok && sel.Sel.Name == "Name" {
		if mk := a.producer(sel.X); mk != nil {
			if s, ok := ast.Unparen(mk.Fun).(*ast.SelectorExpr); ok && s.Sel.Name == "QueueDeclare" {
				name, _ := a.constString(arg(mk, 0))
				return name
			}
		}
	}
	return ""
}
