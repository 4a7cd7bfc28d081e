// Package syntax indexes the syntax of a package once for the passes and
// checks that read it: the declaration of each function, the values each
// variable is given, the calls of each function, and one resolver that
// follows an expression to the value it stands for.
//
// Its Analyzer only makes an empty Index; each part is built on first
// use, as most packages of a large module need none of them.
package syntax

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/internal/typesutil"
)

// Analyzer makes the Index of a package; its result is a *Index.
var Analyzer = &analysis.Analyzer{
	Name:             "idemsyntax",
	Doc:              "indexes declarations, variable values and calls of a package, each on first use; does not report diagnostics",
	Run:              safe.Run("idemsyntax", run),
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Index](),
}

func run(pass *analysis.Pass) (any, error) {
	return New(pass.TypesInfo, pass.Pkg, pass.Files), nil
}

// MaxDepth bounds how many definitions Resolve follows, and how many
// steps the models' own followers of a value take (through a variable, a
// parameter to its argument, a function to what it returns). Eight steps
// cover the helpers and option variables code writes, and end cycles in
// code that does not type-check.
const MaxDepth = 8

// An Index is the syntax index of one package. It is safe for concurrent
// use.
type Index struct {
	info  *types.Info
	pkg   *types.Package
	files []*ast.File

	funcsOnce sync.Once
	funcs     []Func
	decls     map[*types.Func]*ast.FuncDecl

	valuesOnce sync.Once
	values     typesutil.Values
	defs       map[types.Object]ast.Expr

	callsOnce sync.Once
	calls     []*ast.CallExpr
	callsOf   map[*types.Func][]*ast.CallExpr

	intoOnce sync.Once
	into     map[types.Object]bool

	fieldsOnce sync.Once
	fields     map[*types.Var][]FieldValue
	fieldsOn   map[*types.Var][]FieldValue

	condOnce sync.Once
	cond     map[ast.Expr]bool

	stmtCallsOnce sync.Once
	stmtCalls     map[types.Object][]*ast.CallExpr

	paramsOnce sync.Once
	params     map[*types.Var]param
}

// New returns the Index of the package pkg, of files and info.
func New(info *types.Info, pkg *types.Package, files []*ast.File) *Index {
	return &Index{info: info, pkg: pkg, files: files}
}

// A Func is a function or method of the package declared with a body.
type Func struct {
	Obj  *types.Func
	Decl *ast.FuncDecl
	File *ast.File
}

// Funcs returns the functions and methods of the package declared with a
// body, in source order.
func (x *Index) Funcs() []Func {
	x.funcsOnce.Do(x.indexFuncs)
	return x.funcs
}

// Decl returns the declaration of fn, a function or method of the
// package (or an instance of one), or nil when it has no body here.
func (x *Index) Decl(fn *types.Func) *ast.FuncDecl {
	if fn == nil {
		return nil
	}
	x.funcsOnce.Do(x.indexFuncs)
	return x.decls[fn.Origin()]
}

func (x *Index) indexFuncs() {
	x.decls = make(map[*types.Func]*ast.FuncDecl)
	for _, f := range x.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := x.info.Defs[fd.Name].(*types.Func); ok {
				x.funcs = append(x.funcs, Func{Obj: fn, Decl: fd, File: f})
				x.decls[fn] = fd
			}
		}
	}
}

// Values returns the values the variable obj (not a field) is given in
// the package, in source order, as typesutil.Values records them: a
// declaration without a value gives typesutil.ZeroValue, a value the
// syntax does not show is nil.
func (x *Index) Values(obj types.Object) []ast.Expr {
	x.valuesOnce.Do(x.indexValues)
	return x.values[obj]
}

// Given returns the values the package gives the variable or field v
// that its syntax shows: for a field, those of FieldValues; for a
// variable, those of Values but the zero value of a declaration, a value
// the syntax does not show and a range's element.
func (x *Index) Given(v *types.Var) []ast.Expr {
	if v == nil {
		return nil
	}
	var out []ast.Expr
	if v.IsField() {
		for _, fv := range x.FieldValues(v) {
			out = append(out, fv.Value)
		}
		return out
	}
	for _, e := range x.Values(v) {
		switch e.(type) {
		case nil, *typesutil.Element:
			continue
		}
		if e != typesutil.ZeroValue {
			out = append(out, e)
		}
	}
	return out
}

// Definition returns the one value the variable obj is given in the
// package, besides a zero value at its declaration, or nil.
func (x *Index) Definition(obj types.Object) ast.Expr {
	if obj == nil {
		return nil
	}
	x.valuesOnce.Do(x.indexValues)
	return x.defs[obj]
}

func (x *Index) indexValues() {
	x.values = typesutil.Assignments(x.info, x.files)
	x.defs = x.values.Definitions()
}

// AssignsInto reports whether the package assigns into the variable obj:
// to an element or field reached from it (obj[k] = v, obj.f.g += v),
// which Values does not record.
func (x *Index) AssignsInto(obj types.Object) bool {
	if obj == nil {
		return false
	}
	x.intoOnce.Do(x.indexInto)
	return x.into[obj]
}

func (x *Index) indexInto() {
	x.into = make(map[types.Object]bool)
	for _, f := range x.files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for _, l := range as.Lhs {
				if _, whole := ast.Unparen(l).(*ast.Ident); whole {
					continue // a value Values records
				}
				if id := rootIdent(l); id != nil {
					if obj := x.info.Uses[id]; obj != nil {
						x.into[obj] = true
					}
				}
			}
			return true
		})
	}
}

// rootIdent returns the variable an element or field expression starts
// from (m of m[k].f), or nil.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch y := ast.Unparen(e).(type) {
		case *ast.Ident:
			return y
		case *ast.IndexExpr:
			e = y.X
		case *ast.SelectorExpr:
			e = y.X
		default:
			return nil
		}
	}
}

// A FieldValue is a value the package gives a struct field: an element
// of a composite literal, or the right-hand side of an assignment to a
// selector of the field.
type FieldValue struct {
	Field  *types.Var // the field given the value (its origin)
	Value  ast.Expr
	Lhs    ast.Expr        // the selector assigned to; nil for an element of a literal
	Assign *ast.AssignStmt // the assignment; nil for an element of a literal
	Func   *ast.FuncDecl   // the declaration the value is in; nil outside functions
	File   *ast.File
}

// FieldValues returns the values the package gives the struct field
// field (of a type of any package), in source order: keyed and
// positional elements of composite literals, and assignments of as many
// values as variables.
func (x *Index) FieldValues(field *types.Var) []FieldValue {
	if field == nil {
		return nil
	}
	x.fieldsOnce.Do(x.indexFields)
	return x.fields[field.Origin()]
}

// FieldValuesOn returns the values the package assigns to fields of the
// variable or field base (base.F = value), in source order.
func (x *Index) FieldValuesOn(base *types.Var) []FieldValue {
	if base == nil {
		return nil
	}
	x.fieldsOnce.Do(x.indexFields)
	return x.fieldsOn[base]
}

func (x *Index) indexFields() {
	x.fields = make(map[*types.Var][]FieldValue)
	x.fieldsOn = make(map[*types.Var][]FieldValue)
	add := func(v *types.Var, fv FieldValue) {
		v = v.Origin()
		fv.Field = v
		x.fields[v] = append(x.fields[v], fv)
	}
	for _, f := range x.files {
		for _, d := range f.Decls {
			fd, _ := d.(*ast.FuncDecl)
			ast.Inspect(d, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					t := x.info.TypeOf(n)
					if t == nil {
						return true
					}
					st, ok := t.Underlying().(*types.Struct)
					if !ok {
						return true
					}
					for i, elt := range n.Elts {
						if kv, ok := elt.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok {
								if v, ok := x.info.Uses[k].(*types.Var); ok && v.IsField() {
									add(v, FieldValue{Value: kv.Value, Func: fd, File: f})
								}
							}
						} else if i < st.NumFields() {
							add(st.Field(i), FieldValue{Value: elt, Func: fd, File: f})
						}
					}
				case *ast.AssignStmt:
					if len(n.Lhs) != len(n.Rhs) {
						return true
					}
					for i, l := range n.Lhs {
						sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
						if !ok {
							continue
						}
						if s := x.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
							fv := FieldValue{Field: s.Obj().(*types.Var).Origin(), Value: n.Rhs[i], Lhs: l, Assign: n, Func: fd, File: f}
							add(fv.Field, fv)
							if base := x.variable(sel.X); base != nil {
								x.fieldsOn[base] = append(x.fieldsOn[base], fv)
							}
						}
					}
				}
				return true
			})
		}
	}
}

// variable returns the variable or field e names, or nil.
func (x *Index) variable(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := x.info.ObjectOf(e).(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s := x.info.Selections[e]; s != nil && s.Kind() == types.FieldVal {
			return s.Obj().(*types.Var)
		}
	}
	return nil
}

// Conditional reports whether value, the right-hand side of an
// assignment or a declaration in the package, is given inside an if,
// switch, select or loop statement: on some paths only.
func (x *Index) Conditional(value ast.Expr) bool {
	x.condOnce.Do(x.indexConditional)
	return x.cond[value]
}

func (x *Index) indexConditional() {
	x.cond = make(map[ast.Expr]bool)
	for _, f := range x.files {
		var stack []bool // whether each node on the path is conditional
		depth := 0       // conditional statements on the path
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				if stack[len(stack)-1] {
					depth--
				}
				stack = stack[:len(stack)-1]
				return true
			}
			c := false
			switch n.(type) {
			case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
				c = true
			}
			stack = append(stack, c)
			if c {
				depth++
			}
			if depth == 0 {
				return true
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, v := range n.Rhs {
					x.cond[v] = true
				}
			case *ast.ValueSpec:
				for _, v := range n.Values {
					x.cond[v] = true
				}
			}
			return true
		})
	}
}

// StmtCalls returns the calls made on the variable or field obj as
// statements, in source order: every call of a chain, as c.F(x).G(y)
// configures c with both. A call whose result is used is not one.
func (x *Index) StmtCalls(obj types.Object) []*ast.CallExpr {
	if obj == nil {
		return nil
	}
	x.stmtCallsOnce.Do(x.indexStmtCalls)
	return x.stmtCalls[obj]
}

func (x *Index) indexStmtCalls() {
	x.stmtCalls = make(map[types.Object][]*ast.CallExpr)
	for _, f := range x.files {
		ast.Inspect(f, func(n ast.Node) bool {
			stmt, ok := n.(*ast.ExprStmt)
			if !ok {
				return true
			}
			call, ok := stmt.X.(*ast.CallExpr)
			var chain []*ast.CallExpr
			var base ast.Expr
			for ok {
				chain = append(chain, call)
				sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
				if !isSel {
					return true
				}
				base = sel.X
				call, ok = ast.Unparen(base).(*ast.CallExpr)
			}
			var obj types.Object
			switch b := ast.Unparen(base).(type) {
			case *ast.Ident:
				obj = x.info.ObjectOf(b)
			case *ast.SelectorExpr:
				obj = x.info.ObjectOf(b.Sel)
			}
			if obj != nil {
				x.stmtCalls[obj] = append(x.stmtCalls[obj], chain...)
			}
			return true
		})
	}
}

type param struct {
	fn *types.Func
	i  int
}

// Param returns the function of the package declared with a body whose
// parameter v is, and its index among the parameters; nil, 0 when v is
// not one (a receiver or a result is not).
func (x *Index) Param(v *types.Var) (*types.Func, int) {
	if v == nil {
		return nil, 0
	}
	x.paramsOnce.Do(x.indexParams)
	p := x.params[v]
	return p.fn, p.i
}

func (x *Index) indexParams() {
	x.params = make(map[*types.Var]param)
	for _, f := range x.Funcs() {
		i := 0
		for _, field := range f.Decl.Type.Params.List {
			if len(field.Names) == 0 {
				i++
			}
			for _, id := range field.Names {
				if v, ok := x.info.Defs[id].(*types.Var); ok {
					x.params[v] = param{f.Obj, i}
				}
				i++
			}
		}
	}
}

// Calls returns the calls in the package of fn, a function or method of
// the package, that name it statically, in source order.
func (x *Index) Calls(fn *types.Func) []*ast.CallExpr {
	if fn == nil {
		return nil
	}
	x.callsOnce.Do(x.indexCalls)
	return x.callsOf[fn.Origin()]
}

// AllCalls returns every call expression of the package (conversions and
// calls of builtins included), in source order.
func (x *Index) AllCalls() []*ast.CallExpr {
	x.callsOnce.Do(x.indexCalls)
	return x.calls
}

func (x *Index) indexCalls() {
	x.callsOf = make(map[*types.Func][]*ast.CallExpr)
	for _, f := range x.files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			x.calls = append(x.calls, call)
			if fn, ok := typeutil.Callee(x.info, call).(*types.Func); ok && fn.Pkg() == x.pkg && x.pkg != nil {
				fn = fn.Origin()
				x.callsOf[fn] = append(x.callsOf[fn], call)
			}
			return true
		})
	}
}

// Resolve returns the value e stands for: through parentheses, the
// operand of & and variables given one value in the package (see
// Definition), at most MaxDepth of them. It returns the expression where
// it stops: a call, a literal, or an identifier it cannot follow.
func (x *Index) Resolve(e ast.Expr) ast.Expr {
	for range MaxDepth {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		id, ok := e.(*ast.Ident)
		if !ok {
			return e
		}
		def := x.Definition(x.info.ObjectOf(id))
		if def == nil {
			return e
		}
		e = def
	}
	return ast.Unparen(e)
}

// ResolveCall returns the call e resolves to and the function it calls
// statically (nil for a call of a function value), or nil, nil.
func (x *Index) ResolveCall(e ast.Expr) (*ast.CallExpr, *types.Func) {
	call, ok := x.Resolve(e).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	fn, _ := typeutil.Callee(x.info, call).(*types.Func)
	return call, fn
}
