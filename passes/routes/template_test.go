package routes

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// stubImporter type-checks the few packages the template tests import
// from stubs, so that the tests need no export data.
type stubImporter struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
}

var stubs = map[string]string{
	"fmt": "package fmt\nfunc Sprintf(format string, a ...any) string { return format }\n",
}

func (im *stubImporter) Import(path string) (*types.Package, error) {
	if p := im.pkgs[path]; p != nil {
		return p, nil
	}
	src, ok := stubs[path]
	if !ok {
		return importer.Default().Import(path)
	}
	f, err := parser.ParseFile(im.fset, path+".go", src, 0)
	if err != nil {
		return nil, err
	}
	p, err := (&types.Config{}).Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	im.pkgs[path] = p
	return p, nil
}

// templateOf evaluates body as the body of
//
//	func wrap(method, group, path string, n int) string
//
// and returns what the string it returns is: a template of the
// parameters ({i} for parameter i, [c ? then : else] for a part that
// depends on whether c is empty) when args is nil, else the string built
// from the constants args binds to the string parameters.
func templateOf(t *testing.T, body string, args []string) (string, bool) {
	t.Helper()
	src := "package p\nimport \"fmt\"\nvar _ = fmt.Sprintf\nfunc wrap(method, group, path string, n int) string {\n" + body + "\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue),
		Defs:  make(map[*ast.Ident]types.Object),
		Uses:  make(map[*ast.Ident]types.Object),
	}
	conf := &types.Config{Importer: &stubImporter{fset, make(map[string]*types.Package)}}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	e := newEvaluator(&analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info}, nil)
	var fd *ast.FuncDecl
	for _, d := range f.Decls {
		if d, ok := d.(*ast.FuncDecl); ok {
			fd = d
		}
	}
	fr := &frame{env: map[types.Object]value{}}
	e.fr = fr
	i := 0
	for _, field := range fd.Type.Params.List {
		for _, name := range field.Names {
			if isStringType(info.TypeOf(name)) {
				if args == nil {
					fr.env[info.Defs[name]] = paramTemplate(i)
				} else {
					fr.env[info.Defs[name]] = strTmpl(args[i])
				}
			}
			i++
		}
	}
	if args == nil {
		e.tmplOwner = &fnSummary{}
	} else {
		fr.inst = &instantiation{}
	}
	ret := fd.Body.List[len(fd.Body.List)-1].(*ast.ReturnStmt)
	e.block(fr, fd.Body.List[:len(fd.Body.List)-1])
	s, ok := e.routeStr(ret.Results[0])
	return symbolic(s), ok
}

// symbolic writes the markers of a template as {i} and [c ? then : else].
func symbolic(s string) string {
	r := strings.NewReplacer(
		string(rune(tmplIf)), "[",
		string(rune(tmplElse)), " : ",
		string(rune(tmplFi)), "]",
	)
	var b strings.Builder
	for s != "" {
		switch s[0] {
		case tmplParam:
			end := strings.IndexByte(s, tmplEnd)
			if end < 0 {
				return b.String() + "(unterminated)"
			}
			fmt.Fprintf(&b, "{%s}", s[1:end])
			s = s[end+1:]
		case tmplEnd:
			b.WriteString(" ? ")
			s = s[1:]
		default:
			b.WriteString(r.Replace(s[:1]))
			s = s[1:]
		}
	}
	return b.String()
}

// TestTemplate checks the templates a wrapper's strings are built into
// from its parameters, what they give with a caller's constants, and the
// near misses that are no template.
func TestTemplate(t *testing.T) {
	const grouped = `p := path
	if group != "" {
		p = "/" + group + path
	}
	`
	for _, tc := range []struct {
		body string
		want string // the template; "" when it is none
		// The string built at a call with method "POST", group "v1" and
		// path "/users", and with group "".
		grouped, bare string
	}{
		{`return method + " " + path`, "{0} {2}", "POST /users", "POST /users"},
		{`return fmt.Sprintf("%s %s", method, path)`, "{0} {2}", "POST /users", "POST /users"},
		{`return fmt.Sprintf("%s /api%v", method, path)`, "{0} /api{2}", "POST /api/users", "POST /api/users"},
		{`return fmt.Sprintf("%%s %s", path)`, "%s {2}", "%s /users", "%s /users"},
		{`return "GET " + path`, "GET {2}", "GET /users", "GET /users"},
		{grouped + `return method + " " + p`, "{0} [{1} ? /{1}{2} : {2}]", "POST /v1/users", "POST /users"},
		{grouped + `return fmt.Sprintf("%s %s", method, p)`, "{0} [{1} ? /{1}{2} : {2}]", "POST /v1/users", "POST /users"},
		{`p := path
	if len(group) > 0 {
		p = "/" + group + p
	}
	return method + " " + p`, "{0} [{1} ? /{1}{2} : {2}]", "POST /v1/users", "POST /users"},
		{`p := "/" + group + path
	if group == "" {
		p = path
	}
	return method + " " + p`, "{0} [{1} ? /{1}{2} : {2}]", "POST /v1/users", "POST /users"},
		{`var p string
	if group != "" {
		p = "/" + group + path
	} else {
		p = path
	}
	return method + " " + p`, "{0} [{1} ? /{1}{2} : {2}]", "POST /v1/users", "POST /users"},
		{`p := ""
	if group != "" {
		p = "/" + group
	}
	return method + " /api" + p + path`, "{0} /api[{1} ? /{1} : ]{2}", "POST /api/v1/users", "POST /api/users"},
		{`prefix := "/api"
	if group != "" {
		prefix = prefix + "/" + group
	} else {
		prefix = prefix + "/v0"
	}
	return method + " " + prefix + path`, "{0} [{1} ? /api/{1} : /api/v0]{2}", "POST /api/v1/users", "POST /api/v0/users"},
		// Near misses: no template.
		{`return fmt.Sprintf("%s /v%d%s", method, n, path)`, "", "", ""},
		{`return fmt.Sprintf("%s %s", method)`, "", "", ""},
		{`return fmt.Sprintf("%s %s", method, path, group)`, "", "", ""},
		{`return fmt.Sprintf("%s %q", method, path)`, "", "", ""},
		{`p := path
	if n > 0 {
		p = "/" + group + path
	}
	return method + " " + p`, "", "", ""},
		{`return method + " " + fmt.Sprintf("%s", path[1:])`, "", "", ""},
	} {
		body := tc.body
		got, ok := templateOf(t, body, nil)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("%s\ntemplate %q, want %q", body, got, tc.want)
		}
		for _, c := range []struct{ group, want string }{{"v1", tc.grouped}, {"", tc.bare}} {
			got, ok := templateOf(t, body, []string{"POST", c.group, "/users"})
			if !ok {
				got = ""
			}
			if got != c.want {
				t.Errorf("%s\nwith group %q: %q, want %q", body, c.group, got, c.want)
			}
		}
	}
}

// TestInstantiate checks how a template is instantiated with a caller's
// arguments, and that an argument that is not known leaves it unknown.
func TestInstantiate(t *testing.T) {
	param := func(i int) string { return string(paramTemplate(i)) }
	cond := func(c, then, other string) string {
		return string(rune(tmplIf)) + c + string(rune(tmplEnd)) + then + string(rune(tmplElse)) + other + string(rune(tmplFi))
	}
	grouped := param(0) + " " + cond(param(1), "/"+param(1)+param(2), param(2))
	for _, tc := range []struct {
		tmpl string
		args []string // nil elements: not constants
		want string   // "" when it is not known
	}{
		{grouped, []string{"POST", "v1", "/users"}, "POST /v1/users"},
		{grouped, []string{"POST", "", "/users"}, "POST /users"},
		{grouped, []string{"POST", "?", "/users"}, ""},
		{grouped, []string{"?", "v1", "/users"}, ""},
		{param(0) + " " + param(7), []string{"POST"}, ""},
		{param(0) + "x", []string{"PUT"}, "PUTx"},
		{string(rune(tmplParam)) + "0", []string{"POST"}, ""},
		{string(rune(tmplParam)) + "a" + string(rune(tmplEnd)), []string{"POST"}, ""},
		{cond(param(0), "a", "b"), []string{"x"}, "a"},
		{string(rune(tmplIf)) + param(0), []string{"x"}, ""},
		// fiber's join of a group and a path: a slash unless the path has one.
		{fiberJoin("/"+param(0), param(1)), []string{"v2", "/baskets"}, "/v2/baskets"},
		{fiberJoin("/"+param(0), param(1)), []string{"v2", "baskets"}, "/v2/baskets"},
		{fiberJoin("", param(0)), []string{"baskets"}, "/baskets"},
		{fiberJoin("/api", param(0)), []string{""}, "/api"},
	} {
		got, ok := instantiate(tc.tmpl, func(i int) (string, bool) {
			if i >= len(tc.args) || tc.args[i] == "?" {
				return "", false
			}
			return tc.args[i], true
		})
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("%s with %s: %q, want %q", strconv.Quote(symbolic(tc.tmpl)), strings.Join(tc.args, ","), got, tc.want)
		}
	}
}

// TestSplitCond checks the parts of a conditional template.
func TestSplitCond(t *testing.T) {
	p := func(i int) string { return string(paramTemplate(i)) }
	cond := func(c, then, other string) string {
		return string(rune(tmplIf)) + c + string(rune(tmplEnd)) + then + string(rune(tmplElse)) + other + string(rune(tmplFi))
	}
	inner := cond(p(2), "a", "b")
	for _, tc := range []struct {
		s              string
		c, then, other string
		ok             bool
	}{
		{cond(p(1), "/"+p(1), ""), p(1), "/" + p(1), "", true},
		{cond(p(1), inner, p(0)), p(1), inner, p(0), true},
		{cond(inner, "x", "y"), inner, "x", "y", true},
		{cond(p(1), "a", "b") + "c", "", "", "", false},
		{cond(p(1), "a", "b") + cond(p(1), "a", "b"), "", "", "", false},
		{p(1), "", "", "", false},
		{"", "", "", "", false},
	} {
		c, then, other, ok := splitCond(tc.s)
		if ok != tc.ok || c != tc.c || then != tc.then || other != tc.other {
			t.Errorf("splitCond(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", symbolic(tc.s), symbolic(c), symbolic(then), symbolic(other), ok,
				symbolic(tc.c), symbolic(tc.then), symbolic(tc.other), tc.ok)
		}
	}
}

// TestDecide checks that parts chosen on a test already decided take
// their branch, and the others stay.
func TestDecide(t *testing.T) {
	p := func(i int) string { return string(paramTemplate(i)) }
	cond := func(c, then, other string) string {
		return string(rune(tmplIf)) + c + string(rune(tmplEnd)) + then + string(rune(tmplElse)) + other + string(rune(tmplFi))
	}
	for _, tc := range []struct {
		s, cond  string
		nonEmpty bool
		want     string
	}{
		{"/x" + cond(p(1), "/a", "/b") + "/y", p(1), true, "/x/a/y"},
		{"/x" + cond(p(1), "/a", "/b") + "/y", p(1), false, "/x/b/y"},
		{cond(p(1), cond(p(1), "a", "b"), "c"), p(1), true, "a"},
		{cond(p(2), "a", "b"), p(1), true, cond(p(2), "a", "b")},
		{string(rune(tmplIf)) + "broken", p(1), true, string(rune(tmplIf)) + "broken"},
	} {
		if got := decide(tc.s, tc.cond, tc.nonEmpty); got != tc.want {
			t.Errorf("decide(%q, %q, %v) = %q, want %q", symbolic(tc.s), symbolic(tc.cond), tc.nonEmpty, symbolic(got), symbolic(tc.want))
		}
	}
}
