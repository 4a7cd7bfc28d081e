package retries

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// retryableHTTP recognises a request sent through a retrying
// hashicorp/go-retryablehttp client: its Client's Do, Post and PostForm,
// the package-level Post and PostForm (the default client retries 4
// times), and the *http.Client its StandardClient returns. Its default
// retry policy retries whatever the method.
func (a *finder) retryableHTTP(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	var mech string
	switch pkg := fn.Pkg().Path(); {
	case pkg == retryableHTTP && isFunc(fn, pkg, "Post", "PostForm"):
		mech = "retryablehttp." + fn.Name()
	case pkg == retryableHTTP && isMethod(fn, pkg, "Client", "Do", "Post", "PostForm"):
		if !a.clientRetries(s, receiver(call)) {
			return nil
		}
		mech = "retryablehttp.Client." + fn.Name()
	case pkg == netHTTP && isMethod(fn, pkg, "Client", "Do", "Post", "PostForm"):
		if !a.retryingStd(receiver(call)) {
			return nil
		}
		mech = "the retrying http.Client's " + fn.Name()
	default:
		return nil
	}
	op, keys, kfr := a.httpOp(call, fn, &frame{scope: s.fn})
	if op == nil {
		return nil
	}
	r := &Retry{Mechanism: mech, Pos: call.Pos(), End: call.End()}
	a.addOp(r, op, keys, kfr, "")
	return r
}

func receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// clientRetries reports whether a *retryablehttp.Client retries: one
// from NewClient does (RetryMax 4) unless RetryMax is set to 0 or a
// custom CheckRetry may look at the method; a literal retries only with
// a RetryMax. A client whose origin is unknown is taken to retry, the
// purpose of the type.
func (a *finder) clientRetries(s *site, recv ast.Expr) bool {
	if recv == nil {
		return false
	}
	info := a.pass.TypesInfo
	v := localVar(info, stripAddr(recv))
	switch x := a.idx.Resolve(recv).(type) {
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			return a.fieldRetries(sel.Obj().(*types.Var))
		}
	case *ast.CallExpr:
		if !isFunc(calleeFunc(info, x), retryableHTTP, "NewClient") {
			return true
		}
	case *ast.CompositeLit:
		if !typesutil.IsNamed(info.TypeOf(x), retryableHTTP, "Client") {
			return true
		}
		if cr, _ := compositeField(x, "CheckRetry"); cr != nil && !defaultPolicy(info, cr) {
			return false
		}
		m, _ := compositeField(x, "RetryMax")
		if m == nil || isZero(info, m) {
			return len(fieldAssigns(info, s.fn, v, "RetryMax")) > 0 && a.retryMaxAssigned(s, v)
		}
	}
	if v == nil {
		return true
	}
	for _, cr := range fieldAssigns(info, s.fn, v, "CheckRetry") {
		if !defaultPolicy(info, cr) {
			return false
		}
	}
	return a.retryMaxAssigned(s, v)
}

// fieldRetries reports whether the clients the package stores in a field
// (in a struct literal, or by assignment) retry: one of them does, or
// none is stored (an origin the package does not show). A client stored
// in a field of its own keeps its settings: RetryMax = 0 in the
// constructor, or on the field (s.client.RetryMax = 0), turns retries off
// for the requests sent through that field.
func (a *finder) fieldRetries(field *types.Var) bool {
	if r, ok := a.fieldRetrying[field]; ok {
		return r
	}
	if a.fieldRetrying == nil {
		a.fieldRetrying = make(map[*types.Var]bool)
	}
	a.fieldRetrying[field] = true // while it is computed
	info := a.pass.TypesInfo
	stored, retries, off := false, false, false
	for _, fv := range a.idx.FieldValues(field) {
		stored = true
		retries = retries || a.clientRetries(&site{file: fv.File, fn: fv.Func}, fv.Value)
	}
	if retryMax, ok := fieldOf(field.Type(), "RetryMax"); ok {
		for _, fv := range a.idx.FieldValues(retryMax) {
			if sel, ok := ast.Unparen(fv.Lhs).(*ast.SelectorExpr); ok {
				if x, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && info.ObjectOf(x.Sel) == field {
					off = isZero(info, fv.Value)
				}
			}
		}
	}
	r := !stored || retries && !off
	a.fieldRetrying[field] = r
	return r
}

// fieldOf returns the field name of the struct t or *t points to.
func fieldOf(t types.Type, name string) (*types.Var, bool) {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	v, ok := obj.(*types.Var)
	return v, ok && v.IsField()
}

// retryMaxAssigned reports whether the last v.RetryMax assignment, if
// any, leaves retries on.
func (a *finder) retryMaxAssigned(s *site, v *types.Var) bool {
	on := true
	if v != nil {
		for _, x := range fieldAssigns(a.pass.TypesInfo, s.fn, v, "RetryMax") {
			on = !isZero(a.pass.TypesInfo, x)
		}
	}
	return on
}

// defaultPolicy reports whether e is one of retryablehttp's own retry
// policies, which ignore the method.
func defaultPolicy(info *types.Info, e ast.Expr) bool {
	var obj types.Object
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		obj = info.Uses[e.Sel]
	case *ast.Ident:
		obj = info.Uses[e]
	}
	fn, ok := obj.(*types.Func)
	return ok && isFunc(fn, retryableHTTP, "DefaultRetryPolicy", "ErrorPropagatedRetryPolicy")
}

// retryingObject reports whether the variable, field or parameter obj
// holds a retrying *http.Client: is given one in the package, or the
// value of another that holds one, at most syntax.MaxDepth steps away.
func (a *finder) retryingObject(obj types.Object) bool {
	if obj == nil || !a.stdSources {
		return false
	}
	r, ok := a.stdRetrying[obj]
	if !ok {
		r = a.holdsRetrying(obj, map[types.Object]bool{}, 0)
		a.stdRetrying[obj] = r
	}
	return r
}

func (a *finder) holdsRetrying(obj types.Object, visiting map[types.Object]bool, depth int) bool {
	if obj == nil || visiting[obj] || depth > syntax.MaxDepth {
		return false
	}
	visiting[obj] = true
	for _, e := range a.valuesOf(obj) {
		if a.retryingValue(&site{}, e) || a.holdsRetrying(exprObject(a.pass.TypesInfo, e), visiting, depth+1) {
			return true
		}
	}
	return false
}

// valuesOf returns the values the package gives the variable, field or
// parameter obj: for a parameter of a function of the package that is
// not variadic, the arguments of its calls.
func (a *finder) valuesOf(obj types.Object) []ast.Expr {
	v, ok := obj.(*types.Var)
	if !ok {
		return nil
	}
	if fn, i := a.idx.Param(v); fn != nil {
		if fn.Signature().Variadic() {
			return nil
		}
		var out []ast.Expr
		for _, call := range a.idx.Calls(fn) {
			if i < len(call.Args) {
				out = append(out, call.Args[i])
			}
		}
		return out
	}
	return a.idx.Given(v)
}

// retryingValue reports whether e is rc.StandardClient() or an
// http.Client whose Transport is a retryablehttp.RoundTripper.
func (a *finder) retryingValue(s *site, e ast.Expr) bool {
	info := a.pass.TypesInfo
	switch x := stripAddr(e).(type) {
	case *ast.CallExpr:
		return isMethod(calleeFunc(info, x), retryableHTTP, "Client", "StandardClient")
	case *ast.CompositeLit:
		if !typesutil.IsNamed(info.TypeOf(x), netHTTP, "Client") {
			return false
		}
		t, _ := compositeField(x, "Transport")
		if t == nil {
			return false
		}
		if typesutil.IsNamed(info.TypeOf(t), retryableHTTP, "RoundTripper") {
			return true
		}
		// failsafehttp.NewRoundTripper(inner, policies...) with a retry policy
		if c, ok := ast.Unparen(t).(*ast.CallExpr); ok && isFunc(calleeFunc(info, c), failsafeHTTPPkg, "NewRoundTripper") && len(c.Args) > 1 {
			return a.failsafePolicies(s, c.Args[1:]) != nil
		}
		return false
	}
	return false
}

// retryingStd reports whether an *http.Client expression retries.
func (a *finder) retryingStd(e ast.Expr) bool {
	if e == nil {
		return false
	}
	info := a.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return a.retryingObject(info.ObjectOf(x))
	case *ast.SelectorExpr:
		return a.retryingObject(info.ObjectOf(x.Sel))
	}
	return a.retryingValue(&site{}, e)
}
