package retries

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/passes/syntax"
)

// minters are the functions that return a new random identifier, by
// package path (a path ending in "/" matches any package under it).
var minters = map[string][]string{
	"github.com/google/uuid":      {"New", "NewString", "NewRandom", "NewV7", "NewUUID"},
	"github.com/gofrs/uuid":       {"NewV1", "NewV4", "NewV6", "NewV7"},
	"github.com/gofrs/uuid/v5":    {"NewV1", "NewV4", "NewV6", "NewV7"},
	"github.com/satori/go.uuid":   {"NewV1", "NewV4"},
	"github.com/oklog/ulid":       {"Make", "New", "MustNew"},
	"github.com/oklog/ulid/v2":    {"Make", "New", "MustNew"},
	"github.com/rs/xid":           {"New"},
	"crypto/rand":                 {"Text"},
	"github.com/stripe/stripe-go": {"NewIdempotencyKey"},
}

// minter returns the name of the minting function call calls, or "".
func minter(info *types.Info, call *ast.CallExpr) string {
	fn := calleeFunc(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return ""
	}
	pkg := fn.Pkg().Path()
	if stripeModule(pkg) && strings.Count(pkg[len(stripePrefix):], "/") == 0 {
		pkg = "github.com/stripe/stripe-go" // the module root, any major version
	}
	for _, n := range minters[pkg] {
		if fn.Name() == n {
			return fn.Pkg().Name() + "." + n
		}
	}
	return ""
}

// randRead reports whether call fills its argument from crypto/rand.
func randRead(info *types.Info, call *ast.CallExpr) (ast.Expr, bool) {
	fn := calleeFunc(info, call)
	switch {
	case isFunc(fn, "crypto/rand", "Read") && len(call.Args) == 1:
		return call.Args[0], true
	case isFunc(fn, "io", "ReadFull") && len(call.Args) == 2:
		if sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); ok && sel.Sel.Name == "Reader" {
			if obj, ok := info.Uses[sel.Sel].(*types.Var); ok && obj.Pkg() != nil && obj.Pkg().Path() == "crypto/rand" {
				return call.Args[1], true
			}
		}
	}
	return nil, false
}

// mintIn returns the key minted inside the retried code that e (a key
// value in frame fr) carries, or nil when the key is fixed before the
// first attempt or its provenance is unknown.
func (a *finder) mintIn(e ast.Expr, fr *frame, depth int) *Mint {
	if depth > syntax.MaxDepth || e == nil {
		return nil
	}
	info := a.pass.TypesInfo
	var found *Mint
	ast.Inspect(e, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if name := minter(info, n); name != "" && contains(fr.region, n) {
				found = &Mint{Pos: n.Pos(), End: n.End(), Minter: name}
				return false
			}
		case *ast.Ident:
			found = a.mintVar(n, fr, depth)
		}
		return true
	})
	return found
}

// mintVar follows a variable used in a key value.
func (a *finder) mintVar(id *ast.Ident, fr *frame, depth int) *Mint {
	info := a.pass.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	for i, p := range fr.params {
		if p == v && fr.parent != nil && i < len(fr.args) {
			return a.mintIn(fr.args[i], fr.parent, depth+1)
		}
	}
	if fr.region == nil {
		return nil // no per-attempt code: every key is fixed
	}
	// A variable defined before the retried code is fixed unless the
	// retried code assigns it.
	inside := fr.region.Pos() <= v.Pos() && v.Pos() < fr.region.End()
	// crypto/rand.Read(buf) into the key's bytes
	var found *Mint
	ast.Inspect(fr.region, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && found == nil {
			if dst, ok := randRead(info, call); ok {
				x := ast.Unparen(dst)
				if sl, ok := x.(*ast.SliceExpr); ok {
					x = ast.Unparen(sl.X)
				}
				if localVar(info, x) == v {
					found = &Mint{Pos: call.Pos(), End: call.End(), Minter: "rand.Read"}
				}
			}
		}
		return found == nil
	})
	if found != nil {
		return found
	}
	vals, _ := values(info, fr.region, v)
	for _, x := range vals {
		if m := a.mintIn(x, fr, depth+1); m != nil {
			if len(vals) == 1 && fr.parent == nil && inside {
				m.Hoist = hoistable(a.pass.Fset, info, fr.region, v, x)
			}
			return m
		}
	}
	return nil
}

// hoistable returns the statement `k := x` defining v when it sits alone
// on its lines at the top level of the retried block and uses nothing
// defined inside it.
func hoistable(fset *token.FileSet, info *types.Info, region ast.Node, v *types.Var, x ast.Expr) *ast.AssignStmt {
	block, ok := region.(*ast.BlockStmt)
	if !ok {
		return nil
	}
	line := func(p token.Pos) int { return fset.Position(p).Line }
	for i, st := range block.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != x {
			continue
		}
		if id, ok := as.Lhs[0].(*ast.Ident); !ok || info.Defs[id] != v {
			return nil
		}
		inner := false
		ast.Inspect(x, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := info.Uses[id]; obj != nil && region.Pos() <= obj.Pos() && obj.Pos() < region.End() {
					inner = true
				}
			}
			return !inner
		})
		if inner {
			return nil
		}
		prev, next := block.Lbrace, block.Rbrace
		if i > 0 {
			prev = block.List[i-1].End() - 1
		}
		if i+1 < len(block.List) {
			next = block.List[i+1].Pos()
		}
		if line(prev) >= line(as.Pos()) || line(next) <= line(as.End()) {
			return nil
		}
		return as
	}
	return nil
}
