package dedup

import (
	"go/ast"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/syntax"
)

const (
	watermillMessage    = "github.com/ThreeDotsLabs/watermill/message"
	watermillMiddleware = "github.com/ThreeDotsLabs/watermill/message/router/middleware"
	// watermillDefaultWindow is the window of the repository a
	// Deduplicator without one creates.
	watermillDefaultWindow = time.Minute
)

// A ConsumerGuard is a watermill middleware.Deduplicator added to a router
// or handler, the consumers it covers and its settings.
type ConsumerGuard struct {
	Consumers []*consumers.Consumer
	Settings  []Setting
}

// Watermill returns the deduplicators of the package's watermill consumers:
// the repository a Deduplicator literal is given
// (middleware.NewMapExpiringKeyRepository(window) is in process, with its
// window), or its default (in process, one minute). A deduplicator whose
// literal or repository cannot be followed has no settings.
func (r *Reader) Watermill(cs []*consumers.Consumer) []ConsumerGuard {
	at := make(map[token.Pos]*consumers.Consumer)
	for _, c := range cs {
		if c.Library == "watermill" {
			at[c.Pos] = c
		}
	}
	if len(at) == 0 {
		return nil
	}
	byPos := make(map[*ast.CallExpr]*consumers.Consumer)
	var registrations []*ast.CallExpr
	for _, call := range r.syn.AllCalls() {
		if c := at[call.Pos()]; c != nil && c.End == call.End() {
			byPos[call] = c
			registrations = append(registrations, call)
		}
	}
	if len(registrations) == 0 {
		return nil
	}
	info := r.pass.TypesInfo
	var out []ConsumerGuard
	for _, call := range r.syn.AllCalls() {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Name() != "AddMiddleware" || fn.Pkg() == nil || fn.Pkg().Path() != watermillMessage {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		var settings []Setting
		for _, a := range call.Args {
			settings = append(settings, r.deduplicator(a)...)
		}
		if len(settings) == 0 {
			continue
		}
		var covered []*consumers.Consumer
		for _, reg := range r.registrationsOf(sel.X, registrations) {
			covered = append(covered, byPos[reg])
		}
		if len(covered) > 0 {
			out = append(out, ConsumerGuard{Consumers: covered, Settings: settings})
		}
	}
	return out
}

// registrationsOf returns the handler registrations that middleware added
// to x covers: those on the router x, or the registration x is the
// handler of.
func (r *Reader) registrationsOf(x ast.Expr, regs []*ast.CallExpr) []*ast.CallExpr {
	info := r.pass.TypesInfo
	x = ast.Unparen(x)
	for _, reg := range regs {
		if reg == x {
			return []*ast.CallExpr{reg} // r.AddHandler(...).AddMiddleware(...)
		}
	}
	obj := objectOf(info, x)
	if obj == nil {
		return nil
	}
	var out []*ast.CallExpr
	for _, reg := range regs {
		if sel, ok := ast.Unparen(reg.Fun).(*ast.SelectorExpr); ok && objectOf(info, sel.X) == obj {
			out = append(out, reg) // on the same router
		}
	}
	if v, ok := obj.(*types.Var); ok {
		for _, a := range r.syn.Given(v) { // h := r.AddHandler(...)
			for _, reg := range regs {
				if ast.Unparen(a) == reg {
					out = append(out, reg)
				}
			}
		}
	}
	return out
}

func objectOf(info *types.Info, x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
	}
	return nil
}

// deduplicator returns the settings of a d.Middleware argument, where d is
// a *middleware.Deduplicator.
func (r *Reader) deduplicator(x ast.Expr) []Setting {
	info := r.pass.TypesInfo
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Middleware" {
		return nil
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal || !isWatermillDeduplicator(s.Recv()) {
		return nil
	}
	lit, fields := r.literal(sel.X)
	if lit == nil {
		return nil
	}
	repo := ast.Expr(nil)
	var node ast.Node
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Repository" {
				repo, node = kv.Value, kv
			}
		}
	}
	for _, fa := range fields {
		if fa.Field.Name() == "Repository" {
			repo, node = fa.Value, fa.Assign
		}
	}
	if repo == nil || isNil(info, repo) {
		at := ast.Node(lit)
		if node != nil {
			at = node
		}
		return []Setting{
			{Kind: TTL, Node: at, Value: "the default repository of middleware.Deduplicator", TTL: watermillDefaultWindow, Const: true},
			{Kind: LocalStore, Node: at, Value: "the default in-memory repository of middleware.Deduplicator"},
		}
	}
	call := r.repositoryCall(repo)
	if call == nil {
		return nil
	}
	s := Setting{Kind: TTL, Node: call, Value: short(call)}
	if len(call.Args) == 1 {
		s.TTL, s.Const = durationConst(info, call.Args[0])
	}
	return []Setting{s, {Kind: LocalStore, Node: call, Value: short(call)}}
}

// literal returns the one Deduplicator literal x denotes (directly, or as
// the only value assigned to a variable of the package) and the later
// assignments to its fields.
func (r *Reader) literal(x ast.Expr) (*ast.CompositeLit, []syntax.FieldValue) {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok {
		x = ast.Unparen(u.X)
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		return x, nil
	case *ast.Ident:
		v, ok := r.pass.TypesInfo.ObjectOf(x).(*types.Var)
		if !ok || v.Pkg() != r.pass.Pkg {
			return nil, nil
		}
		if fn, _ := r.syn.Param(v); fn != nil {
			return nil, nil
		}
		a := r.syn.Definition(v)
		if a == nil {
			return nil, nil
		}
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok {
			a = ast.Unparen(u.X)
		}
		lit, ok := a.(*ast.CompositeLit)
		if !ok {
			return nil, nil
		}
		return lit, r.syn.FieldValuesOn(v)
	}
	return nil, nil
}

// repositoryCall returns the NewMapExpiringKeyRepository call x denotes,
// directly or as the one value of a variable of the package.
func (r *Reader) repositoryCall(x ast.Expr) *ast.CallExpr {
	call, fn := r.syn.ResolveCall(x)
	if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == watermillMiddleware && fn.Name() == "NewMapExpiringKeyRepository" {
		return call
	}
	return nil
}

func isWatermillDeduplicator(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == watermillMiddleware && n.Obj().Name() == "Deduplicator"
}
