package effects

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// squirrelPath is github.com/Masterminds/squirrel, whose builders render
// the statement a call then runs (sql, args, err := b.ToSql()).
const squirrelPath = "github.com/Masterminds/squirrel"

// squirrelRuns reports whether fn is a method of a squirrel builder that
// runs its statement (b.RunWith(db).Exec()), which the model does not
// judge: it hides its caller.
func squirrelRuns(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != squirrelPath || fn.Signature().Recv() == nil {
		return false
	}
	switch fn.Name() {
	case "Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext", "Scan", "ScanContext":
		return true
	}
	return false
}

// A sqState is what a squirrel builder chain shows of its statement.
type sqState struct {
	verb    string   // SELECT, INSERT, REPLACE, UPDATE or DELETE
	options []string // an insert's options (IGNORE)
	table   string
	sets    []string // an update's "column = value", value "?" unless a constant squirrel.Expr
	suffix  []string // constant suffixes; "_" for one that is not
}

// text renders the statement as sqlTexts does: enough for classifySQL.
func (s sqState) text() string {
	var b strings.Builder
	b.WriteString(s.verb)
	switch s.verb {
	case "INSERT", "REPLACE":
		for _, o := range s.options {
			b.WriteString(" " + o)
		}
		b.WriteString(" INTO " + s.table + " VALUES (?)")
	case "UPDATE":
		b.WriteString(" " + s.table + " SET " + strings.Join(s.sets, ", "))
	case "DELETE":
		b.WriteString(" FROM " + s.table)
	case "SELECT":
		b.WriteString(" _ FROM " + s.table)
	}
	for _, x := range s.suffix {
		b.WriteString(" " + x)
	}
	return b.String()
}

// squirrelTexts returns the statements the squirrel builder x can render,
// or false when the chain is not all known: a builder made by
// squirrel.Update("t") or a StatementBuilderType's Update, with Set,
// SetMap, Where, Suffix and the like after it, directly or through local
// variables that hold a builder.
func (in *inferrer) squirrelTexts(x ast.Expr, depth int) ([]string, bool) {
	states, ok := in.squirrelStates(x, depth)
	if !ok {
		return nil, false
	}
	out := make([]string, len(states))
	for i, s := range states {
		out[i] = s.text()
	}
	return out, true
}

func (in *inferrer) squirrelStates(x ast.Expr, depth int) ([]sqState, bool) {
	if depth > syntax.MaxDepth {
		return nil, false
	}
	calls, base, ok := in.squirrelChain(x)
	if !ok {
		return nil, false
	}
	states := []sqState{{}}
	if base != nil {
		// A local variable holding a builder: from each value it is
		// given, with the calls of those built from it (b = b.Set(...))
		// applied to every one.
		id, ok := base.(*ast.Ident)
		v, _ := in.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || v == nil || v.Kind() != types.LocalVar {
			return nil, false
		}
		states = nil
		var more [][]*ast.CallExpr
		for _, val := range in.valuesOfVar(v) {
			if val == typesutil.ZeroValue {
				continue
			}
			if c, b, ok := in.squirrelChain(val); ok && b != nil && in.pass.TypesInfo.Uses[identOf(b)] == v {
				more = append(more, c)
				continue
			}
			ss, ok := in.squirrelStates(val, depth+1)
			if !ok {
				return nil, false
			}
			states = append(states, ss...)
		}
		if len(states) == 0 {
			return nil, false
		}
		for _, c := range more {
			calls = append(calls, c...)
		}
	}
	for i := len(calls) - 1; i >= 0; i-- {
		for j := range states {
			if !in.squirrelApply(&states[j], calls[i]) {
				return nil, false
			}
		}
	}
	return states, true
}

// squirrelChain returns the squirrel calls of the chain x, from the
// outermost in, and what the chain starts from: nil for a call that
// starts a statement, else the expression (a variable) the first method
// is called on. It reports false when a call is not squirrel's.
func (in *inferrer) squirrelChain(x ast.Expr) (calls []*ast.CallExpr, base ast.Expr, ok bool) {
	for {
		x = ast.Unparen(x)
		call, isCall := x.(*ast.CallExpr)
		if !isCall {
			return calls, x, true
		}
		fn, isFunc := typeutil.Callee(in.pass.TypesInfo, call).(*types.Func)
		if !isFunc || fn.Pkg() == nil || fn.Pkg().Path() != squirrelPath {
			return nil, nil, false
		}
		calls = append(calls, call)
		if squirrelRoot(fn) {
			return calls, nil, true
		}
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel || fn.Signature().Recv() == nil {
			return nil, nil, false
		}
		x = sel.X
	}
}

// squirrelRoot reports whether fn starts a statement: squirrel.Update and
// the others, or a StatementBuilderType's.
func squirrelRoot(fn *types.Func) bool {
	switch fn.Name() {
	case "Select", "Insert", "Replace", "Update", "Delete":
	default:
		return false
	}
	recv := fn.Signature().Recv()
	return recv == nil || typesutil.IsNamed(recv.Type(), squirrelPath, "StatementBuilderType")
}

// squirrelApply applies one call of a builder chain to s, and reports
// whether it is one the model knows.
func (in *inferrer) squirrelApply(s *sqState, call *ast.CallExpr) bool {
	info := in.pass.TypesInfo
	fn := typeutil.Callee(info, call).(*types.Func)
	constant := func(i int) string {
		if i < len(call.Args) {
			if t, ok := typesutil.ConstString(info, call.Args[i]); ok {
				return t
			}
		}
		return "_"
	}
	if squirrelRoot(fn) {
		s.verb = strings.ToUpper(fn.Name())
		if s.verb != "SELECT" {
			s.table = constant(0)
		}
		return true
	}
	switch fn.Name() {
	case "Set":
		if len(call.Args) != 2 {
			return false
		}
		v, ok := in.squirrelValue(call.Args[1])
		if !ok {
			return false
		}
		s.sets = append(s.sets, constant(0)+" = "+v)
	case "SetMap":
		if s.verb != "UPDATE" {
			return true // an insert's values
		}
		lit := in.compositeOf(call.Args[0])
		if lit == nil {
			return false
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return false
			}
			k, ok := typesutil.ConstString(info, kv.Key)
			if !ok {
				return false
			}
			v, ok := in.squirrelValue(kv.Value)
			if !ok {
				return false
			}
			s.sets = append(s.sets, k+" = "+v)
		}
	case "Options":
		for i := range call.Args {
			s.options = append(s.options, constant(i))
		}
	case "Suffix":
		s.suffix = append(s.suffix, constant(0))
	case "SuffixExpr":
		s.suffix = append(s.suffix, "_")
	case "Into", "Table", "From":
		s.table = constant(0)
	case "Where", "Columns", "Values", "PlaceholderFormat", "RunWith", "OrderBy", "Limit", "Offset",
		"Join", "LeftJoin", "RightJoin", "InnerJoin", "GroupBy", "Having", "Distinct", "Column", "FromSelect", "Select":
		// what the statement selects or which rows: not what it writes
	default:
		return false // Prefix (a common table expression may write) and the rest
	}
	return true
}

// squirrelValue renders the value of a SET clause: "?" for a value, the
// text of a constant squirrel.Expr, so that "count = count + 1"
// accumulates; false for an expression whose text is not constant.
func (in *inferrer) squirrelValue(x ast.Expr) (string, bool) {
	info := in.pass.TypesInfo
	x = in.syn.Resolve(x)
	if call, ok := x.(*ast.CallExpr); ok {
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == squirrelPath {
			if fn.Name() == "Expr" && len(call.Args) > 0 {
				if t, ok := typesutil.ConstString(info, call.Args[0]); ok {
					return t, true
				}
			}
			return "", false
		}
	}
	// A value that may be an expression at run time is not known.
	t := info.TypeOf(x)
	if t == nil || types.IsInterface(t) {
		return "", false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == squirrelPath {
		return "", false
	}
	return "?", true
}
