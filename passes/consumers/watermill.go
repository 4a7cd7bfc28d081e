package consumers

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/passes/directives"
)

// ThreeDotsLabs/watermill: Router.AddHandler, AddNoPublisherHandler and
// AddConsumerHandler (a message is acked after its handler succeeds), and
// ranges over Subscriber.Subscribe channels. middleware.Deduplicator (or
// consumer dedup middleware) added to the router or the handler protects
// it. The messages an AddHandler handler returns are published to its
// publish topic.
func init() {
	const pkg = "github.com/ThreeDotsLabs/watermill/message"
	on(pkg, "Router", []string{"AddHandler"}, watermillHandler(5, 3))
	on(pkg, "Router", []string{"AddNoPublisherHandler", "AddConsumerHandler"}, watermillHandler(3, -1))
	on(pkg, "Subscriber", []string{"Subscribe"}, watermillSubscribe)
}

func watermillHandler(handler, publishTopic int) recogniser {
	return func(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
		c := &Consumer{Library: "watermill", Pos: call.Pos(), End: call.End(), Kind: "topic", Delivery: AtLeastOnce}
		c.Target, _ = a.constString(arg(call, 1))
		protected := a.dedupMiddleware(a.objectOf(recvExpr(call)))
		if protected == "" && len(stack) >= 2 {
			// the returned handler: h := r.AddHandler(...); h.AddMiddleware(...)
			// or r.AddHandler(...).AddMiddleware(...)
			parent := stack[len(stack)-2]
			if sel, ok := parent.(*ast.SelectorExpr); ok && sel.Sel.Name == "AddMiddleware" && len(stack) >= 3 {
				if mw, ok := stack[len(stack)-3].(*ast.CallExpr); ok {
					protected = a.dedupArgs(mw.Args)
				}
			}
			if obj := a.assigned(stmtOf(stack), call); obj != nil && protected == "" {
				protected = a.dedupMiddleware(obj)
			}
		}
		c.Protection = protected
		h := arg(call, handler)
		a.funcHandler(c, h, 0)
		if !c.Unknown && publishTopic >= 0 && returnsMessages(h, a) {
			topic, _ := a.constString(arg(call, publishTopic))
			c.publishes = "publishes to " + quote(topic)
			if topic == "" {
				c.publishes = "publishes the messages it returns"
			}
		}
		a.add(c)
	}
}

func quote(s string) string { return `"` + s + `"` }

// stmtOf returns the innermost statement in stack.
func stmtOf(stack []ast.Node) ast.Stmt {
	for i := len(stack) - 1; i >= 0; i-- {
		if s, ok := stack[i].(ast.Stmt); ok {
			return s
		}
	}
	return nil
}

// dedupMiddleware returns what protects the router or handler obj: the
// middleware added to it, or "".
func (a *analyzer) dedupMiddleware(obj types.Object) string {
	if obj == nil {
		return ""
	}
	return a.dedupArgs(a.middleware[obj])
}

// dedupArgs returns "middleware.Deduplicator" or the consumer dedup
// middleware among the middleware args, or "".
func (a *analyzer) dedupArgs(args []ast.Expr) string {
	for _, x := range args {
		name := ""
		ast.Inspect(x, func(n ast.Node) bool {
			if name != "" {
				return false
			}
			switch n := n.(type) {
			case ast.Expr:
				if tv, ok := a.pass.TypesInfo.Types[n]; ok && isType(tv.Type, "github.com/ThreeDotsLabs/watermill/message/router/middleware", "Deduplicator") {
					name = "middleware.Deduplicator"
				}
				if id, ok := n.(*ast.Ident); ok {
					if obj := a.pass.TypesInfo.Uses[id]; obj != nil && a.dirs.Is(obj, directives.Consumer) {
						name = "consumer middleware " + obj.Name()
					}
				}
			}
			return true
		})
		if name != "" {
			return name
		}
	}
	return ""
}

// returnsMessages reports whether the handler function returns messages
// (a first result other than nil) on some path.
func returnsMessages(h ast.Expr, a *analyzer) bool {
	var body *ast.BlockStmt
	switch v := ast.Unparen(h).(type) {
	case *ast.FuncLit:
		body = v.Body
	case *ast.Ident:
		if fn, ok := a.pass.TypesInfo.Uses[v].(*types.Func); ok && a.idx.Decl(fn) != nil {
			body = a.idx.Decl(fn).Body
		}
	case *ast.SelectorExpr:
		if fn, ok := a.pass.TypesInfo.Uses[v.Sel].(*types.Func); ok && a.idx.Decl(fn) != nil {
			body = a.idx.Decl(fn).Body
		}
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 2 {
				if id, ok := ast.Unparen(n.Results[0]).(*ast.Ident); !ok || id.Name != "nil" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// watermillSubscribe recognises msgs, err := sub.Subscribe(ctx, topic)
// and the range over msgs.
func watermillSubscribe(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	c := &Consumer{Library: "watermill", Pos: call.Pos(), End: call.End(), Kind: "topic", Delivery: AtLeastOnce}
	c.Target, _ = a.constString(arg(call, 1))
	if fn := enclosing(stack); fn != nil {
		if w := a.consumerWrapper(fn); w != "" {
			c.Protection = "consumer middleware " + w
		}
	}
	if !a.rangeOverVar(c, enclosing(stack), a.assigned(stmtOf(stack[:len(stack)-1]), call)) {
		c.Unknown = true
	}
	a.add(c)
}
