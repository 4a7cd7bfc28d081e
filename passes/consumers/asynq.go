package consumers

import (
	"go/ast"
	"go/types"
)

// hibiken/asynq: handlers registered on a ServeMux (HandleFunc(type, h),
// Handle(type, handler)) and handlers a Server runs directly
// (Run/Start(handler), not a ServeMux). asynq retries a task whose
// handler fails, so a task is handled at least once. A deterministic task
// id (asynq.TaskID) or asynq.Unique at enqueue deduplicates enqueueing,
// not handling: a retried task runs its handler again. Consumer dedup
// middleware Use'd on the mux protects its handlers.
func init() {
	const pkg = "github.com/hibiken/asynq"
	on(pkg, "ServeMux", []string{"HandleFunc", "Handle"}, asynqHandle)
	on(pkg, "Server", []string{"Run", "Start"}, asynqRun)
}

func asynqHandle(a *analyzer, call *ast.CallExpr, _ *types.Func, _ []ast.Node) {
	c := &Consumer{Library: "asynq", Pos: call.Pos(), End: call.End(), Kind: "task type", Delivery: AtLeastOnce}
	c.Target, _ = a.constString(arg(call, 0))
	c.Protection = a.dedupMiddleware(a.objectOf(recvExpr(call)))
	a.asynqHandler(c, arg(call, 1))
	a.add(c)
}

func asynqRun(a *analyzer, call *ast.CallExpr, _ *types.Func, _ []ast.Node) {
	h := arg(call, 0)
	if h == nil || isType(a.pass.TypesInfo.TypeOf(h), "github.com/hibiken/asynq", "ServeMux") {
		return // the mux's registrations are the consumers
	}
	c := &Consumer{Library: "asynq", Pos: call.Pos(), End: call.End(), Kind: "task type", Delivery: AtLeastOnce}
	a.asynqHandler(c, h)
	a.add(c)
}

// asynqHandler sets c's handler to the function x denotes, or to the
// ProcessTask method of a type of the package; the task is the second
// parameter.
func (a *analyzer) asynqHandler(c *Consumer, x ast.Expr) {
	if x != nil {
		if t := a.pass.TypesInfo.TypeOf(x); t != nil {
			if _, fn := t.Underlying().(*types.Signature); !fn {
				obj, _, _ := types.LookupFieldOrMethod(t, true, a.pass.Pkg, "ProcessTask")
				if m, ok := obj.(*types.Func); ok && a.idx.Decl(m) != nil && a.consumerWrapper(x) == "" {
					decl := a.idx.Decl(m)
					c.Func, c.Handler, c.Msg = m, decl.Body.List, a.param(decl.Type, 1)
					return
				}
			}
		}
	}
	a.funcHandler(c, x, 1)
}
