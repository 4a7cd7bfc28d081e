package dedup

import (
	"go/ast"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/passes/syntax"
)

// fiberIdempotencyPath and fiberV3IdempotencyPath are gofiber/fiber's
// idempotency middleware, whose configuration is the same in v2 and v3.
const (
	fiberIdempotencyPath   = "github.com/gofiber/fiber/v2/middleware/idempotency"
	fiberV3IdempotencyPath = "github.com/gofiber/fiber/v3/middleware/idempotency"
)

func isFiberIdempotencyPkg(pkg *types.Package) bool {
	return pkg != nil && (pkg.Path() == fiberIdempotencyPath || pkg.Path() == fiberV3IdempotencyPath)
}

// fiberDefaultLifetime is idempotency.ConfigDefault.Lifetime.
const fiberDefaultLifetime = 30 * time.Minute

func fiberIdempotency(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && isFiberIdempotencyPkg(fn.Pkg()) && fn.Name() == "New" && fn.Signature().Recv() == nil
}

// fiber reads idempotency.New(config ...Config): Lifetime (default 30
// minutes) and Storage (default: in-memory, per process). Defaults are
// reported only when the configuration is known: no argument,
// idempotency.ConfigDefault, or one literal (possibly through a variable).
func (r *Reader) fiber(call *ast.CallExpr) []Setting {
	info := r.pass.TypesInfo
	defaultTTL := Setting{Kind: TTL, Node: call, Value: "the default lifetime of idempotency.New", TTL: fiberDefaultLifetime, Const: true}
	defaultStore := Setting{Kind: LocalStore, Node: call, Value: "the default in-memory storage of idempotency.New"}
	if len(call.Args) == 0 {
		return []Setting{defaultTTL, defaultStore}
	}
	if len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return nil
	}
	arg := ast.Unparen(call.Args[0])
	var lit *ast.CompositeLit
	var fields []syntax.FieldValue // later assignments to the variable's fields
	switch a := arg.(type) {
	case *ast.CompositeLit:
		lit = a
	case *ast.SelectorExpr:
		if v, ok := info.ObjectOf(a.Sel).(*types.Var); ok && isFiberIdempotencyPkg(v.Pkg()) && v.Name() == "ConfigDefault" {
			return []Setting{defaultTTL, defaultStore}
		}
		return nil
	case *ast.Ident:
		v, ok := info.ObjectOf(a).(*types.Var)
		if !ok || v.Pkg() != r.pass.Pkg {
			return nil
		}
		if fn, _ := r.syn.Param(v); fn != nil {
			return nil // a parameter: the configuration is not known here
		}
		l, ok := ast.Unparen(r.syn.Definition(v)).(*ast.CompositeLit)
		if !ok {
			return nil
		}
		lit, fields = l, r.syn.FieldValuesOn(v)
	default:
		return nil
	}
	type entry struct {
		node  ast.Node
		value ast.Expr
	}
	unknown := make(map[string]bool) // fields assigned on some paths only
	for _, fa := range fields {
		if r.syn.Conditional(fa.Value) {
			unknown[fa.Field.Name()] = true
		}
	}
	set := make(map[string]entry)
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				set[key.Name] = entry{kv, kv.Value}
			}
		}
	}
	for _, fa := range fields {
		set[fa.Field.Name()] = entry{fa.Assign, fa.Value}
	}
	var out []Setting
	lifetime, hasLifetime := set["Lifetime"]
	switch {
	case unknown["Lifetime"]: // assigned on some paths only
	case hasLifetime:
		d, c := durationConst(info, lifetime.value)
		if !c || d != 0 {
			out = append(out, Setting{Kind: TTL, Node: lifetime.node, Value: short(lifetime.node), TTL: d, Const: c})
		} else {
			out = append(out, defaultTTL)
		}
	default:
		out = append(out, defaultTTL)
	}
	storage, hasStorage := set["Storage"]
	switch {
	case unknown["Storage"]:
	case !hasStorage || isNil(info, storage.value):
		out = append(out, defaultStore)
	default:
		if call, ok := ast.Unparen(storage.value).(*ast.CallExpr); ok && memoryStorage(typeutil.Callee(info, call)) {
			out = append(out, Setting{Kind: LocalStore, Node: call, Value: short(call)})
			break
		}
		w := &walker{r: r, seen: make(map[any]bool)}
		w.expr(storage.value, nil, false, 0)
		for _, s := range w.out {
			if s.Kind == LocalStore {
				out = append(out, s)
			}
		}
	}
	return out
}

func isNil(info *types.Info, x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && info.Uses[id] == types.Universe.Lookup("nil")
}

// memoryStorage reports whether fn constructs gofiber's in-memory storage
// (github.com/gofiber/storage/memory, any major version).
func memoryStorage(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Name() != "New" {
		return false
	}
	p := fn.Pkg().Path()
	return strings.HasPrefix(p, "github.com/gofiber/storage/memory") || strings.HasSuffix(p, "/internal/storage/memory")
}
