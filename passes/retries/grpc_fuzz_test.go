package retries

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// serviceConfigFinder returns a finder over a package that declares (and
// imports a package that declares) full gRPC method name constants, and a
// grpc.WithDefaultServiceConfig function to call.
func serviceConfigFinder() (*finder, *types.Func) {
	method := func(pkg *types.Package, name, full string) {
		pkg.Scope().Insert(types.NewConst(token.NoPos, pkg, name, types.Typ[types.String], constant.MakeString(full)))
	}
	pb := types.NewPackage("example.com/orderspb", "orderspb")
	method(pb, "Orders_CreateOrder_FullMethodName", "/orders.v1.Orders/CreateOrder")
	method(pb, "Orders_GetOrder_FullMethodName", "/orders.v1.Orders/GetOrder")
	method(pb, "Orders_CancelOrder_FullMethodName", "/orders.v1.Orders/CancelOrder")
	pkg := types.NewPackage("example.com/client", "client")
	method(pkg, "Payments_Charge_FullMethodName", "/pay.Payments/Charge")
	method(pkg, "Payments_ListCharges_FullMethodName", "/pay.Payments/ListCharges")
	method(pkg, "notAMethod", "orders.v1.Orders/CreateOrder")
	pkg.SetImports([]*types.Package{pb})

	grpc := types.NewPackage(grpcPkg, "grpc")
	param := types.NewParam(token.NoPos, grpc, "s", types.Typ[types.String])
	fn := types.NewFunc(token.NoPos, grpc, "WithDefaultServiceConfig", types.NewSignatureType(nil, nil, nil, types.NewTuple(param), nil, false))
	pass := &analysis.Pass{Pkg: pkg, TypesInfo: &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}}
	return &finder{pass: pass}, fn
}

// FuzzServiceConfig checks that reading the constant JSON of
// grpc.WithDefaultServiceConfig never panics, that malformed JSON yields
// nothing, and that every operation reported names a mutating method that
// a retried or hedged methodConfig entry covers, once.
func FuzzServiceConfig(f *testing.F) {
	f.Fuzz(func(t *testing.T, js string) {
		a, fn := serviceConfigFinder()
		lit := &ast.BasicLit{ValuePos: 10, Kind: token.STRING, Value: `"..."`}
		a.pass.TypesInfo.Types[lit] = types.TypeAndValue{Type: types.Typ[types.String], Value: constant.MakeString(js)}
		call := &ast.CallExpr{Fun: ast.NewIdent("WithDefaultServiceConfig"), Lparen: 5, Args: []ast.Expr{lit}, Rparen: 20}

		r := a.grpcServiceConfig(&site{}, call, fn)

		var sc serviceConfig
		if err := json.Unmarshal([]byte(js), &sc); err != nil {
			if r != nil {
				t.Fatalf("service config %q does not decode (%v) but gives %d operations", js, err, len(r.Ops))
			}
			return
		}
		if r == nil {
			return
		}
		if r.Mechanism != "grpc.WithDefaultServiceConfig" || r.Pos != call.Pos() || r.End != call.End() || len(r.Ops) == 0 {
			t.Fatalf("service config %q: retry %+v; want the mechanism at the call with operations", js, r)
		}
		// the methods a retried or hedged entry can name
		covered := map[string]bool{}
		for _, mc := range sc.MethodConfig {
			if isNull(mc.RetryPolicy) && isNull(mc.HedgingPolicy) {
				continue
			}
			for _, n := range mc.Name {
				if n.Method != "" {
					covered["/"+n.Service+"/"+n.Method] = n.Service != "" && grpcMutating(n.Method)
					continue
				}
				for _, full := range a.grpcMethods() {
					svc, m, _ := strings.Cut(strings.TrimPrefix(full, "/"), "/")
					if n.Service == "" || n.Service == svc {
						covered[full] = grpcMutating(m)
					}
				}
			}
		}
		seen := map[string]bool{}
		for _, op := range r.Ops {
			full, ok := strings.CutPrefix(op.Desc, "gRPC ")
			if !ok || !covered[full] || seen[full] {
				t.Fatalf("service config %q: operation %q is not a distinct mutating method of a retried entry (covered: %v)", js, op.Desc, covered)
			}
			seen[full] = true
			if op.KeyHint != grpcMethodHint || op.Pos != call.Pos() || op.End != call.End() {
				t.Fatalf("service config %q: operation %+v; want the gRPC hint at the call", js, op)
			}
		}
	})
}

// TestServiceConfigSeeds pins the answers for the main shapes of a
// service config.
func TestServiceConfigSeeds(t *testing.T) {
	for _, tc := range []struct {
		js   string
		want []string
	}{
		{`{"methodConfig":[{"name":[{"service":"pay.Payments","method":"Charge"}],"retryPolicy":{"maxAttempts":4}}]}`, []string{"gRPC /pay.Payments/Charge"}},
		{`{"methodConfig":[{"name":[{"service":"pay.Payments","method":"GetCharge"}],"retryPolicy":{"maxAttempts":4}}]}`, nil},
		{`{"methodConfig":[{"name":[{"service":"orders.v1.Orders"}],"retryPolicy":{"maxAttempts":4}}]}`, []string{"gRPC /orders.v1.Orders/CancelOrder", "gRPC /orders.v1.Orders/CreateOrder"}},
		{`{"methodConfig":[{"name":[{}],"hedgingPolicy":{"maxAttempts":2}}]}`, []string{"gRPC /orders.v1.Orders/CancelOrder", "gRPC /orders.v1.Orders/CreateOrder", "gRPC /pay.Payments/Charge"}},
		{`{"methodConfig":[{"name":[{"service":"orders.v1.Orders"}],"timeout":"1s"}]}`, nil},
		{`{"methodConfig":[{"name":[{"service":"orders.v1.Orders"}],"retryPolicy":null}]}`, nil},
		{`{"methodConfig":[{"name":[{"method":"Charge"}],"retryPolicy":{}}]}`, nil},
		{`{"methodConfig":[`, nil},
		{``, nil},
	} {
		a, fn := serviceConfigFinder()
		lit := &ast.BasicLit{ValuePos: 10, Kind: token.STRING, Value: `"..."`}
		a.pass.TypesInfo.Types[lit] = types.TypeAndValue{Type: types.Typ[types.String], Value: constant.MakeString(tc.js)}
		call := &ast.CallExpr{Fun: ast.NewIdent("WithDefaultServiceConfig"), Lparen: 5, Args: []ast.Expr{lit}, Rparen: 20}
		var got []string
		if r := a.grpcServiceConfig(&site{}, call, fn); r != nil {
			for _, op := range r.Ops {
				got = append(got, op.Desc)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("service config %s: got %q, want %q", tc.js, got, tc.want)
		}
	}
}
