package consumers

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// IBM/sarama and Shopify/sarama: ConsumeClaim of a consumer group handler
// and ranges over PartitionConsumer.Messages(); offsets are marked after
// handling, so delivery is at least once.
func init() {
	for _, pkg := range []string{"github.com/IBM/sarama", "github.com/Shopify/sarama"} {
		paths[pkg] = true
		on(pkg, "PartitionConsumer", []string{"Messages"}, saramaPartition)
	}
	decls = append(decls, saramaConsumeClaim)
}

func isSarama(t types.Type, name string) bool {
	return isType(t, "github.com/IBM/sarama", name) || isType(t, "github.com/Shopify/sarama", name)
}

// saramaConsumeClaim recognises func (h T) ConsumeClaim(sarama.ConsumerGroupSession, sarama.ConsumerGroupClaim) error.
func saramaConsumeClaim(a *analyzer, decl *ast.FuncDecl, fn *types.Func) {
	sig := fn.Signature()
	if fn.Name() != "ConsumeClaim" || sig.Recv() == nil || sig.Params().Len() != 2 ||
		!isSarama(sig.Params().At(0).Type(), "ConsumerGroupSession") || !isSarama(sig.Params().At(1).Type(), "ConsumerGroupClaim") {
		return
	}
	c := &Consumer{Library: "sarama", Pos: decl.Name.Pos(), End: decl.Name.End(), Kind: "topic", Delivery: AtLeastOnce, Func: fn}
	if n := typesutil.NamedOf(sig.Recv().Type()); n != nil {
		if topics := a.groupTopics[n]; len(topics) > 0 {
			c.Target = strings.Join(topics, ", ")
		}
	}
	claim := a.param(decl.Type, 1)
	found := a.rangeHandler(c, decl.Body, func(x ast.Expr) bool {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Messages" {
			return false
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && claim != nil && a.pass.TypesInfo.Uses[id] == claim
	})
	if !found {
		c.Handler, c.Msg = decl.Body.List, claim
	}
	if w := a.consumerWrapper(decl.Body); w != "" {
		c.Protection = "consumer middleware " + w
	}
	a.add(c)
}

// indexGroupConsume records the topics of group.Consume(ctx, topics,
// handler) by the handler's type.
func (a *analyzer) indexGroupConsume(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Signature().Recv() == nil || !isSarama(fn.Signature().Recv().Type(), "ConsumerGroup") || len(call.Args) != 3 {
		return
	}
	n := typesutil.NamedOf(a.pass.TypesInfo.TypeOf(call.Args[2]))
	lit := a.composite(call.Args[1])
	if n == nil || lit == nil {
		return
	}
	var topics []string
	for _, e := range lit.Elts {
		if s, ok := a.constString(e); ok {
			topics = append(topics, s)
		}
	}
	if len(topics) == len(lit.Elts) {
		a.groupTopics[n] = topics
	}
}

// saramaPartition recognises for msg := range pc.Messages().
func saramaPartition(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	if len(stack) < 2 {
		return
	}
	r, ok := stack[len(stack)-2].(*ast.RangeStmt)
	if !ok || ast.Unparen(r.X) != call {
		return
	}
	c := &Consumer{Library: "sarama", Pos: call.Pos(), End: call.End(), Kind: "topic", Delivery: AtLeastOnce}
	if mk := a.producer(recvExpr(call)); mk != nil {
		c.Target, _ = a.constString(arg(mk, 0))
	}
	if fn := enclosing(stack); fn != nil {
		if w := a.consumerWrapper(fn); w != "" {
			c.Protection = "consumer middleware " + w
		}
	}
	a.rangeHandler(c, r, func(x ast.Expr) bool { return ast.Unparen(x) == call })
	a.add(c)
}
