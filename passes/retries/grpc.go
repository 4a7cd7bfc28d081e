package retries

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/types"
	"sort"
	"strings"

	"github.com/idemlint/idemlint/internal/lazyre"
	"github.com/idemlint/idemlint/internal/typesutil"
)

const (
	grpcPkg        = "google.golang.org/grpc"
	grpcRetryMW    = "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	grpcRetryMWV1  = "github.com/grpc-ecosystem/go-grpc-middleware/retry" // grpc_retry
	grpcMethodHint = "limit the retry policy to reads, or make the method idempotent with a request key the server dedups"
)

// readPrefixes are method name prefixes that read.
var readPrefixes = []string{"Get", "List", "Search", "Watch", "Check", "Count", "Read", "Find", "Fetch", "Lookup", "Describe", "Query", "Exists", "Stat", "Ping", "Health", "Validate"}

// grpcMutating reports whether a gRPC method name does not read as a read.
func grpcMutating(method string) bool {
	for _, p := range readPrefixes {
		if strings.HasPrefix(method, p) {
			return false
		}
	}
	return method != ""
}

// serviceConfig is the part of a gRPC service config the pass reads.
type serviceConfig struct {
	MethodConfig []struct {
		Name []struct {
			Service string `json:"service"`
			Method  string `json:"method"`
		} `json:"name"`
		RetryPolicy   json.RawMessage `json:"retryPolicy"`
		HedgingPolicy json.RawMessage `json:"hedgingPolicy"`
	} `json:"methodConfig"`
}

// grpcServiceConfig recognises grpc.WithDefaultServiceConfig with a
// constant JSON config whose retryPolicy (or hedgingPolicy) covers a
// mutating method: named, or every method of a named service (or of all
// services) known from the full method name constants of generated code.
func (a *finder) grpcServiceConfig(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	if !isFunc(fn, grpcPkg, "WithDefaultServiceConfig") || len(call.Args) != 1 {
		return nil
	}
	js, ok := typesutil.ConstString(a.pass.TypesInfo, call.Args[0])
	if !ok {
		return nil
	}
	var sc serviceConfig
	if json.Unmarshal([]byte(js), &sc) != nil {
		return nil
	}
	r := &Retry{Mechanism: "grpc.WithDefaultServiceConfig", Pos: call.Pos(), End: call.End()}
	seen := make(map[string]bool)
	add := func(service, method string) {
		desc := "/" + service + "/" + method
		if !seen[desc] && grpcMutating(method) {
			seen[desc] = true
			r.Ops = append(r.Ops, &Op{Pos: call.Pos(), End: call.End(), Desc: "gRPC " + desc, KeyHint: grpcMethodHint})
		}
	}
	for _, mc := range sc.MethodConfig {
		if isNull(mc.RetryPolicy) && isNull(mc.HedgingPolicy) {
			continue
		}
		for _, n := range mc.Name {
			if n.Method != "" {
				if n.Service != "" {
					add(n.Service, n.Method)
				}
				continue
			}
			for _, full := range a.grpcMethods() {
				svc, m, _ := strings.Cut(strings.TrimPrefix(full, "/"), "/")
				if n.Service == "" || n.Service == svc {
					add(svc, m)
				}
			}
		}
	}
	if len(r.Ops) == 0 {
		return nil
	}
	return r
}

func isNull(m json.RawMessage) bool {
	s := strings.TrimSpace(string(m))
	return s == "" || s == "null"
}

var fullMethod = lazyre.New(`^/[A-Za-z_][\w.]*/[A-Za-z_]\w*$`)

// grpcMethods returns the full method names ("/pkg.Service/Method") that
// the package and its direct imports declare as string constants, as
// generated gRPC code does.
func (a *finder) grpcMethods() []string {
	if a.methods != nil {
		return a.methods
	}
	a.methods = []string{}
	pkgs := append([]*types.Package{a.pass.Pkg}, a.pass.Pkg.Imports()...)
	for _, p := range pkgs {
		sc := p.Scope()
		for _, name := range sc.Names() {
			c, ok := sc.Lookup(name).(*types.Const)
			if !ok || c.Val().Kind() != constant.String {
				continue
			}
			if v := constant.StringVal(c.Val()); fullMethod().MatchString(v) {
				a.methods = append(a.methods, v)
			}
		}
	}
	sort.Strings(a.methods)
	return a.methods
}

// grpcRetryInterceptor recognises go-grpc-middleware's retry
// interceptors (v1 grpc_retry and v2 retry) and per-call options with
// WithMax(n > 0). The interceptor
// retries every call of its connection: it is reported when the package
// calls a mutating method of a generated client; a per-call WithMax at the
// call of a mutating method is reported there.
func (a *finder) grpcRetryInterceptor(s *site, call *ast.CallExpr, fn *types.Func) *Retry {
	if isFunc(fn, grpcRetryMW, "UnaryClientInterceptor") || isFunc(fn, grpcRetryMWV1, "UnaryClientInterceptor") {
		if !a.retryMax(s, call.Args) {
			return nil
		}
		if m := a.mutatingClientCall(); m != "" {
			return &Retry{Mechanism: "retry.UnaryClientInterceptor", Pos: call.Pos(), End: call.End(),
				Ops: []*Op{{Pos: call.Pos(), End: call.End(), Desc: m + " (and every call on the connection)", KeyHint: grpcMethodHint}}}
		}
		return nil
	}
	// a generated client method called with retry.WithMax(n > 0)
	if fn.Signature().Recv() == nil || !grpcClientMethod(fn) || !grpcMutating(fn.Name()) || !a.retryMax(s, call.Args) {
		return nil
	}
	return &Retry{Mechanism: "retry.WithMax", Pos: call.Pos(), End: call.End(),
		Ops: []*Op{{Pos: call.Pos(), End: call.End(), Desc: funcName(fn), KeyHint: grpcMethodHint}}}
}

// retryMax reports whether args hold retry.WithMax(n) with n > 0.
func (a *finder) retryMax(s *site, args []ast.Expr) bool {
	info := a.pass.TypesInfo
	for _, arg := range args {
		c, fn := a.idx.ResolveCall(arg)
		if (isFunc(fn, grpcRetryMW, "WithMax") || isFunc(fn, grpcRetryMWV1, "WithMax")) && len(c.Args) == 1 {
			if n, ok := constInt(info, c.Args[0]); ok && n > 0 {
				return true
			}
		}
	}
	return false
}

// grpcClientMethod reports whether fn looks like a method of a generated
// gRPC client: (ctx, *Req, ...grpc.CallOption) (*Resp, error).
func grpcClientMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() != 3 || !sig.Variadic() || sig.Results().Len() != 2 {
		return false
	}
	sl, ok := sig.Params().At(2).Type().(*types.Slice)
	return ok && typesutil.IsNamed(sl.Elem(), grpcPkg, "CallOption")
}

// mutatingClientCall returns the first mutating generated-client method
// the package calls, or "".
func (a *finder) mutatingClientCall() string {
	for _, call := range a.idx.AllCalls() {
		if fn := calleeFunc(a.pass.TypesInfo, call); fn != nil && fn.Signature().Recv() != nil && grpcClientMethod(fn) && grpcMutating(fn.Name()) {
			return funcName(fn)
		}
	}
	return ""
}
