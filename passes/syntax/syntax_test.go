package syntax

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// load type-checks src as package p, ignoring type errors, and returns
// its index.
func load(t *testing.T, src string) (*Index, *types.Package, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	conf := types.Config{Error: func(error) {}}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, info)
	res, err := Analyzer.Run(&analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info})
	if err != nil {
		t.Fatal(err)
	}
	return res.(*Index), pkg, info
}

// lookup returns the object name denotes in the package, or, with a dot
// ("f.x"), the local name of function f.
func lookup(t *testing.T, pkg *types.Package, name string) types.Object {
	t.Helper()
	fn, local, ok := strings.Cut(name, ".")
	obj := pkg.Scope().Lookup(fn)
	if ok && obj != nil {
		obj = innermost(obj.(*types.Func).Scope(), local)
	}
	if obj == nil {
		t.Fatalf("no object %s", name)
	}
	return obj
}

func innermost(s *types.Scope, name string) types.Object {
	if obj := s.Lookup(name); obj != nil {
		return obj
	}
	for i := range s.NumChildren() {
		if obj := innermost(s.Child(i), name); obj != nil {
			return obj
		}
	}
	return nil
}

// identOf returns a use of obj.
func identOf(t *testing.T, info *types.Info, obj types.Object) *ast.Ident {
	t.Helper()
	for id, o := range info.Uses {
		if o == obj {
			return id
		}
	}
	t.Fatalf("%s is not used", obj.Name())
	return nil
}

func TestDecl(t *testing.T) {
	idx, pkg, _ := load(t, `package p
func f() {}
func g[T any](x T) T { return x }
type S struct{}
func (S) m() {}
func asm()
func h() { g(1) }
`)
	for _, name := range []string{"f", "g"} {
		fn := lookup(t, pkg, name).(*types.Func)
		if d := idx.Decl(fn); d == nil || d.Name.Name != name {
			t.Errorf("Decl(%s) = %v", name, d)
		}
	}
	m, _, _ := types.LookupFieldOrMethod(lookup(t, pkg, "S").Type(), false, pkg, "m")
	if d := idx.Decl(m.(*types.Func)); d == nil || d.Name.Name != "m" {
		t.Errorf("Decl(S.m) = %v", d)
	}
	if d := idx.Decl(lookup(t, pkg, "asm").(*types.Func)); d != nil {
		t.Errorf("Decl(asm) = %v, want nil: it has no body", d)
	}
	if idx.Decl(nil) != nil {
		t.Error("Decl(nil) != nil")
	}
	var names []string
	for _, fn := range idx.Funcs() {
		names = append(names, fn.Obj.Name())
		if fn.File == nil || fn.Decl.Body == nil {
			t.Errorf("%s: no file or body", fn.Obj.Name())
		}
	}
	if got, want := strings.Join(names, " "), "f g m h"; got != want {
		t.Errorf("Funcs = %s, want %s", got, want)
	}
}

func TestValuesAndDefinitions(t *testing.T) {
	idx, pkg, _ := load(t, `package p
var zero int
var once = 1
var later int
func init() { later = 2 }
func f() (int, error) { return 0, nil }
func g() {
	twice := 1
	twice = 2
	c, err := f()
	n := 0
	n++
	_, _, _ = twice, c, err
}
`)
	cases := []struct {
		name   string
		values string // the values, rendered
		given  string // the values Given returns
		def    string // the definition, or ""
	}{
		{"zero", "_", "", ""},
		{"once", "1", "1", "1"},
		{"later", "_ 2", "2", "2"},
		{"g.twice", "1 2", "1 2", ""},
		{"g.c", "f()", "f()", "f()"},
		{"g.err", "<nil>", "", ""},
		{"g.n", "0 <nil>", "0", ""},
	}
	for _, c := range cases {
		obj := lookup(t, pkg, c.name)
		var vals []string
		for _, v := range idx.Values(obj) {
			switch v {
			case nil:
				vals = append(vals, "<nil>")
			case typesutil.ZeroValue:
				vals = append(vals, "_")
			default:
				vals = append(vals, types.ExprString(v))
			}
		}
		if got := strings.Join(vals, " "); got != c.values {
			t.Errorf("Values(%s) = %s, want %s", c.name, got, c.values)
		}
		var given []string
		for _, v := range idx.Given(obj.(*types.Var)) {
			given = append(given, types.ExprString(v))
		}
		if got := strings.Join(given, " "); got != c.given {
			t.Errorf("Given(%s) = %s, want %s", c.name, got, c.given)
		}
		def := ""
		if d := idx.Definition(obj); d != nil {
			def = types.ExprString(d)
		}
		if def != c.def {
			t.Errorf("Definition(%s) = %q, want %q", c.name, def, c.def)
		}
	}
	if idx.Definition(nil) != nil {
		t.Error("Definition(nil) != nil")
	}
}

func TestCalls(t *testing.T) {
	idx, pkg, _ := load(t, `package p
func f() {}
func g[T any](T) {}
type S struct{}
func (S) m() {}
func h(s S) {
	f()
	f()
	g(1)
	g("x")
	s.m()
	_ = len("x")
	fv := f
	fv()
}
`)
	for name, want := range map[string]int{"f": 2, "g": 2, "h": 0} {
		if got := len(idx.Calls(lookup(t, pkg, name).(*types.Func))); got != want {
			t.Errorf("Calls(%s) = %d calls, want %d", name, got, want)
		}
	}
	m, _, _ := types.LookupFieldOrMethod(lookup(t, pkg, "S").Type(), false, pkg, "m")
	if got := len(idx.Calls(m.(*types.Func))); got != 1 {
		t.Errorf("Calls(S.m) = %d calls, want 1", got)
	}
	if got := len(idx.AllCalls()); got != 7 {
		t.Errorf("AllCalls = %d calls, want 7", got)
	}
	if idx.Calls(nil) != nil {
		t.Error("Calls(nil) != nil")
	}
}

func TestResolve(t *testing.T) {
	idx, pkg, info := load(t, `package p
type T struct{}
func mk() *T { return nil }
var global = mk()
func f() {
	a := T{}
	b := &a
	c := (b)
	d := global
	e := 1
	e = 2
	_, _, _ = c, d, e
}
`)
	cases := map[string]string{
		"f.c":    "T{}",  // through a variable, & and parentheses
		"f.d":    "mk()", // through a package variable
		"f.e":    "e",    // given two values: not followed
		"global": "mk()",
	}
	for name, want := range cases {
		got := types.ExprString(idx.Resolve(identOf(t, info, lookup(t, pkg, name))))
		if got != want {
			t.Errorf("Resolve(%s) = %s, want %s", name, got, want)
		}
	}
	call, fn := idx.ResolveCall(identOf(t, info, lookup(t, pkg, "f.d")))
	if call == nil || fn != lookup(t, pkg, "mk") {
		t.Errorf("ResolveCall(d) = %v, %v, want the call of mk", call, fn)
	}
	if call, fn := idx.ResolveCall(identOf(t, info, lookup(t, pkg, "f.c"))); call != nil || fn != nil {
		t.Errorf("ResolveCall(c) = %v, %v, want nil, nil", call, fn)
	}
}

// TestResolveDepth checks that Resolve follows MaxDepth definitions and
// no more.
func TestResolveDepth(t *testing.T) {
	for _, follows := range []int{MaxDepth, MaxDepth + 1} {
		// v0 := mk() and vi := v(i-1): from the last variable, the call
		// is follows definitions away.
		var b strings.Builder
		b.WriteString("package p\nfunc mk() int { return 0 }\nfunc f() int {\n\tv0 := mk()\n")
		last := follows - 1
		for i := 1; i <= last; i++ {
			fmt.Fprintf(&b, "\tv%d := v%d\n", i, i-1)
		}
		fmt.Fprintf(&b, "\treturn v%d\n}\n", last)
		idx, pkg, info := load(t, b.String())
		got := types.ExprString(idx.Resolve(identOf(t, info, lookup(t, pkg, fmt.Sprintf("f.v%d", last)))))
		want := "mk()"
		if follows > MaxDepth {
			want = "v0"
		}
		if got != want {
			t.Errorf("%d definitions away: Resolve = %s, want %s", follows, got, want)
		}
	}
}

// TestResolveCycle checks that Resolve ends on variables defined by each
// other, which only code that does not type-check holds.
func TestResolveCycle(t *testing.T) {
	idx, pkg, info := load(t, `package p
var a = b
var b = a
`)
	x := idx.Resolve(identOf(t, info, lookup(t, pkg, "a")))
	if id, ok := x.(*ast.Ident); !ok || (id.Name != "a" && id.Name != "b") {
		t.Errorf("Resolve(a) = %s, want a or b", types.ExprString(x))
	}
}

// TestConcurrent builds the parts of one index from several goroutines,
// as checks running on the same package do.
func TestConcurrent(t *testing.T) {
	idx, pkg, _ := load(t, `package p
func f() { f() }
var v = 1
`)
	f, v := lookup(t, pkg, "f").(*types.Func), lookup(t, pkg, "v")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if idx.Decl(f) == nil || len(idx.Calls(f)) != 1 || idx.Definition(v) == nil {
				t.Error("a part of the index is missing")
			}
		})
	}
	wg.Wait()
}

func TestAssignsInto(t *testing.T) {
	idx, pkg, _ := load(t, `package p
type T struct{ f map[string]bool }
var m = map[string]bool{"a": true}
var s = T{}
var whole = map[string]bool{}
var read = map[string]bool{}
var n = 0
func init() {
	(m)["b"] = true
	s.f["x"] = false
	whole = nil
	n++
	_ = read["a"]
}
`)
	for name, want := range map[string]bool{"m": true, "s": true, "whole": false, "read": false, "n": false} {
		if got := idx.AssignsInto(lookup(t, pkg, name)); got != want {
			t.Errorf("AssignsInto(%s) = %v, want %v", name, got, want)
		}
	}
	if idx.AssignsInto(nil) {
		t.Error("AssignsInto(nil)")
	}
}

func TestFieldValues(t *testing.T) {
	const src = `package p

type client struct{ retries int }

type server struct {
	c    *client
	name string
}

var def = server{name: "default"}

func newServer(c *client) *server {
	s := &server{c, "positional"}
	s.c.retries = 0
	s.name, s.c = "assigned", nil
	return s
}

func twoFromOne() (string, *client) { return "", nil }

func notRecorded(s *server) {
	s.name, s.c = twoFromOne() // one value for two: not recorded
}
`
	idx, pkg, _ := load(t, src)
	server := pkg.Scope().Lookup("server").Type().Underlying().(*types.Struct)
	client := pkg.Scope().Lookup("client").Type().Underlying().(*types.Struct)
	show := func(fvs []FieldValue) string {
		var parts []string
		for _, fv := range fvs {
			in := "(package)"
			if fv.Func != nil {
				in = fv.Func.Name.Name
			}
			lhs := "literal"
			if fv.Lhs != nil {
				lhs = types.ExprString(fv.Lhs)
			}
			parts = append(parts, fmt.Sprintf("%s=%s in %s", lhs, types.ExprString(fv.Value), in))
		}
		return strings.Join(parts, "; ")
	}
	for _, tt := range []struct {
		field *types.Var
		want  string
	}{
		{server.Field(1), `literal="default" in (package); literal="positional" in newServer; s.name="assigned" in newServer`},
		{server.Field(0), `literal=c in newServer; s.c=nil in newServer`},
		{client.Field(0), `s.c.retries=0 in newServer`},
	} {
		if got := show(idx.FieldValues(tt.field)); got != tt.want {
			t.Errorf("FieldValues(%s) = %s, want %s", tt.field.Name(), got, tt.want)
		}
	}
	if got := idx.FieldValues(nil); got != nil {
		t.Errorf("FieldValues(nil) = %v", got)
	}
	// FieldValuesOn: by the variable or field the selector starts from.
	s := innermost(pkg.Scope(), "s").(*types.Var)
	if got, want := show(idx.FieldValuesOn(s)), `s.name="assigned" in newServer; s.c=nil in newServer`; got != want {
		t.Errorf("FieldValuesOn(s) = %s, want %s", got, want)
	}
	if got, want := show(idx.FieldValuesOn(server.Field(0))), `s.c.retries=0 in newServer`; got != want {
		t.Errorf("FieldValuesOn(c) = %s, want %s", got, want)
	}
	for _, fv := range idx.FieldValuesOn(s) {
		if fv.Assign == nil || fv.Field == nil || fv.Field.Name() != types.ExprString(fv.Lhs)[len("s."):] {
			t.Errorf("FieldValuesOn(s): %s has assignment %v, field %v", types.ExprString(fv.Lhs), fv.Assign, fv.Field)
		}
	}
}

func TestConditional(t *testing.T) {
	const src = `package p

var top = 1

func f(ok bool, xs []int) {
	a := 1
	if ok {
		a = 2
	}
	for range xs {
		var b = 3
		_ = b
	}
	switch {
	case ok:
		a = 4
	}
	a = 5
	_ = a
}
`
	idx, _, _ := load(t, src)
	got := map[string]bool{}
	ast.Inspect(idx.files[0], func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok {
			got[lit.Value] = idx.Conditional(lit)
		}
		return true
	})
	want := map[string]bool{"1": false, "2": true, "3": true, "4": true, "5": false}
	for v, w := range want {
		if got[v] != w {
			t.Errorf("Conditional(%s) = %v, want %v", v, got[v], w)
		}
	}
}

func TestParam(t *testing.T) {
	const src = `package p

type T struct{}

func (t T) method(a, _ int, b string) {}

func f(int, x bool) (r int) { return }

func g(y int)
`
	idx, pkg, _ := load(t, src)
	method := lookup(t, pkg, "T").Type().(*types.Named).Method(0)
	f := lookup(t, pkg, "f").(*types.Func)
	for _, tt := range []struct {
		v    types.Object
		want string
	}{
		{method.Signature().Params().At(0), "method 0"},
		{method.Signature().Params().At(2), "method 2"},
		{f.Signature().Params().At(1), "f 1"},
		{method.Signature().Recv(), "none"},                                    // a receiver is not a parameter
		{f.Signature().Results().At(0), "none"},                                // nor is a result
		{lookup(t, pkg, "g").(*types.Func).Signature().Params().At(0), "none"}, // no body
	} {
		got := "none"
		if fn, i := idx.Param(tt.v.(*types.Var)); fn != nil {
			got = fmt.Sprintf("%s %d", fn.Name(), i)
		}
		if got != tt.want {
			t.Errorf("Param(%s) = %s, want %s", tt.v.Name(), got, tt.want)
		}
	}
}

func TestStmtCalls(t *testing.T) {
	const src = `package p

type C struct{}

func (c *C) Set(int) *C { return c }
func (c *C) Header(string) *C { return c }
func (c *C) Get() int { return 0 }

type S struct{ c *C }

func f(c *C, s S) {
	c.Set(1).Header("a")
	_ = c.Get()
	s.c.Set(2)
	x := c.Set(3)
	_ = x
}
`
	idx, pkg, _ := load(t, src)
	show := func(calls []*ast.CallExpr) string {
		var parts []string
		for _, c := range calls {
			parts = append(parts, types.ExprString(c))
		}
		return strings.Join(parts, "; ")
	}
	c := pkg.Scope().Lookup("f").(*types.Func).Signature().Params().At(0)
	if got, want := show(idx.StmtCalls(c)), `c.Set(1).Header("a"); c.Set(1)`; got != want {
		t.Errorf("StmtCalls(c) = %s, want %s", got, want)
	}
	field := pkg.Scope().Lookup("S").Type().Underlying().(*types.Struct).Field(0)
	if got, want := show(idx.StmtCalls(field)), `s.c.Set(2)`; got != want {
		t.Errorf("StmtCalls(S.c) = %s, want %s", got, want)
	}
	if got := idx.StmtCalls(nil); got != nil {
		t.Errorf("StmtCalls(nil) = %v", got)
	}
}
