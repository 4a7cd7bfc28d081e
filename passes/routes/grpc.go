package routes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/names"
	"github.com/idemlint/idemlint/internal/typesutil"
)

const (
	grpcPath     = "google.golang.org/grpc"
	selectorPath = "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector"
)

// RPCMethod is the Method of every RPC route.
const RPCMethod = "RPC"

func init() {
	frameworks[grpcPath] = grpcCall
	frameworks[selectorPath] = selectorCall
	routerTypes[grpcPath+".Server"] = "grpc"
	routerTypes[grpcPath+".ServiceRegistrar"] = "grpc"
	dialects["grpc"] = dialect{interceptor: grpcInterceptor}
}

// ReadProcedure reports whether an RPC's method name, or the last element
// of its full name "/pkg.Service/Method", reads as a read: Get, List,
// Find, ... as a whole camel-case word (names.ReadProcedure).
func ReadProcedure(name string) bool { return names.ReadProcedure(name) }

// An rpcInfo describes the procedure a registration serves.
type rpcInfo struct {
	streaming bool
	idem      Idempotency // declared in generated code
}

// An rpcFilter limits an RPC interceptor to the procedures it runs for. A
// filter with idem set is not an interceptor but a declared idempotency
// level carried in an option list (connect.WithIdempotency).
type rpcFilter struct {
	kind int     // 0 any RPC, rpcUnary or rpcStream
	set  *rpcSet // nil: every procedure
	idem Idempotency
}

const (
	rpcUnary = 1 + iota
	rpcStream
)

// An rpcSet is a set of full method names, or its complement.
type rpcSet struct {
	names  map[string]bool
	except bool
}

func (s *rpcSet) has(name string) bool { return s.names[name] != s.except }

func (s *rpcSet) not() *rpcSet { return &rpcSet{s.names, !s.except} }

func (s *rpcSet) or(t *rpcSet) *rpcSet {
	// a|b = !(!a & !b)
	if s.except || t.except {
		return s.not().and(t.not()).not()
	}
	u := &rpcSet{names: map[string]bool{}}
	for n := range s.names {
		u.names[n] = true
	}
	for n := range t.names {
		u.names[n] = true
	}
	return u
}

func (s *rpcSet) and(t *rpcSet) *rpcSet {
	u := &rpcSet{names: map[string]bool{}}
	switch {
	case !s.except && !t.except:
		for n := range s.names {
			if t.names[n] {
				u.names[n] = true
			}
		}
	case s.except && t.except:
		u.except = true
		for n := range s.names {
			u.names[n] = true
		}
		for n := range t.names {
			u.names[n] = true
		}
	default:
		pos, neg := s, t
		if s.except {
			pos, neg = t, s
		}
		for n := range pos.names {
			if !neg.names[n] {
				u.names[n] = true
			}
		}
	}
	return u
}

// runs reports whether the middleware runs for a procedure, and whether
// the analysis knows.
func (m *Middleware) runs(path string, streaming bool) (runs, known bool) {
	f := m.only
	if f == nil {
		return true, true
	}
	if (f.kind == rpcUnary && streaming) || (f.kind == rpcStream && !streaming) {
		return false, true
	}
	if f.set == nil {
		return true, true
	}
	if !strings.HasPrefix(path, "/") {
		return false, false // the full name is not known
	}
	return f.set.has(path), true
}

// rpcChain returns the chain of an RPC route: interceptors that do not
// run for it are dropped, a selector the analysis cannot decide makes its
// platform interceptor unknown, and declared idempotency is collected.
func rpcChain(chain []Middleware, path string, streaming bool) ([]Middleware, Idempotency) {
	var out []Middleware
	var idem Idempotency
	for _, m := range chain {
		if m.only != nil && m.only.idem != 0 {
			idem = m.only.idem
			continue
		}
		runs, known := m.runs(path, streaming)
		switch {
		case !known && m.Platform:
			m.Platform, m.Unknown = false, true
		case !runs:
			continue
		}
		out = append(out, m)
	}
	return out, idem
}

// withFilter returns copies of mws limited to kind (and set, when not nil).
func withFilter(mws []Middleware, kind int, set *rpcSet, scope Scope) mwList {
	out := make(mwList, 0, len(mws))
	for _, m := range mws {
		f := rpcFilter{}
		if m.only != nil {
			f = *m.only
		}
		if kind != 0 {
			f.kind = kind
		}
		if set != nil {
			f.set = set
		}
		m.only = &f
		if scope != 0 && m.Scope == 0 {
			m.Scope = scope
		}
		out = append(out, m)
	}
	return out
}

// fixed reports whether a router's middleware is fixed when it is
// created (a gRPC server's interceptors), so code that receives it later
// (reflection.Register, a health server) cannot add any.
func (r *router) fixed() bool { return r.find().framework == "grpc" }

// isInterceptorType reports whether t is an RPC server interceptor type.
func isInterceptorType(t types.Type) bool {
	return typesutil.IsNamed(t, grpcPath, "UnaryServerInterceptor") || typesutil.IsNamed(t, grpcPath, "StreamServerInterceptor") ||
		typesutil.IsNamed(t, connectPath, "Interceptor") || typesutil.IsNamed(t, connectPath, "UnaryInterceptorFunc")
}

// isRPCOption reports whether t is an option type whose values the
// evaluator models as middleware lists.
func isRPCOption(t types.Type) bool {
	if t == nil {
		return false
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	return typesutil.IsNamed(t, grpcPath, "ServerOption") || typesutil.IsNamed(t, connectPath, "HandlerOption") || typesutil.IsNamed(t, connectPath, "Option")
}

// grpcCall models gRPC-Go servers: NewServer with its interceptor options
// (a server's interceptors are fixed when it is created, so its services
// are complete wherever it is created), RegisterService, and the options
// that install interceptors.
func grpcCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		switch fn.Name() {
		case "NewServer":
			r := e.newRouter("grpc")
			r.mws = withFilter(e.optionArgs(fr, call.Args), 0, nil, ScopeServer)
			e.serve(&handler{router: r}, call.Pos())
			return r, true
		case "UnaryInterceptor", "ChainUnaryInterceptor":
			return withFilter(e.interceptorArgs(fr, call.Args), rpcUnary, nil, 0), true
		case "StreamInterceptor", "ChainStreamInterceptor":
			return withFilter(e.interceptorArgs(fr, call.Args), rpcStream, nil, 0), true
		}
		if sig.Results().Len() == 1 && typesutil.IsNamed(sig.Results().At(0).Type(), grpcPath, "ServerOption") {
			for _, a := range call.Args {
				e.eval(fr, a)
			}
			return mwList{}, true // an option that installs no interceptor
		}
		return nil, false
	}
	if fn.Name() != "RegisterService" || len(call.Args) != 2 {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	r := e.asRouter(e.eval(fr, sel.X), "grpc")
	e.eval(fr, call.Args[1])
	desc := ast.Unparen(call.Args[0])
	if u, ok := desc.(*ast.UnaryExpr); ok && u.Op == token.AND {
		desc = ast.Unparen(u.X)
	}
	var obj types.Object
	switch d := desc.(type) {
	case *ast.Ident:
		obj = e.pass.TypesInfo.Uses[d]
	case *ast.SelectorExpr:
		obj = e.pass.TypesInfo.Uses[d.Sel]
	}
	if v, ok := obj.(*types.Var); ok && v.Pkg() != nil {
		name := strings.TrimPrefix(strings.TrimSuffix(strings.TrimSuffix(v.Name(), "_ServiceDesc"), "_serviceDesc"), "_")
		if iface := lookupType(v.Pkg(), name+"Server"); iface != nil && name != v.Name() {
			e.registerGRPC(r, call, v.Pkg(), name, iface, call.Args[1])
		}
	}
	return nil, true
}

// generatedCall models calls recognised by their shape rather than their
// package: the registration functions protoc-gen-go-grpc and
// protoc-gen-connect-go generate, and a router method given the
// (path, handler) pair of a connect service.
func (e *evaluator) generatedCall(fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	if v, ok := e.connectMount(fr, call, fn); ok {
		return v, true
	}
	sig := fn.Signature()
	name := fn.Name()
	switch {
	case sig.Recv() == nil && strings.HasPrefix(name, "Register") && strings.HasSuffix(name, "Server") &&
		sig.Params().Len() == 2 && len(call.Args) == 2 &&
		(typesutil.IsNamed(sig.Params().At(0).Type(), grpcPath, "ServiceRegistrar") || typesutil.IsNamed(sig.Params().At(0).Type(), grpcPath, "Server")):
		iface, ok := types.Unalias(sig.Params().At(1).Type()).(*types.Named)
		if !ok || !types.IsInterface(iface) || iface.Obj().Pkg() != fn.Pkg() {
			return nil, false
		}
		service := strings.TrimSuffix(strings.TrimPrefix(name, "Register"), "Server")
		r := e.asRouter(e.eval(fr, call.Args[0]), "grpc")
		e.eval(fr, call.Args[1])
		e.registerGRPC(r, call, fn.Pkg(), service, iface, call.Args[1])
		return nil, true
	case sig.Recv() == nil && strings.HasPrefix(name, "New") && strings.HasSuffix(name, "Handler"):
		return e.connectService(fr, call, fn)
	}
	return nil, false
}

// registerGRPC registers one route per method of a generated service
// interface on the server r.
func (e *evaluator) registerGRPC(r *router, call *ast.CallExpr, pkg *types.Package, service string, iface *types.Named, impl ast.Expr) {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		return
	}
	for m := range it.Methods() {
		if !m.Exported() {
			continue
		}
		path := service + "/" + m.Name()
		if c, ok := pkg.Scope().Lookup(service + "_" + m.Name() + "_FullMethodName").(*types.Const); ok && c.Val().Kind() == constant.String {
			path = constant.StringVal(c.Val())
		}
		msig := m.Signature()
		unary := msig.Params().Len() == 2 && msig.Results().Len() == 2 && typesutil.IsNamed(msig.Params().At(0).Type(), "context", "Context")
		e.registerProc(r, call, path, m.Name(), impl, &rpcInfo{streaming: !unary}, nil)
	}
}

// registerProc records one procedure of a service implemented by impl.
func (e *evaluator) registerProc(r *router, call *ast.CallExpr, path, method string, impl ast.Expr, info *rpcInfo, mws []Middleware) {
	h := &handler{}
	if t := e.pass.TypesInfo.TypeOf(impl); t != nil && !types.IsInterface(t) {
		if fn, ok := lookupMethod(t, e.pass.Pkg, method); ok {
			h.fn = fn
		}
	}
	r.regs = append(r.regs, &reg{framework: r.framework, method: RPCMethod, path: path, call: call, expr: impl, h: h, mws: mws, rpc: info})
}

func lookupMethod(t types.Type, pkg *types.Package, name string) (*types.Func, bool) {
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	fn, ok := obj.(*types.Func)
	return fn, ok
}

func lookupType(pkg *types.Package, name string) *types.Named {
	tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	n, _ := types.Unalias(tn.Type()).(*types.Named)
	if n == nil || !types.IsInterface(n) {
		return nil
	}
	return n
}

// interceptorArgs evaluates interceptor arguments like middlewareArgs. A
// function of the package used as an interceptor is platform middleware
// when its body applies platform middleware, and unknown when it calls
// an interceptor it did not declare (a chaining function's parameter, a
// variable): that one may be the platform's.
func (e *evaluator) interceptorArgs(fr *frame, args []ast.Expr) mwList {
	var mws mwList
	for _, a := range args {
		v := e.eval(fr, a)
		list := e.asMiddleware(v, a)
		var fn ast.Node
		switch f := v.(type) {
		case funcRef:
			if fd := e.decl(f.fn); fd != nil {
				fn = fd
			}
		case litRef:
			fn = f.lit
		}
		if fn != nil && len(list) == 1 && !list[0].Platform && !list[0].Unknown {
			switch {
			case e.dirs.UsesMiddleware(e.pass.TypesInfo, fn):
				list[0].Platform = true
			case e.delegates(fn):
				list[0].Unknown = true
			}
		}
		mws = append(mws, list...)
	}
	return mws
}

// delegates reports whether fn refers to an interceptor (or a list of
// them) declared outside it.
func (e *evaluator) delegates(fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		v, ok := e.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || (v.Pos() >= fn.Pos() && v.Pos() < fn.End()) {
			return true
		}
		t := v.Type()
		if s, ok := t.Underlying().(*types.Slice); ok {
			t = s.Elem()
		}
		found = isInterceptorType(t)
		return !found
	})
	return found
}

// appendOptions models append on a list of RPC options whose value is
// known: append(opts, grpc.UnaryInterceptor(i)).
func (e *evaluator) appendOptions(call *ast.CallExpr, args []value) (value, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || e.pass.TypesInfo.Uses[id] != types.Universe.Lookup("append") || len(args) == 0 || !isRPCOption(e.pass.TypesInfo.TypeOf(call)) {
		return nil, false
	}
	base, ok := args[0].(mwList)
	if !ok {
		return nil, false
	}
	out := append(mwList{}, base...)
	for i := 1; i < len(args); i++ {
		if l, ok := args[i].(mwList); ok {
			out = append(out, l...)
			continue
		}
		out = append(out, Middleware{Name: exprName(call.Args[i]), Pos: call.Args[i].Pos(), Unknown: true})
	}
	return out, true
}

// optionArgs evaluates option arguments (a gRPC ServerOption or connect
// HandlerOption list, possibly spread) to the middleware they install; an
// option the analysis cannot follow is unknown middleware.
func (e *evaluator) optionArgs(fr *frame, args []ast.Expr) []Middleware {
	var mws []Middleware
	for _, a := range args {
		v := e.eval(fr, a)
		if l, ok := v.(mwList); ok {
			mws = append(mws, l...)
			continue
		}
		if s, ok := v.(*slot); ok && s.mws != nil {
			mws = append(mws, s.mws...)
			continue
		}
		mws = append(mws, Middleware{Name: exprName(a), Pos: a.Pos(), Unknown: true})
	}
	return mws
}

// selectorCall models go-grpc-middleware v2's selector: an interceptor
// that runs only for the methods a matcher selects. The analysis honours
// a matcher only when it selects a constant set of full method names.
func selectorCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	if fn.Signature().Recv() != nil {
		return nil, false
	}
	switch fn.Name() {
	case "MatchFunc":
		if len(call.Args) != 1 {
			return nil, true
		}
		var body *ast.BlockStmt
		var params *ast.FieldList
		switch f := e.eval(fr, call.Args[0]).(type) {
		case litRef:
			body, params = f.lit.Body, f.lit.Type.Params
		case funcRef:
			if fd := e.decl(f.fn); fd != nil {
				body, params = fd.Body, fd.Type.Params
			}
		}
		if body == nil {
			return nil, true
		}
		if s := e.matchSet(body, params); s != nil {
			return s, true
		}
		return nil, true
	case "UnaryServerInterceptor", "StreamServerInterceptor":
		if len(call.Args) != 2 {
			return nil, true
		}
		kind := rpcUnary
		if fn.Name() == "StreamServerInterceptor" {
			kind = rpcStream
		}
		mws := e.interceptorArgs(fr, call.Args[:1])
		set, _ := e.eval(fr, call.Args[1]).(*rpcSet)
		out := make(mwList, 0, len(mws))
		for _, m := range mws {
			if m.Platform || m.Unknown {
				if set == nil {
					m.Platform, m.Unknown = false, true
				} else {
					m = withFilter([]Middleware{m}, kind, set, 0)[0]
					if !set.except {
						m.Scope = ScopeRoute
					}
				}
			}
			out = append(out, m)
		}
		return out, true
	}
	return nil, false
}

// matchSet returns the constant set of full method names a matcher body
// selects, or nil. It understands a body that returns a boolean
// expression over callMeta.FullMethod() (==, !=, ||, &&, !, a map literal
// indexed by it, slices.Contains over a literal), `_, ok := m[...]; return
// ok`, and a switch on callMeta.FullMethod() whose cases return constants.
func (e *evaluator) matchSet(body *ast.BlockStmt, params *ast.FieldList) *rpcSet {
	if params == nil || len(params.List) != 2 || len(params.List[1].Names) != 1 {
		return nil
	}
	meta := e.pass.TypesInfo.Defs[params.List[1].Names[0]]
	if meta == nil {
		return nil
	}
	m := &matcher{e: e, meta: meta}
	stmts := body.List
	switch {
	case len(stmts) == 1:
		if ret, ok := stmts[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
			return m.expr(ret.Results[0])
		}
		if sw, ok := stmts[0].(*ast.SwitchStmt); ok {
			return m.switchSet(sw, nil)
		}
	case len(stmts) == 2:
		ret, ok := stmts[1].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return nil
		}
		if sw, ok := stmts[0].(*ast.SwitchStmt); ok {
			return m.switchSet(sw, ret.Results[0])
		}
		// _, ok := m[callMeta.FullMethod()]; return ok
		as, ok := stmts[0].(*ast.AssignStmt)
		id, ok2 := ast.Unparen(ret.Results[0]).(*ast.Ident)
		if !ok || !ok2 || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return nil
		}
		okID, ok := as.Lhs[1].(*ast.Ident)
		if !ok || e.pass.TypesInfo.ObjectOf(okID) != e.pass.TypesInfo.ObjectOf(id) || e.pass.TypesInfo.ObjectOf(id) == nil {
			return nil
		}
		if ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr); ok && m.isFullMethod(ix.Index) {
			return m.mapKeys(ix.X, false)
		}
	}
	return nil
}

type matcher struct {
	e    *evaluator
	meta types.Object
}

// isFullMethod reports whether x is callMeta.FullMethod().
func (m *matcher) isFullMethod(x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "FullMethod" {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && m.e.pass.TypesInfo.Uses[id] == m.meta
}

func (m *matcher) str(x ast.Expr) (string, bool) { return typesutil.ConstString(m.e.pass.TypesInfo, x) }

func (m *matcher) expr(x ast.Expr) *rpcSet {
	info := m.e.pass.TypesInfo
	if tv, ok := info.Types[x]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return &rpcSet{names: map[string]bool{}, except: constant.BoolVal(tv.Value)}
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			if s := m.expr(x.X); s != nil {
				return s.not()
			}
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR, token.LAND:
			a, b := m.expr(x.X), m.expr(x.Y)
			if a == nil || b == nil {
				return nil
			}
			if x.Op == token.LOR {
				return a.or(b)
			}
			return a.and(b)
		case token.EQL, token.NEQ:
			var c string
			var ok bool
			switch {
			case m.isFullMethod(x.X):
				c, ok = m.str(x.Y)
			case m.isFullMethod(x.Y):
				c, ok = m.str(x.X)
			}
			if !ok {
				return nil
			}
			return &rpcSet{names: map[string]bool{c: true}, except: x.Op == token.NEQ}
		}
	case *ast.IndexExpr: // m[callMeta.FullMethod()] with a map[string]bool literal
		if m.isFullMethod(x.Index) {
			return m.mapKeys(x.X, true)
		}
	case *ast.CallExpr: // slices.Contains([]string{...}, callMeta.FullMethod())
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if ok && fn.Pkg() != nil && fn.Pkg().Path() == "slices" && fn.Name() == "Contains" && len(x.Args) == 2 && m.isFullMethod(x.Args[1]) {
			lit := m.literal(x.Args[0])
			if lit == nil {
				return nil
			}
			s := &rpcSet{names: map[string]bool{}}
			for _, elt := range lit.Elts {
				c, ok := m.str(elt)
				if !ok {
					return nil
				}
				s.names[c] = true
			}
			return s
		}
	}
	return nil
}

// switchSet handles switch callMeta.FullMethod() { case A, B: return C ... }
// followed by an optional return of a constant.
func (m *matcher) switchSet(sw *ast.SwitchStmt, after ast.Expr) *rpcSet {
	if sw.Init != nil || !m.isFullMethod(sw.Tag) {
		return nil
	}
	var deflt *rpcSet
	if after != nil {
		if deflt = m.expr(after); deflt == nil || len(deflt.names) != 0 {
			return nil
		}
	}
	s := &rpcSet{names: map[string]bool{}}
	cases := map[string]bool{}
	for _, st := range sw.Body.List {
		cc := st.(*ast.CaseClause)
		if len(cc.Body) != 1 {
			return nil
		}
		ret, ok := cc.Body[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return nil
		}
		v := m.expr(ret.Results[0])
		if v == nil || len(v.names) != 0 {
			return nil
		}
		if cc.List == nil {
			deflt = v
			continue
		}
		for _, x := range cc.List {
			c, ok := m.str(x)
			if !ok {
				return nil
			}
			if !cases[c] {
				cases[c] = true
				s.names[c] = v.except // v.except is true for `return true`
			}
		}
	}
	if deflt == nil {
		return nil
	}
	out := &rpcSet{names: map[string]bool{}, except: deflt.except}
	for c, sel := range s.names {
		if sel != deflt.except {
			out.names[c] = true
		}
	}
	return out
}

// mapKeys returns the keys of a map literal (inline or the value of a
// package-level variable that is never assigned again) whose values are
// true; with index false, every key counts.
func (m *matcher) mapKeys(x ast.Expr, index bool) *rpcSet {
	lit := m.literal(x)
	if lit == nil {
		return nil
	}
	s := &rpcSet{names: map[string]bool{}}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		c, ok := m.str(kv.Key)
		if !ok {
			return nil
		}
		if index {
			tv := m.e.pass.TypesInfo.Types[kv.Value]
			if tv.Value == nil || tv.Value.Kind() != constant.Bool {
				return nil
			}
			if !constant.BoolVal(tv.Value) {
				continue
			}
		}
		s.names[c] = true
	}
	return s
}

// literal returns the composite literal x denotes: x itself, or the
// initializer of a package-level variable of this package that nothing
// assigns again, to it or into it.
func (m *matcher) literal(x ast.Expr) *ast.CompositeLit {
	x = ast.Unparen(x)
	if lit, ok := x.(*ast.CompositeLit); ok {
		return lit
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil
	}
	obj, ok := m.e.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || obj.Pkg() != m.e.pass.Pkg || obj.Parent() != m.e.pass.Pkg.Scope() {
		return nil
	}
	vals := m.e.idx.Values(obj)
	if len(vals) != 1 || vals[0] == nil || m.e.idx.AssignsInto(obj) {
		return nil
	}
	lit, _ := ast.Unparen(vals[0]).(*ast.CompositeLit)
	return lit
}

// grpcInterceptor reports whether fn returns a grpc.UnaryServerInterceptor
// or has its signature.
func grpcInterceptor(pkg *types.Package, fn *types.Func) bool {
	return returnsNamed(fn.Signature(), grpcPath, "UnaryServerInterceptor") ||
		types.Identical(fn.Signature(), underlyingOf(pkg, grpcPath, "UnaryServerInterceptor"))
}

// returnsNamed reports whether sig returns one value, of the named type
// path.name itself (not a pointer to it).
func returnsNamed(sig *types.Signature, path, name string) bool {
	if sig.Results().Len() != 1 {
		return false
	}
	t := sig.Results().At(0).Type()
	_, ptr := t.(*types.Pointer)
	return !ptr && typesutil.IsNamed(t, path, name)
}

// underlyingOf returns the underlying type of path.name as imported by
// pkg, or an invalid type.
func underlyingOf(pkg *types.Package, path, name string) types.Type {
	if pkg == nil {
		return types.Typ[types.Invalid]
	}
	for _, p := range pkg.Imports() {
		if p.Path() == path {
			if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
				return tn.Type().Underlying()
			}
		}
	}
	return types.Typ[types.Invalid]
}
