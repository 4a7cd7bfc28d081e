package consumers

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// A service's own subscription abstraction, named in the configuration
// (consumers: [example.com/shop/broker.Subscriber.Subscribe]): a function
// or method, often of an interface that broker adapters implement, that
// registers a handler the adapter calls for each message. It is taken to
// deliver at least once. The handler is its last function argument, the
// message the handler's first parameter that is not a context.Context,
// and the target its first constant string argument.

// subscriptionSet returns the configured consumers as a set.
func subscriptionSet(names []string) map[string]bool {
	if len(names) == 0 {
		return nil
	}
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}

// subscribes reports whether pkg declares or imports a package of one of
// the configured consumers.
func subscribes(pkg *types.Package, names []string) bool {
	for _, n := range names {
		for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
			if strings.HasPrefix(n, p.Path()+".") && !strings.Contains(n[len(p.Path())+1:], "/") {
				return true
			}
		}
	}
	return false
}

// subscription records the consumer a call of a configured consumer
// registers.
func (a *analyzer) subscription(call *ast.CallExpr, fn *types.Func) {
	name := fn.Pkg().Name() + "." + fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if n := typesutil.NamedOf(recv.Type()); n != nil {
			name = fn.Pkg().Name() + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	c := &Consumer{Library: name, Pos: call.Pos(), End: call.End(), Kind: "topic", Delivery: AtLeastOnce}
	var h ast.Expr
	msg := 0
	for _, x := range call.Args {
		if s, ok := a.constString(x); ok && c.Target == "" {
			c.Target = s
		}
		if t := a.pass.TypesInfo.TypeOf(x); t != nil {
			if sig, ok := t.Underlying().(*types.Signature); ok {
				h, msg = x, 0
				for i := range sig.Params().Len() {
					if !isType(sig.Params().At(i).Type(), "context", "Context") {
						msg = i
						break
					}
				}
			}
		}
	}
	a.funcHandler(c, h, msg)
	a.add(c)
}
