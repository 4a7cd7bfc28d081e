package consumers

import (
	"go/ast"
	"go/types"
)

// cloud.google.com/go/pubsub: v1 Subscription.Receive and v2
// Subscriber.Receive; a message not acked before its deadline is
// redelivered.
func init() {
	const pkg = "cloud.google.com/go/pubsub"
	on(pkg, "Subscription", []string{"Receive"}, pubsubReceive)
	on(pkg, "Subscriber", []string{"Receive"}, pubsubReceive)
}

func pubsubReceive(a *analyzer, call *ast.CallExpr, _ *types.Func, _ []ast.Node) {
	c := &Consumer{Library: "pubsub", Pos: call.Pos(), End: call.End(), Kind: "subscription", Delivery: AtLeastOnce}
	if mk := a.producer(recvExpr(call)); mk != nil {
		if sel, ok := ast.Unparen(mk.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Subscription" || sel.Sel.Name == "Subscriber") {
			c.Target, _ = a.constString(arg(mk, 0))
		}
	}
	a.funcHandler(c, arg(call, 1), 1)
	a.add(c)
}
