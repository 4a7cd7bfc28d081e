package retries

import (
	"go/ast"
	"go/types"
	"path"
	"strings"
)

// stripe-go packages whose New moves money, and the stripe.Client V1
// services whose Create does.
var (
	stripeMoneyPackages = map[string]bool{"paymentintent": true, "charge": true, "refund": true, "transfer": true, "payout": true}
	stripeMoneyServices = map[string]bool{
		"v1PaymentIntentService": true, "v1ChargeService": true, "v1RefundService": true,
		"v1TransferService": true, "v1PayoutService": true,
	}
)

const stripeWhy = "stripe-go sends a new key on every call, so each attempt can move money again"

// stripeModule reports whether pkg is (a package of) stripe-go.
func stripeModule(pkg string) bool { return strings.HasPrefix(pkg, stripePrefix) }

// stripeOp recognises a stripe-go call that moves money, with the values
// its caller-set idempotency key is set to.
func (a *finder) stripeOp(call *ast.CallExpr, fn *types.Func, fr *frame) (*Op, []ast.Expr) {
	pkg := fn.Pkg().Path()
	if !stripeModule(pkg) {
		return nil, nil
	}
	var desc string
	var params ast.Expr
	switch {
	case fn.Name() == "New" && stripeMoneyPackages[path.Base(pkg)] && len(call.Args) == 1:
		desc, params = path.Base(pkg)+".New", call.Args[0]
	case fn.Name() == "Create" && len(call.Args) == 2 && fn.Signature().Recv() != nil && stripeService(fn):
		desc, params = "stripe "+serviceName(call)+".Create", call.Args[1]
	default:
		return nil, nil
	}
	op := &Op{Pos: call.Pos(), End: call.End(), Desc: desc, Payment: true,
		KeyHint: "set params.SetIdempotencyKey to a key fixed before the first attempt", Why: stripeWhy}
	return op, a.stripeKeys(params, fr.scope)
}

func stripeService(fn *types.Func) bool {
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && stripeMoneyServices[n.Obj().Name()]
}

// serviceName returns "V1PaymentIntents" for sc.V1PaymentIntents.Create(...).
func serviceName(call *ast.CallExpr) string {
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
			return inner.Sel.Name
		}
	}
	return "client"
}

// stripeKeys returns the values a params struct's IdempotencyKey is set
// to within scope: in its literal, by SetIdempotencyKey or by assignment.
func (a *finder) stripeKeys(params ast.Expr, scope ast.Node) []ast.Expr {
	info := a.pass.TypesInfo
	var keys []ast.Expr
	if lit, ok := a.idx.Resolve(params).(*ast.CompositeLit); ok {
		if p, _ := compositeField(lit, "Params"); p != nil {
			if pl, ok := ast.Unparen(p).(*ast.CompositeLit); ok {
				if k, _ := compositeField(pl, "IdempotencyKey"); k != nil {
					keys = append(keys, unwrapString(info, k))
				}
			}
		}
	}
	x := ast.Unparen(params)
	if u, ok := x.(*ast.UnaryExpr); ok {
		x = ast.Unparen(u.X)
	}
	v := localVar(info, x)
	if v == nil {
		return keys
	}
	isParams := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if sel, ok := e.(*ast.SelectorExpr); ok && sel.Sel.Name == "Params" {
			e = sel.X
		}
		return localVar(info, e) == v
	}
	ast.Inspect(scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "SetIdempotencyKey" && len(n.Args) == 1 && isParams(sel.X) {
				keys = append(keys, n.Args[0])
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "IdempotencyKey" && isParams(sel.X) && len(n.Lhs) == len(n.Rhs) {
					keys = append(keys, unwrapString(info, n.Rhs[i]))
				}
			}
		}
		return true
	})
	return keys
}

// unwrapString returns x for stripe.String(x).
func unwrapString(info *types.Info, e ast.Expr) ast.Expr {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if fn := calleeFunc(info, call); fn != nil && fn.Name() == "String" && fn.Pkg() != nil && stripeModule(fn.Pkg().Path()) {
			return call.Args[0]
		}
	}
	return e
}
