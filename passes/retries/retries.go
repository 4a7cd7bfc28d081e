package retries

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/effects"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Analyzer finds the retries of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "idemretries",
	Doc:        "finds retries, what they retry, the provenance of their idempotency keys and their bounds; does not report diagnostics",
	Run:        safe.Run("idemretries", run),
	Requires:   []*analysis.Analyzer{config.Analyzer, effects.Analyzer, syntax.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

// Result lists the retries of a package, in source order.
type Result struct {
	Retries []*Retry
}

// A Retry is one retry site.
type Retry struct {
	// Mechanism names the retry: "backoff.Retry", "retry.Do",
	// "retryablehttp.Client.Do", "retry loop".
	Mechanism string
	// Pos and End span the retry call, or the for keyword of a loop.
	Pos, End token.Pos
	// Anchor is the statement of the enclosing block that holds the retry,
	// before which a key can be minted once; nil when unknown.
	Anchor ast.Stmt
	// Ops are the non-idempotent operations each attempt performs.
	Ops []*Op
	// Mints are idempotency keys minted inside the retried code.
	Mints []*Mint
	// Unbounded says why the retry never gives up ("" when bounded or
	// unknown); NoBackoff says why attempts follow each other at once.
	Unbounded, NoBackoff string
	// Fix describes how to bound the retry or add backoff, for messages.
	BoundFix, BackoffFix string
	// Bound says what bounds a retry that has no count of its own, when
	// it is bounded ("until the context is done").
	Bound string

	// indirect is set when the retried code is not written at the retry
	// (a closure in a variable, a named function): no key can be hoisted.
	indirect bool
}

// An Op is a non-idempotent operation performed by each attempt.
type Op struct {
	Pos, End token.Pos
	// Desc names it: "POST https://api.example.com/charges", "paymentintent.New".
	Desc string
	// Payment is true for a payment SDK call.
	Payment bool
	// Keyed is true when the operation carries an idempotency key fixed
	// before the first attempt (or whose provenance is unknown).
	Keyed bool
	// KeyHint says how to set a key, and Why why a retry of it harms
	// (empty: it can apply twice), for messages.
	KeyHint, Why string
}

// A Mint is an idempotency key minted inside the retried code.
type Mint struct {
	Pos, End token.Pos // the minting call
	Minter   string    // "uuid.NewString"
	Op       *Op       // the operation whose key it becomes
	// Hoist is the statement that mints the key when moving it before
	// the retry is mechanical, else nil.
	Hoist *ast.AssignStmt
}

// mechanism packages, by import path prefix.
const (
	netHTTP       = "net/http"
	retryableHTTP = "github.com/hashicorp/go-retryablehttp"
	backoffV4     = "github.com/cenkalti/backoff/v4"
	backoffV5     = "github.com/cenkalti/backoff/v5"
	retryGoV3Old  = "github.com/avast/retry-go" // v3 and older, without a major suffix
	retryGoV3     = "github.com/avast/retry-go/v3"
	retryGoV4     = "github.com/avast/retry-go/v4"
	retryGoV5     = "github.com/avast/retry-go/v5"
	goRetry       = "github.com/sethvargo/go-retry"
	stripePrefix  = "github.com/stripe/stripe-go/"
)

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	// Hand-written retry loops can be anywhere; the rest needs an import.
	imports := relevant(pass.Pkg)
	eff, _ := pass.ResultOf[effects.Analyzer].(*effects.Result)
	if !imports && !eff.Analysed() && !remotePackage(pass.Pkg) && !remoteReach.Reached(pass.Pkg) {
		// A loop is a retry when its attempts have effects or reach
		// another process; here nothing can.
		return res, nil
	}
	a := newAnalysis(pass, pass.ResultOf[config.Analyzer].(*config.Config), pass.ResultOf[syntax.Analyzer].(*syntax.Index), imports)
	a.effects = eff
	for _, fn := range a.idx.Funcs() {
		if !a.mayRetry(fn.Decl) {
			continue
		}
		safe.At(pass, fn.Decl.Pos())
		a.funcDecl(fn.File, fn.Decl)
	}
	res.Retries = a.retries
	return res, nil
}

// relevant reports whether pkg imports something a retry or a retried
// operation can come from.
func relevant(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if p := imp.Path(); mechanisms[p] != nil || strings.HasPrefix(p, stripePrefix) {
			return true
		}
	}
	return false
}

// finder holds the state of one pass.
type finder struct {
	pass    *analysis.Pass
	cfg     *config.Config
	imports bool // the package imports a mechanism or an outbound client
	effects *effects.Result
	// grpc is set when the package imports the retry interceptors;
	// methods caches the gRPC full method names it knows.
	grpc    bool
	methods []string
	idx     *syntax.Index
	retries []*Retry
	stack   []ast.Node // reused by funcDecl
	// stdRetrying caches whether variables, fields and parameters hold
	// the *http.Client of a retryablehttp client's StandardClient.
	stdRetrying map[types.Object]bool
	// stdSources is set when the package can see what makes an
	// *http.Client retry; until then its calls are not retries.
	stdSources bool
	// fieldRetrying caches whether the retryablehttp clients stored in a
	// field retry.
	fieldRetrying map[*types.Var]bool
}

func newAnalysis(pass *analysis.Pass, cfg *config.Config, idx *syntax.Index, imports bool) *finder {
	a := &finder{pass: pass, cfg: cfg, idx: idx, imports: imports, stdRetrying: make(map[types.Object]bool)}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == grpcRetryMW || imp.Path() == grpcRetryMWV1 {
			a.grpc = true
		}
	}
	if imports && standardClientSources.Reached(pass.Pkg) {
		a.stdSources = true
	}
	return a
}

// remoteReach tells whether a package can call another process: its
// imports reach a networking or database package, or context, whose
// Context a call that reaches a dependency takes first.
var remoteReach = typesutil.NewImportSet(remotePackage)

// remotePackage reports whether p is context or a networking or database
// package.
func remotePackage(p *types.Package) bool {
	return p.Path() == "context" || remotePackages[p.Path()]
}

// standardClientSources tells whether a package can see the packages
// whose values make an *http.Client retry.
var standardClientSources = typesutil.NewImportSet(func(p *types.Package) bool {
	return p.Path() == retryableHTTP || p.Path() == failsafeHTTPPkg
})

// site is the context of one retry being built.
type site struct {
	file  *ast.File
	fn    *ast.FuncDecl // the function holding the retry
	stack []ast.Node    // path from the file to the retry node
}

// funcDecl finds the retries of one function.
func (a *finder) funcDecl(f *ast.File, fd *ast.FuncDecl) {
	// s is the context of the node being visited; retries never keep it,
	// so one site and one stack serve the whole package.
	s := &site{file: f, fn: fd, stack: a.stack[:0]}
	ast.Inspect(fd, func(n ast.Node) bool {
		if n == nil {
			s.stack = s.stack[:len(s.stack)-1]
			return true
		}
		s.stack = append(s.stack, n)
		var r *Retry
		switch n := n.(type) {
		case *ast.CallExpr:
			if a.imports {
				r = a.call(s, n)
			}
		case *ast.ForStmt:
			r = a.loop(s, n, n.Body, n.Cond == nil || isTrue(a.pass.TypesInfo, n.Cond))
		case *ast.RangeStmt:
			if t := a.pass.TypesInfo.TypeOf(n.X); t != nil && isInteger(t) {
				r = a.loop(s, n, n.Body, false)
			}
		}
		if r != nil {
			if !r.indirect {
				r.Anchor = anchor(s.stack)
			}
			a.retries = append(a.retries, r)
		}
		return true
	})
	a.stack = s.stack
}

// call recognises a retry call of any mechanism.
func (a *finder) call(s *site, call *ast.CallExpr) *Retry {
	fn := calleeFunc(a.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if recognise := mechanisms[fn.Pkg().Path()]; recognise != nil {
		return recognise(a, s, call, fn)
	}
	if a.grpc && fn.Signature().Recv() != nil && grpcClientMethod(fn) {
		return a.grpcRetryInterceptor(s, call, fn)
	}
	return nil
}

// mechanisms recognise the retry calls of the functions of a package, by
// its path.
var mechanisms map[string]func(*finder, *site, *ast.CallExpr, *types.Func) *Retry

func init() {
	// Set here, as the recognisers reach call, which reads the map.
	mechanisms = map[string]func(*finder, *site, *ast.CallExpr, *types.Func) *Retry{
		backoffV4:        (*finder).backoffV4,
		backoffV5:        (*finder).backoffV5,
		retryGoV3Old:     (*finder).retryGo,
		retryGoV3:        (*finder).retryGo,
		retryGoV4:        (*finder).retryGo,
		retryGoV5:        (*finder).retryGoV5Do,
		goRetry:          (*finder).goRetry,
		retryableHTTP:    (*finder).retryableHTTP,
		netHTTP:          (*finder).retryableHTTP,
		restyV2:          (*finder).resty,
		restyV3:          (*finder).resty,
		grpcPkg:          (*finder).grpcServiceConfig,
		grpcRetryMW:      (*finder).grpcRetryInterceptor,
		grpcRetryMWV1:    (*finder).grpcRetryInterceptor,
		failsafePkg:      (*finder).failsafe,
		failsafeHTTPPkg:  (*finder).failsafeRequest,
		watermillMessage: (*finder).watermillRetry,
	}
}

// mayRetry reports whether fd can hold a retry, from the summary of its
// body: a loop, or a call that call can recognise.
func (a *finder) mayRetry(fd *ast.FuncDecl) bool {
	b := a.effects.Body(fd)
	switch {
	case b == nil: // no summary: the body was not walked
		return true
	case b.Loops:
		return true
	case !a.imports:
		return false
	case a.grpc:
		return true // a method of any generated client may retry
	}
	return b.CallsInto(func(path string) bool {
		return mechanisms[path] != nil && (path != netHTTP || a.stdSources)
	})
}

// anchor returns the statement of a block, in stack, that holds the
// innermost node of stack.
func anchor(stack []ast.Node) ast.Stmt {
	for i := len(stack) - 2; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			if st, ok := stack[i+1].(ast.Stmt); ok {
				return st
			}
			return nil
		case *ast.FuncLit:
			return nil
		}
	}
	return nil
}
