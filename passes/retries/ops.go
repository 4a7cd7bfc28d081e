package retries

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/effects"
	"github.com/idemlint/idemlint/passes/syntax"
)

// A frame is the retried code being searched: a closure, loop body or
// function of the package, with the node its variables are defined in.
type frame struct {
	// scope holds the definitions of the frame's variables: the function
	// declaration (root frame) or the callee's declaration.
	scope ast.Node
	// region is the code run on every attempt; values made inside it are
	// new per attempt.
	region ast.Node
	// params and args bind the callee's parameters to the caller's
	// arguments; parent is the caller's frame.
	params []*types.Var
	args   []ast.Expr
	parent *frame
	// via names the callee for messages ("" in the root frame).
	via string
}

const maxDepth = 3

// retried collects the non-idempotent operations and per-attempt keys of
// the code run on every attempt of r.
func (a *finder) retried(r *Retry, body ast.Node, fr *frame) {
	a.walkOps(r, body, fr, 0)
}

// retriedFunc resolves the operation argument of a retry call (a closure,
// or a function or method of the package) and collects what it retries.
func (a *finder) retriedFunc(r *Retry, s *site, op ast.Expr) bool {
	switch op := ast.Unparen(op).(type) {
	case *ast.FuncLit:
		a.retried(r, op.Body, &frame{scope: s.fn, region: op.Body})
		return true
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := op.(*ast.Ident); ok {
			obj = a.pass.TypesInfo.Uses[id]
			if v := localVar(a.pass.TypesInfo, id); v != nil {
				if lit, ok := a.idx.Resolve(id).(*ast.FuncLit); ok {
					r.indirect = true
					a.retried(r, lit.Body, &frame{scope: s.fn, region: lit.Body})
					return true
				}
				return false
			}
		} else {
			obj = a.pass.TypesInfo.Uses[op.(*ast.SelectorExpr).Sel]
		}
		fn, ok := obj.(*types.Func)
		if !ok {
			return false
		}
		r.indirect = true
		if d := a.idx.Decl(fn); d != nil {
			a.retried(r, d.Body, &frame{scope: d, region: d.Body})
			return true
		}
		// A function of another package without parameters cannot be
		// handed a key: judge it by its inferred effects.
		if fn.Signature().Recv() == nil && fn.Signature().Params().Len() == 0 {
			if op := a.effectOp(fn, a.effects.Of(fn)); op != nil {
				op.Pos, op.End = r.Pos, r.End
				r.Ops = append(r.Ops, op)
			}
		}
		return true
	}
	return false
}

// outbound are the kinds of effect a retry repeats for good: a request,
// a payment or a mail. A database write retried after a failed
// transaction is rolled back, and a message published twice is the
// consumers' to dedup (idemconsumer holds them to it).
const outbound = effects.HTTP | effects.Payment | effects.Mail | effects.Declared

// effectOp returns the operation of a call to fn with effects e, when
// those effects are outbound and not naturally idempotent.
func (a *finder) effectOp(fn *types.Func, e effects.Effects) *Op {
	if e.NonIdempotent == "" || e.Kinds&outbound == 0 {
		return nil
	}
	op := &Op{Desc: funcName(fn) + " (which " + e.NonIdempotent + ")", Payment: e.MovesMoney,
		KeyHint: "hand it an idempotency key fixed before the first attempt"}
	if e.MovesMoney {
		op.Why = "each attempt can move money again"
	}
	return op
}

// keyArgs returns the arguments of a call that look like an idempotency
// key: an expression naming a key or an idempotency value, or minting an
// identifier.
func (a *finder) keyArgs(args []ast.Expr) []ast.Expr {
	var keys []ast.Expr
	for _, arg := range args {
		named := false
		ast.Inspect(arg, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				named = lowerContains(n.Name, "key", "idem", "dedup", "token")
			case *ast.CallExpr:
				named = minter(a.pass.TypesInfo, n) != ""
			}
			return !named
		})
		if named {
			keys = append(keys, arg)
		}
	}
	return keys
}

// walkOps finds operations in body, following calls to functions of the
// package up to maxDepth.
func (a *finder) walkOps(r *Retry, body ast.Node, fr *frame, depth int) {
	info := a.pass.TypesInfo
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := calleeFunc(info, call)
		if fn == nil || fn.Pkg() == nil {
			return true
		}
		if op, keys, kfr := a.httpOp(call, fn, fr); op != nil {
			a.addOp(r, op, keys, kfr, fr.via)
			return true
		}
		if op, keys := a.stripeOp(call, fn, fr); op != nil {
			a.addOp(r, op, keys, fr, fr.via)
			return true
		}
		if d := a.idx.Decl(fn); d != nil && d.Body != nil && !contains(d, call) {
			if depth >= maxDepth {
				return true
			}
			sub := &frame{scope: d, region: d.Body, args: call.Args, parent: fr, via: funcName(fn)}
			params := fn.Signature().Params()
			for i := range params.Len() {
				sub.params = append(sub.params, params.At(i))
			}
			a.walkOps(r, d.Body, sub, depth+1)
			return true
		}
		if p := fn.Pkg().Path(); a.effects != nil && fn.Pkg() != a.pass.Pkg && p != netHTTP && p != retryableHTTP {
			if op := a.effectOp(fn, a.effects.OfCall(call)); op != nil {
				op.Pos, op.End = call.Pos(), call.End()
				keys := a.keyArgs(call.Args)
				if stripeModule(fn.Pkg().Path()) && len(call.Args) > 0 {
					keys = a.stripeKeys(call.Args[len(call.Args)-1], fr.scope)
					op.KeyHint = "set params.SetIdempotencyKey to a key fixed before the first attempt"
					op.Why = stripeWhy
				}
				a.addOp(r, op, keys, fr, fr.via)
			}
		}
		return true
	})
}

// addOp records op with the provenance of its keys.
func (a *finder) addOp(r *Retry, op *Op, keys []ast.Expr, fr *frame, via string) {
	if via != "" {
		op.Desc += " (in " + via + ")"
	}
	for _, o := range r.Ops {
		if o.Desc == op.Desc {
			return
		}
	}
	r.Ops = append(r.Ops, op)
	if len(keys) == 0 {
		return
	}
	op.Keyed = true
	for _, k := range keys {
		if m := a.mintIn(k, fr, 0); m != nil {
			m.Op = op
			r.Mints = append(r.Mints, m)
			return
		}
	}
}

// mutating reports whether an outbound request with this method is not
// naturally idempotent.
func (a *finder) mutating(method string) bool {
	switch strings.ToUpper(method) {
	case "POST", "PATCH":
		return true
	case "PUT", "DELETE":
		return !a.cfg.NaturallyIdempotent(strings.ToUpper(method))
	}
	return false
}

// httpOp recognises an outbound non-idempotent request sent by call, with
// the values its idempotency key headers are set to.
func (a *finder) httpOp(call *ast.CallExpr, fn *types.Func, fr *frame) (*Op, []ast.Expr, *frame) {
	pkg := fn.Pkg().Path()
	if pkg != netHTTP && pkg != retryableHTTP {
		return nil, nil, nil
	}
	post := isFunc(fn, pkg, "Post", "PostForm") || isMethod(fn, pkg, "Client", "Post", "PostForm")
	if post && len(call.Args) > 0 {
		return &Op{Pos: call.Pos(), End: call.End(), Desc: "POST " + a.url(call.Args[0]), KeyHint: a.headerHint()}, nil, fr
	}
	if !isMethod(fn, pkg, "Client", "Do") || len(call.Args) != 1 {
		return nil, nil, nil
	}
	method, url, keys, kfr := a.request(call.Args[0], fr)
	if kfr == nil || !a.mutating(method) {
		return nil, nil, nil
	}
	return &Op{Pos: call.Pos(), End: call.End(), Desc: strings.ToUpper(method) + " " + url, KeyHint: a.headerHint()}, keys, kfr
}

func (a *finder) headerHint() string {
	h := "Idempotency-Key"
	if len(a.cfg.KeyHeaders) > 0 {
		h = a.cfg.KeyHeaders[0]
	}
	return "set the " + h + " header to a key minted once before the first attempt"
}

// url renders the URL argument of a request: its constant value, with
// the variable parts of a concatenation shown as {expr}.
func (a *finder) url(e ast.Expr) string {
	if s, ok := typesutil.ConstString(a.pass.TypesInfo, e); ok {
		return s
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return a.url(b.X) + a.url(b.Y)
	}
	return "{" + shortExpr(e) + "}"
}

// request finds how the request e was built, following parameters to
// the caller's arguments: its method and URL, the values its key headers
// are set to, and the frame those values belong to (nil when the
// request's origin is unknown).
func (a *finder) request(e ast.Expr, fr *frame) (method, url string, keys []ast.Expr, kfr *frame) {
	info := a.pass.TypesInfo
	for range syntax.MaxDepth {
		v := localVar(info, e)
		if v == nil {
			return "", "", nil, nil
		}
		if i := paramIndex(fr, v); i >= 0 {
			e, fr = fr.args[i], fr.parent
			continue
		}
		keys = append(keys, a.headerKeys(v, fr.scope)...)
		call, fn := a.idx.ResolveCall(e)
		if fn == nil || fn.Pkg() == nil {
			return "", "", nil, nil
		}
		pkg := fn.Pkg().Path()
		if pkg != netHTTP && pkg != retryableHTTP {
			return "", "", nil, nil
		}
		args := call.Args
		switch fn.Name() {
		case "NewRequestWithContext":
			if len(args) > 0 {
				args = args[1:]
			}
			fallthrough
		case "NewRequest":
			if len(args) < 2 {
				return "", "", nil, nil
			}
			m, isConst := typesutil.ConstString(info, args[0])
			if !isConst {
				return "", "", nil, nil
			}
			return m, a.url(args[1]), keys, fr
		case "FromRequest":
			if pkg == retryableHTTP && len(args) == 1 {
				e = args[0]
				continue
			}
		}
		return "", "", nil, nil
	}
	return "", "", nil, nil
}

// paramIndex returns the index of parameter v of a callee frame whose
// caller is known, or -1.
func paramIndex(fr *frame, v *types.Var) int {
	if fr.parent == nil {
		return -1
	}
	for i, p := range fr.params {
		if p == v && i < len(fr.args) {
			return i
		}
	}
	return -1
}

// headerKeys returns the values the key headers of request v are set to
// within scope: v.Header.Set(K, x), v.Header.Add(K, x), v.Header[K] = ...,
// v.Header = http.Header{K: {x}}, also in functions of the package the
// request is passed to (the value then is the caller's argument when it
// is a parameter, else the callee's own, fixed, value).
func (a *finder) headerKeys(v *types.Var, scope ast.Node) []ast.Expr {
	return a.headerKeysDepth(v, scope, 0)
}

func (a *finder) headerKeysDepth(v *types.Var, scope ast.Node, depth int) []ast.Expr {
	info := a.pass.TypesInfo
	isV := func(e ast.Expr) bool {
		x := ast.Unparen(e)
		if inner, ok := x.(*ast.SelectorExpr); ok && inner.Sel.Name == "Request" {
			x = inner.X
		}
		return localVar(info, x) == v
	}
	isReq := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Header" && isV(sel.X)
	}
	var keys []ast.Expr
	ast.Inspect(scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if ok && len(n.Args) == 2 && (sel.Sel.Name == "Set" || sel.Sel.Name == "Add") && isReq(sel.X) {
				if k, ok := typesutil.ConstString(info, n.Args[0]); ok && a.keyHeader(k) {
					keys = append(keys, n.Args[1])
				}
				return true
			}
			keys = append(keys, a.calleeKeys(n, isV, depth)...)
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if len(n.Lhs) != len(n.Rhs) {
					break
				}
				if isReq(lhs) { // v.Header = http.Header{K: {x}}
					if lit, ok := ast.Unparen(n.Rhs[i]).(*ast.CompositeLit); ok {
						for _, el := range lit.Elts {
							if kv, ok := el.(*ast.KeyValueExpr); ok {
								if k, ok := typesutil.ConstString(info, kv.Key); ok && a.keyHeader(k) {
									keys = append(keys, single(kv.Value))
								}
							}
						}
					}
					continue
				}
				idx, ok := lhs.(*ast.IndexExpr)
				if !ok || !isReq(idx.X) {
					continue
				}
				if k, ok := typesutil.ConstString(info, idx.Index); ok && a.keyHeader(k) {
					keys = append(keys, single(n.Rhs[i]))
				}
			}
		}
		return true
	})
	return keys
}

// calleeKeys returns the key values set on the request by a function of
// the package that call passes the request to.
func (a *finder) calleeKeys(call *ast.CallExpr, isV func(ast.Expr) bool, depth int) []ast.Expr {
	if depth >= maxDepth {
		return nil
	}
	fn := calleeFunc(a.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	d := a.idx.Decl(fn)
	if d == nil || contains(d, call) {
		return nil
	}
	params := fn.Origin().Signature().Params()
	var keys []ast.Expr
	for i, arg := range call.Args {
		if i >= params.Len() || !isV(arg) {
			continue
		}
		for _, k := range a.headerKeysDepth(params.At(i), d.Body, depth+1) {
			// a parameter of the callee stands for the caller's argument
			if p := localVar(a.pass.TypesInfo, k); p != nil {
				for j := range params.Len() {
					if params.At(j) == p && j < len(call.Args) {
						k = call.Args[j]
					}
				}
			}
			keys = append(keys, k)
		}
	}
	return keys
}

// single returns x for []string{x}.
func single(e ast.Expr) ast.Expr {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
		return lit.Elts[0]
	}
	return e
}

// keyHeader reports whether h is a configured idempotency key header.
func (a *finder) keyHeader(h string) bool {
	for _, k := range a.cfg.KeyHeaders {
		if strings.EqualFold(k, h) {
			return true
		}
	}
	return false
}
