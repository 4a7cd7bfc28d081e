package routes

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/lazyre"
	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
)

// A route is financial (it moves money or fulfils orders, so its dedup
// must fail closed and remember keys for days) when any of these holds, in
// this order of the reason given:
//
//   - a //idem:financial directive covers its registration or its handler;
//   - its path matches a financial pattern (config financial.paths, by
//     default the financial words of the specification as path segments);
//   - its handler, or a function of the package it calls (up to
//     maxMoneyDepth calls deep), calls a money-moving API: stripe-go's
//     paymentintent, charge, refund, transfer, payout and checkout/session
//     packages and the matching stripe.Client V1 services, Adyen's checkout, payments,
//     modifications, transfers and payout services, or a function named in
//     financial.calls. Reads (Get, Retrieve, List, Search) do not count;
//   - the inferred effects of its handler (passes/effects, across
//     packages) move money.

// maxMoneyDepth bounds how deep calls of the package's own functions are
// followed from a handler.
const maxMoneyDepth = 3

// financialRoutes sets Route.Financial on every route.
func (e *evaluator) financialRoutes(routes []*Route) {
	fc := e.financial()
	for _, rt := range routes {
		rt.Financial = fc.classify(e.dirs, rt)
	}
}

// financial returns the package's classifier, made on first use.
func (e *evaluator) financial() *financialClassifier {
	if e.fin == nil {
		e.fin = &financialClassifier{pass: e.pass, cfg: e.cfg, eff: e.eff}
		if len(e.cfg.FinancialCalls) > 0 || moneyAPIs.Reached(e.pass.Pkg) {
			e.fin.decl = e.decl
			e.fin.memo = make(map[*types.Func]string)
		}
	}
	return e.fin
}

type financialClassifier struct {
	pass *analysis.Pass
	cfg  *config.Config
	eff  *effects.Result
	// decl (the evaluator's) and memo are nil when no call of the
	// package can be a money-moving API.
	decl func(*types.Func) *ast.FuncDecl
	memo map[*types.Func]string // money-moving call reached from a function, "" for none
}

// moneyAPIs tells whether a package can see the money-moving APIs.
var moneyAPIs = typesutil.NewImportSet(func(p *types.Package) bool { return paymentSDK(p.Path()) })

// paymentSDK reports whether path is a package of a payment SDK whose
// calls movesMoney judges.
func paymentSDK(path string) bool {
	return strings.HasPrefix(path, "github.com/stripe/") || strings.HasPrefix(path, "github.com/adyen/")
}

func (fc *financialClassifier) classify(dirs *directives.Result, rt *Route) string {
	if rt.Home != nil {
		if strings.Contains(rt.Home.Financial, "marked") {
			return rt.Home.Financial
		}
		if rt.Path != "" && fc.cfg.FinancialPath(rt.Path) {
			return "its path matches a financial pattern"
		}
		return rt.Home.Financial
	}
	if r := fc.marked(dirs, rt); r != "" {
		return r
	}
	if rt.Path != "" && fc.cfg.FinancialPath(rt.Path) {
		return "its path matches a financial pattern"
	}
	return fc.handlerMoves(rt)
}

// handlerReason returns why a route of the package is financial apart
// from its path, which importers may extend: a directive, or its
// handler.
func (fc *financialClassifier) handlerReason(dirs *directives.Result, rt *Route) string {
	if r := fc.marked(dirs, rt); r != "" {
		return r
	}
	return fc.handlerMoves(rt)
}

// marked returns why a //idem:financial directive makes a route
// financial, or "".
func (fc *financialClassifier) marked(dirs *directives.Result, rt *Route) string {
	if rt.Call != nil && dirs.Find(directives.Financial, rt.Pos) != nil {
		return "marked //idem:financial"
	}
	if rt.Func != nil && rt.Func.Pkg() == fc.pass.Pkg && dirs.Find(directives.Financial, rt.Func.Pos()) != nil {
		return "its handler is marked //idem:financial"
	}
	if rt.Body != nil && dirs.Find(directives.Financial, rt.Body.Pos()) != nil {
		return "its handler is marked //idem:financial"
	}
	return ""
}

// handlerMoves returns why a route's handler moves money, or "".
func (fc *financialClassifier) handlerMoves(rt *Route) string {
	if rt.Body != nil && fc.decl != nil {
		if call := fc.moneyIn(rt.Body, 0); call != "" {
			return "its handler calls " + call
		}
	}
	switch {
	case rt.Func != nil && fc.eff.Of(rt.Func).MovesMoney,
		rt.Func == nil && rt.Body != nil && fc.eff.OfNode(rt.Body).MovesMoney:
		return "its handler moves money"
	}
	return ""
}

// moneyIn returns the first money-moving call in body, following calls of
// the package's functions, or "".
func (fc *financialClassifier) moneyIn(body ast.Node, depth int) string {
	found := ""
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found != "" {
			return found == ""
		}
		fn, _ := typeutil.Callee(fc.pass.TypesInfo, call).(*types.Func)
		if fn == nil {
			return true
		}
		if fc.movesMoney(fn) {
			found = calleeName(fn)
			return false
		}
		if fd := fc.decl(fn); fd != nil && depth < maxMoneyDepth {
			if v, ok := fc.memo[fn]; ok {
				found = v
			} else {
				fc.memo[fn] = "" // recursion
				found = fc.moneyIn(fd.Body, depth+1)
				fc.memo[fn] = found
			}
		}
		return found == ""
	})
	return found
}

var (
	stripeRoot = lazyre.New(`^github\.com/stripe/stripe-go(/v[0-9]+)?$`)
	stripeSub  = lazyre.New(`^github\.com/stripe/stripe-go(/v[0-9]+)?/(paymentintent|charge|refund|transfer|payout|checkout/session)$`)
	adyen      = lazyre.New(`^github\.com/adyen/adyen-go-api-library(/v[0-9]+)?/src/(checkout|payments|modifications|transfers|payout)$`)
	// stripeServices are the stripe.Client V1 services that move money.
	stripeServices = []string{"v1paymentintentservice", "v1chargeservice", "v1refundservice", "v1transferservice", "v1payoutservice", "v1checkoutsessionservice"}
)

// movesMoney reports whether fn is a money-moving API.
func (fc *financialClassifier) movesMoney(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if len(fc.cfg.FinancialCalls) > 0 && slices.Contains(fc.cfg.FinancialCalls, directives.QualifiedName(fn)) {
		return true
	}
	path := fn.Pkg().Path()
	if !paymentSDK(path) {
		return false
	}
	if readName(fn.Name()) {
		return false
	}
	recv := receiverName(fn)
	switch {
	case stripeSub().MatchString(path):
		return recv == "" || recv == "Client"
	case stripeRoot().MatchString(path):
		return slices.Contains(stripeServices, strings.ToLower(recv))
	case adyen().MatchString(path):
		return strings.HasSuffix(recv, "Api") && !strings.HasSuffix(fn.Name(), "Input")
	}
	return false
}

// readName reports whether an API method name only reads.
func readName(name string) bool {
	for _, p := range []string{"Get", "Retrieve", "List", "Search"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func receiverName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// calleeName names a function for messages: "refund.New",
// "stripe.v1RefundService.Create".
func calleeName(fn *types.Func) string {
	name := fn.Name()
	if recv := receiverName(fn); recv != "" {
		name = recv + "." + name
	}
	return fn.Pkg().Name() + "." + name
}
