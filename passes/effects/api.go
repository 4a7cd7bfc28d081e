package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/lazyre"
	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// An effect is the side effect of one API call.
type effect struct {
	kind       Kind
	desc       string // what it does, for messages: "inserts into orders"
	idempotent bool
	money      bool
	unknown    bool // the call's effect cannot be told (see visible.go)
}

func (e effect) effects() Effects {
	out := Effects{Kinds: e.kind, MovesMoney: e.money}
	if !e.idempotent {
		out.NonIdempotent = e.desc
	}
	return out
}

// A site is one call of a recognised API.
type site struct {
	in     *inferrer
	call   *ast.CallExpr
	fn     *types.Func
	method string // the function or method name
}

// arg returns the i-th argument, or nil.
func (s *site) arg(i int) ast.Expr {
	if i < 0 || i >= len(s.call.Args) {
		return nil
	}
	return s.call.Args[i]
}

// str returns the constant string value of the i-th argument.
func (s *site) str(i int) (string, bool) { return s.in.constString(s.arg(i)) }

// strs returns the statements argument i can hold (sqlTexts).
func (s *site) strs(i int) ([]string, bool) {
	texts, ok := s.in.sqlTexts(s.arg(i), 0)
	if !ok {
		return nil, false
	}
	for _, t := range texts {
		if t = strings.TrimLeft(t, " \t\r\n("); t == "" || t[0] == '_' {
			return nil, false // its first word is not constant
		}
	}
	return texts, true
}

// sqlTexts returns the statements x can hold, with "_" for the parts that
// are not constant: a constant; a concatenation, or an fmt.Sprintf of a
// format, whose first part is; a local variable, from every value it is
// given (a value built from the variable itself, query =
// fmt.Sprintf(query, ...), keeps its first words); a parameter of an
// unexported function, from every call of it in the package.
func (in *inferrer) sqlTexts(x ast.Expr, depth int) ([]string, bool) {
	if x == nil || depth > syntax.MaxDepth {
		return nil, false
	}
	if t, ok := typesutil.ConstString(in.pass.TypesInfo, x); ok {
		return []string{t}, true
	}
	info := in.pass.TypesInfo
	switch e := ast.Unparen(x).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil, false
		}
		left, ok := in.sqlTexts(e.X, depth) // a chain of + is one step
		if !ok {
			return nil, false
		}
		right := " _ "
		if t, ok := typesutil.ConstString(info, e.Y); ok {
			right = t
		}
		out := make([]string, len(left))
		for i, l := range left {
			out[i] = l + right
		}
		return out, true
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if ok && fn.Pkg() != nil && fn.Pkg().Path() == squirrelPath && (fn.Name() == "ToSql" || fn.Name() == "MustSql") {
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				return in.squirrelTexts(sel.X, depth+1)
			}
			return nil, false
		}
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(e.Args) == 0 {
			return nil, false
		}
		formats, ok := in.sqlTexts(e.Args[0], depth+1)
		if !ok {
			return nil, false
		}
		out := make([]string, len(formats))
		for i, f := range formats {
			out[i] = formatVerb().ReplaceAllString(f, "_")
		}
		return out, true
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return nil, false
		}
		switch v.Kind() {
		case types.LocalVar:
			var out []string
			for _, val := range in.valuesOfVar(v) {
				if val == typesutil.ZeroValue || in.builtFrom(val, v) {
					continue
				}
				texts, ok := in.sqlTexts(val, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, texts...)
			}
			return out, len(out) > 0
		case types.ParamVar:
			args, ok := in.args(v)
			if !ok || len(args) == 0 {
				return nil, false
			}
			var out []string
			for _, a := range args {
				texts, ok := in.sqlTexts(a, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, texts...)
			}
			return out, true
		}
	}
	return nil, false
}

// builtFrom reports whether x is built from the variable v itself: v + s,
// or fmt.Sprintf(v, ...).
func (in *inferrer) builtFrom(x ast.Expr, v *types.Var) bool {
	switch e := ast.Unparen(x).(type) {
	case *ast.BinaryExpr:
		return e.Op == token.ADD && in.builtFrom(e.X, v)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(in.pass.TypesInfo, e).(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(e.Args) > 0 && in.builtFrom(e.Args[0], v)
	case *ast.Ident:
		return in.pass.TypesInfo.Uses[e] == v
	}
	return false
}

// formatVerb matches an fmt verb with its flags, width and precision.
var formatVerb = lazyre.New(`%[-+# 0]*(?:\[\d+\])?(?:\d+|\*)?(?:\.(?:\d+|\*))?[a-zA-Z%]`)

// recv returns the receiver expression of a method call, or nil.
func (s *site) recv() ast.Expr {
	if sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr); ok {
		if _, isPkg := s.in.pass.TypesInfo.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
			return sel.X
		}
	}
	return nil
}

func identOf(x ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(x).(*ast.Ident)
	return id
}

// A classifier returns the effect of a call, and false when the call has
// none.
type classifier func(s *site) (effect, bool)

// An api is one row of a family table: the methods of a type (or the
// functions of a package when typ is "", any type when typ is "*") whose
// calls a classifier judges.
type api struct {
	pkg      string   // import path without major-version elements
	typ      string   // receiver type name; "" for package functions; "*" for any
	names    []string // function or method names; nil for any
	classify classifier
}

// always returns a classifier with a fixed effect.
func always(e effect) classifier {
	return func(*site) (effect, bool) { return e, true }
}

// tables index every family's rows by package path.
var tables = map[string][]api{}

func register(rows ...api) {
	for _, r := range rows {
		tables[r.pkg] = append(tables[r.pkg], r)
	}
}

// known reports whether path belongs to a family the tables describe:
// calls into such packages are judged by the tables alone.
func known(path string) bool {
	_, ok := tables[typesutil.NormPath(path)]
	return ok
}

// lookup returns the row for fn, or nil.
func lookup(fn *types.Func) *api {
	if fn.Pkg() == nil {
		return nil
	}
	rows := tables[typesutil.NormPath(fn.Pkg().Path())]
	if rows == nil {
		return nil
	}
	typ := ""
	if recv := fn.Signature().Recv(); recv != nil {
		typ = "?"
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			typ = n.Obj().Name()
		}
	}
	for i := range rows {
		r := &rows[i]
		if r.typ != typ && (r.typ != "*" || typ == "") {
			continue
		}
		if r.names == nil {
			return r
		}
		for _, n := range r.names {
			if n == fn.Name() {
				return r
			}
		}
	}
	return nil
}

// constString returns the constant string value of x.
// A local variable given a constant once, as in query := `SELECT ...`,
// stands for that constant.
func (in *inferrer) constString(x ast.Expr) (string, bool) {
	for range syntax.MaxDepth {
		if s, ok := typesutil.ConstString(in.pass.TypesInfo, x); ok {
			return s, true
		}
		id := identOf(x)
		if id == nil {
			break
		}
		if x = in.definition(in.pass.TypesInfo.Uses[id]); x == nil {
			break
		}
	}
	return "", false
}

// constBool returns the constant boolean value of x.
func (in *inferrer) constBool(x ast.Expr) (bool, bool) {
	return typesutil.ConstBool(in.pass.TypesInfo, x)
}

// fieldString returns the constant string of the field named field in a
// composite literal x (or &x), looking through a call of one constant
// argument such as aws.String("...") and, for an identifier, the composite
// literal it was defined with.
func (in *inferrer) fieldString(x ast.Expr, field string) (string, bool) {
	lit := in.compositeOf(x)
	if lit == nil {
		return "", false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field {
			return in.stringish(kv.Value)
		}
	}
	return "", false
}

// stringish returns the constant string of x, of &x, or of a call with one
// constant argument (aws.String("q"), ptr("q")).
func (in *inferrer) stringish(x ast.Expr) (string, bool) {
	return typesutil.Stringish(in.pass.TypesInfo, x)
}

// compositeOf returns the composite literal x denotes: x itself, &x, or
// the literal a variable was defined with, as the syntax index resolves
// it.
func (in *inferrer) compositeOf(x ast.Expr) *ast.CompositeLit {
	lit, _ := in.syn.Resolve(x).(*ast.CompositeLit)
	return lit
}

// nameOf returns a short printable name for a type: its named type's name,
// through pointers, slices and arrays.
func nameOf(t types.Type) string {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Named:
			return u.Obj().Name()
		default:
			return ""
		}
	}
}

// quoted formats a constant name for messages.
func quoted(s string) string { return `"` + s + `"` }

// args returns the arguments the package passes for parameter v of a
// function it declares, and false when v is not one, or other packages
// can call the function.
func (in *inferrer) args(v *types.Var) ([]ast.Expr, bool) {
	fn, i := in.syn.Param(v)
	if fn == nil || fn.Exported() {
		return nil, false
	}
	var out []ast.Expr
	for _, c := range in.syn.Calls(fn) {
		if i >= len(c.Args) {
			return nil, false
		}
		out = append(out, c.Args[i])
	}
	return out, true
}
