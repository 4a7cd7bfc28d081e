package consumers

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Analyzer builds the consumer model of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "idemconsumers",
	Doc:        "finds queue consumers, their delivery semantics, side effects and dedup; does not report diagnostics",
	Run:        safe.Run("idemconsumers", run),
	Requires:   []*analysis.Analyzer{config.Analyzer, directives.Analyzer, effects.Analyzer, syntax.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

// A recogniser handles one call of a consumer API.
type recogniser func(a *analyzer, call *ast.CallExpr, fn *types.Func, stack []ast.Node)

type entry struct {
	pkg, typ, name string // normalised package path, receiver type ("" for functions), name
}

// calls maps consumer APIs to recognisers; each library's file registers
// its rows.
var calls = map[entry]recogniser{}

// decls recognise handler declarations (sarama ConsumeClaim, Lambda SQS
// handlers) by their signature.
var decls []func(a *analyzer, decl *ast.FuncDecl, fn *types.Func)

// paths are the (normalised) import paths of the supported libraries.
var paths = map[string]bool{}

func on(pkg, typ string, names []string, r recogniser) {
	paths[pkg] = true
	for _, n := range names {
		calls[entry{pkg, typ, n}] = r
	}
}

type analyzer struct {
	pass *analysis.Pass
	dirs *directives.Result
	eff  *effects.Result
	idx  *syntax.Index
	out  []*Consumer
	// middleware lists the arguments of AddMiddleware calls by the object
	// of their receiver (watermill routers and handlers).
	middleware map[types.Object][]ast.Expr
	// groupTopics maps a sarama handler type to the topics it consumes.
	groupTopics map[types.Type][]string
	// subscriptions are the configured consumers (see subscription.go).
	subscriptions map[string]bool
}

func run(pass *analysis.Pass) (any, error) {
	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
	if !relevant(pass.Pkg) && !subscribes(pass.Pkg, cfg.Consumers) {
		return &Result{}, nil
	}
	a := &analyzer{
		subscriptions: subscriptionSet(cfg.Consumers),
		pass:          pass,
		dirs:          pass.ResultOf[directives.Analyzer].(*directives.Result),
		eff:           pass.ResultOf[effects.Analyzer].(*effects.Result),
		idx:           pass.ResultOf[syntax.Analyzer].(*syntax.Index),
		middleware:    make(map[types.Object][]ast.Expr),
		groupTopics:   make(map[types.Type][]string),
	}
	a.index()
	for _, file := range pass.Files {
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			if call, ok := n.(*ast.CallExpr); ok {
				safe.At(pass, call.Pos())
				a.visitCall(call, stack)
			}
			return true
		})
	}
	for _, fn := range a.idx.Funcs() {
		safe.At(pass, fn.Decl.Pos())
		for _, r := range decls {
			r(a, fn.Decl, fn.Obj)
		}
	}
	return &Result{Consumers: a.out}, nil
}

// relevant reports whether pkg imports a supported library.
func relevant(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if paths[typesutil.NormPath(imp.Path())] {
			return true
		}
	}
	return false
}

// index records the AddMiddleware, Use and ConsumerGroup.Consume calls
// of the package.
func (a *analyzer) index() {
	for _, call := range a.idx.AllCalls() {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		switch sel.Sel.Name {
		case "AddMiddleware", "Use": // watermill, asynq
			if obj := a.objectOf(sel.X); obj != nil {
				a.middleware[obj] = append(a.middleware[obj], call.Args...)
			}
		case "Consume":
			a.indexGroupConsume(call)
		}
	}
}

// objectOf returns the variable or field x refers to, or, for a call
// (router.AddHandler(...)), nil.
func (a *analyzer) objectOf(x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return a.pass.TypesInfo.Uses[x]
	case *ast.SelectorExpr:
		return a.pass.TypesInfo.Uses[x.Sel]
	}
	return nil
}

// returned returns the expression returned by the function of the package
// call calls, when its body is one return statement.
func (a *analyzer) returned(call *ast.CallExpr) ast.Expr {
	fn, ok := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil
	}
	decl := a.idx.Decl(fn)
	if decl == nil || len(decl.Body.List) != 1 {
		return nil
	}
	if ret, ok := decl.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
		return ret.Results[0]
	}
	return nil
}

// visitCall dispatches a call of a consumer API to its recogniser.
func (a *analyzer) visitCall(call *ast.CallExpr, stack []ast.Node) {
	fn, ok := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	typ := ""
	if recv := fn.Signature().Recv(); recv != nil {
		if n := typesutil.NamedOf(recv.Type()); n != nil {
			typ = n.Obj().Name()
		}
	}
	if r := calls[entry{typesutil.NormPath(fn.Pkg().Path()), typ, fn.Name()}]; r != nil {
		r(a, call, fn, stack)
	} else if a.subscriptions[directives.QualifiedName(fn)] {
		a.subscription(call, fn)
	}
}

// isType reports whether t (or *t) is the named type pkg.name, pkg
// normalised.
func isType(t types.Type, pkg, name string) bool {
	n := typesutil.NamedOf(t)
	return n != nil && n.Obj().Pkg() != nil && typesutil.NormPath(n.Obj().Pkg().Path()) == pkg && n.Obj().Name() == name
}

// add records a consumer after analysing its handler.
func (a *analyzer) add(c *Consumer) {
	if c.Delivery == 0 {
		return
	}
	if !c.Unknown {
		a.judge(c)
	}
	a.out = append(a.out, c)
}

// constString returns the constant string value of x.
func (a *analyzer) constString(x ast.Expr) (string, bool) {
	return typesutil.ConstString(a.pass.TypesInfo, x)
}

// constBool returns the constant boolean value of x.
func (a *analyzer) constBool(x ast.Expr) (bool, bool) {
	return typesutil.ConstBool(a.pass.TypesInfo, x)
}

// stringish returns the constant string of x, or of a call with one
// constant argument (aws.String("q")).
func (a *analyzer) stringish(x ast.Expr) (string, bool) {
	return typesutil.Stringish(a.pass.TypesInfo, x)
}

// composite returns the composite literal x denotes: x, &x, or the value
// a variable was defined with.
func (a *analyzer) composite(x ast.Expr) *ast.CompositeLit {
	lit, _ := a.idx.Resolve(x).(*ast.CompositeLit)
	return lit
}

// field returns the value of field name in composite literal lit.
func field(lit *ast.CompositeLit, name string) ast.Expr {
	if lit == nil {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// arg returns the i-th argument of call, or nil.
func arg(call *ast.CallExpr, i int) ast.Expr {
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// recvExpr returns the receiver expression of a method call, or nil.
func recvExpr(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// producer returns the call that produced the value of x: x itself, the
// single value of the variable x names, or the call a function of the
// package returns (newReader() returning kafka.NewReader(...)).
func (a *analyzer) producer(x ast.Expr) *ast.CallExpr {
	for range syntax.MaxDepth {
		call, ok := a.idx.Resolve(x).(*ast.CallExpr)
		if !ok {
			return nil
		}
		if x = a.returned(call); x == nil {
			return call
		}
	}
	return nil
}
