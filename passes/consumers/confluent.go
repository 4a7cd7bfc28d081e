package consumers

import (
	"go/ast"
	"go/types"
	"strings"
)

// confluent-kafka-go v2: Consumer.ReadMessage and Poll loops. Offsets are
// committed after the message is returned (automatically in the
// background, or by the application), so a crash redelivers it.
func init() {
	const pkg = "github.com/confluentinc/confluent-kafka-go/kafka"
	on(pkg, "Consumer", []string{"ReadMessage", "Poll"}, confluentRead)
}

func confluentRead(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	c := &Consumer{Library: "confluent-kafka-go", Pos: call.Pos(), End: call.End(), Kind: "topic", Delivery: AtLeastOnce}
	c.Target = a.confluentTopics(a.objectOf(recvExpr(call)), enclosing(stack))
	a.restHandler(c, call, stack)
	a.add(c)
}

// confluentTopics returns the constant topics consumer subscribes to in
// scope: c.Subscribe("t", nil) or c.SubscribeTopics([]string{"t"}, nil).
func (a *analyzer) confluentTopics(consumer types.Object, scope ast.Node) string {
	if consumer == nil || scope == nil {
		return ""
	}
	var topics []string
	ast.Inspect(scope, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || topics != nil {
			return topics == nil
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || a.objectOf(sel.X) != consumer {
			return true
		}
		switch sel.Sel.Name {
		case "Subscribe":
			if t, ok := a.constString(arg(call, 0)); ok {
				topics = []string{t}
			}
		case "SubscribeTopics":
			if lit := a.composite(arg(call, 0)); lit != nil {
				for _, e := range lit.Elts {
					t, ok := a.constString(e)
					if !ok {
						return false
					}
					topics = append(topics, t)
				}
			}
		}
		return topics == nil
	})
	return strings.Join(topics, ", ")
}
