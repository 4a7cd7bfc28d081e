package consumers

import (
	"go/ast"
	"go/types"
)

// aws-sdk-go-v2 SQS: ReceiveMessage (a message not deleted before its
// visibility timeout is delivered again); aws-lambda-go: functions taking
// an events.SQSEvent (a failed batch is redelivered).
func init() {
	on("github.com/aws/aws-sdk-go-v2/service/sqs", "Client", []string{"ReceiveMessage"}, sqsReceive)
	paths["github.com/aws/aws-lambda-go/events"] = true
	decls = append(decls, lambdaSQS)
}

func sqsReceive(a *analyzer, call *ast.CallExpr, _ *types.Func, stack []ast.Node) {
	c := &Consumer{Library: "sqs", Pos: call.Pos(), End: call.End(), Kind: "queue", Delivery: AtLeastOnce}
	c.Target, _ = a.stringish(field(a.composite(arg(call, 1)), "QueueUrl"))
	a.restHandler(c, call, stack)
	a.add(c)
}

// lambdaSQS recognises func(ctx, events.SQSEvent) handlers.
func lambdaSQS(a *analyzer, decl *ast.FuncDecl, fn *types.Func) {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if isType(params.At(i).Type(), "github.com/aws/aws-lambda-go/events", "SQSEvent") {
			c := &Consumer{Library: "lambda", Pos: decl.Name.Pos(), End: decl.Name.End(), Kind: "queue", Delivery: AtLeastOnce, Func: fn}
			c.Handler, c.Msg = decl.Body.List, a.param(decl.Type, i)
			if w := a.consumerWrapper(decl.Body); w != "" {
				c.Protection = "consumer middleware " + w
			}
			a.add(c)
			return
		}
	}
}
