package routes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Router wrappers: an application wraps a supported router in a type of
// its own whose methods take the method, path and handler of a route,
//
//	func (a *App) HandlerFunc(method, group, path string, h HandlerFunc, mw ...MidFunc) {
//		p := path
//		if group != "" {
//			p = "/" + group + path
//		}
//		a.mux.HandleFunc(fmt.Sprintf("%s %s", method, p), ...)
//	}
//
// Evaluated for its summary, such a function binds each string parameter
// to a template that stands for the caller's argument, and strings built
// from templates (concatenation, fmt.Sprintf with a constant format, a
// part added when a template is not empty) are templates too. A
// registration whose method or path is a template is no route of its
// own: the function's summary carries it, and each call instantiates it
// with the caller's constant arguments (a method that is not a constant
// stays unknown), at the caller's line.
//
// A template is a string with markers: tmplParam, the parameter's index
// and tmplEnd for an argument; tmplIf, a condition, tmplEnd, the text when
// the condition is not empty, tmplElse, the text when it is, and tmplFi.

const (
	tmplParam = '\x00'
	tmplEnd   = '\x01'
	tmplIf    = '\x02'
	tmplElse  = '\x03'
	tmplFi    = '\x04'
)

// methodInPattern is the method of a template registration whose pattern
// ("METHOD /path", in the path) is split once it is instantiated.
const methodInPattern = "(pattern)"

// strTmpl is the value of a string built from the caller's arguments.
type strTmpl string

// maxTemplate bounds the length of a template, so that a summary stays
// small.
const maxTemplate = 512

func paramTemplate(i int) strTmpl {
	return strTmpl(string(rune(tmplParam)) + strconv.Itoa(i) + string(rune(tmplEnd)))
}

// hasParams reports whether s is a template that refers to arguments.
func hasParams(s string) bool {
	return strings.ContainsAny(s, string([]rune{tmplParam, tmplIf}))
}

// isTemplateReg reports whether a registration's method or path is a
// template, to be instantiated at each call of its function.
func isTemplateReg(method, path string) bool {
	return method == methodInPattern || hasParams(method) || hasParams(path)
}

// template returns the string x builds from constants and templates.
func (e *evaluator) template(fr *frame, x ast.Expr) (string, bool) {
	if b := e.boundExpr(x); b != nil {
		return e.template(fr, b)
	}
	if s, ok := stringConst(e.pass.TypesInfo, x); ok {
		return s, true
	}
	if fr == nil {
		return "", false
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		if obj := e.pass.TypesInfo.Uses[x]; obj != nil {
			if t, ok := fr.env[obj].(strTmpl); ok {
				return string(t), true
			}
		}
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := e.template(fr, x.X)
		b, ok2 := e.template(fr, x.Y)
		return a + b, ok1 && ok2 && len(a)+len(b) <= maxTemplate
	case *ast.CallExpr:
		if fn := e.calleeOf(x); isFunc(fn, "fmt", "Sprintf") && len(x.Args) > 0 && !x.Ellipsis.IsValid() {
			return e.sprintf(fr, x.Args)
		}
	}
	return "", false
}

// sprintf returns the string fmt.Sprintf builds from a constant format
// whose verbs are %s and %v, and templates.
func (e *evaluator) sprintf(fr *frame, args []ast.Expr) (string, bool) {
	format, ok := stringConst(e.pass.TypesInfo, args[0])
	if !ok {
		return "", false
	}
	var b strings.Builder
	next := 1
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return "", false
		}
		i++
		switch format[i] {
		case '%':
			b.WriteByte('%')
		case 's', 'v':
			if next >= len(args) {
				return "", false
			}
			s, ok := e.template(fr, args[next])
			if !ok {
				return "", false
			}
			next++
			b.WriteString(s)
		default:
			return "", false
		}
	}
	if next != len(args) || b.Len() > maxTemplate {
		return "", false
	}
	return b.String(), true
}

// templateValue returns the value of x when it is a string built from
// templates, or nil.
func (e *evaluator) templateValue(fr *frame, x ast.Expr) value {
	if e.tmplOwner == nil {
		return nil
	}
	if s, ok := e.template(fr, x); ok && hasParams(s) {
		return strTmpl(s)
	}
	return nil
}

// A strGuard is the condition of the conditional block being evaluated,
// when it tests whether a template is empty.
type strGuard struct {
	tmpl     string
	nonEmpty bool // the block runs when the template is not empty
}

// guardOf returns the guard of an if statement's condition: t != "",
// t == "", len(t) > 0 or len(t) == 0 for a template t.
func (e *evaluator) guardOf(fr *frame, cond ast.Expr) *strGuard {
	if e.tmplOwner == nil {
		return nil
	}
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	side := func(x, y ast.Expr, empty string) (string, bool) {
		if s, ok := stringConst(e.pass.TypesInfo, y); !ok || s != empty {
			return "", false
		}
		t, ok := e.template(fr, x)
		return t, ok && hasParams(t)
	}
	lenOf := func(x ast.Expr) ast.Expr {
		if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && e.pass.TypesInfo.Uses[id] == types.Universe.Lookup("len") {
				return call.Args[0]
			}
		}
		return nil
	}
	var nonEmpty bool
	switch bin.Op {
	case token.NEQ, token.GTR:
		nonEmpty = true
	case token.EQL:
	default:
		return nil
	}
	if x := lenOf(bin.X); x != nil {
		if v, ok := constInt(e.pass.TypesInfo, bin.Y); ok && v == 0 {
			if t, ok := e.template(fr, x); ok && hasParams(t) {
				return &strGuard{t, nonEmpty}
			}
		}
		return nil
	}
	if bin.Op == token.GTR {
		return nil
	}
	if t, ok := side(bin.X, bin.Y, ""); ok {
		return &strGuard{t, nonEmpty}
	}
	if t, ok := side(bin.Y, bin.X, ""); ok {
		return &strGuard{t, nonEmpty}
	}
	return nil
}

// choice returns the template that is then when the guard holds, and
// otherwise other.
func (g *strGuard) choice(then, other strTmpl) value {
	if !g.nonEmpty {
		then, other = other, then
	}
	s := string(rune(tmplIf)) + g.tmpl + string(rune(tmplEnd)) + string(then) + string(rune(tmplElse)) + string(other) + string(rune(tmplFi))
	if len(s) > maxTemplate {
		return nil
	}
	return strTmpl(s)
}

// instantiate replaces the markers of a template with the arguments arg
// gives. It reports false when an argument it needs is not known.
func instantiate(s string, arg func(i int) (string, bool)) (string, bool) {
	var b strings.Builder
	rest, ok := instantiateTo(&b, s, 0, arg)
	return b.String(), ok && rest == ""
}

// instantiateTo writes the instantiation of s up to an unmatched stop
// marker, and returns what follows it.
func instantiateTo(b *strings.Builder, s string, depth int, arg func(i int) (string, bool)) (string, bool) {
	if depth > 8 {
		return "", false
	}
	for s != "" {
		switch s[0] {
		case tmplParam:
			end := strings.IndexByte(s, tmplEnd)
			if end < 0 {
				return "", false
			}
			i, err := strconv.Atoi(s[1:end])
			if err != nil {
				return "", false
			}
			v, ok := arg(i)
			if !ok {
				return "", false
			}
			b.WriteString(v)
			s = s[end+1:]
		case tmplIf:
			var cond, then, other strings.Builder
			rest, ok := instantiateTo(&cond, s[1:], depth+1, arg)
			if !ok || rest == "" || rest[0] != tmplEnd {
				return "", false
			}
			rest, ok = instantiateTo(&then, rest[1:], depth+1, arg)
			if !ok || rest == "" || rest[0] != tmplElse {
				return "", false
			}
			rest, ok = instantiateTo(&other, rest[1:], depth+1, arg)
			if !ok || rest == "" || rest[0] != tmplFi {
				return "", false
			}
			if hasParams(cond.String()) {
				return "", false // the caller's own argument: empty or not, it cannot tell
			}
			if cond.Len() > 0 {
				b.WriteString(then.String())
			} else {
				b.WriteString(other.String())
			}
			s = rest[1:]
		case tmplEnd, tmplElse, tmplFi:
			return s, depth > 0
		default:
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	return "", true
}

// readable returns s with the markers of a template replaced, for a path
// that no call instantiated.
func readable(s string) string {
	if !hasParams(s) && !strings.ContainsAny(s, string([]rune{tmplEnd, tmplElse, tmplFi})) {
		return s
	}
	v, ok := instantiate(s, func(int) (string, bool) { return "*", true })
	if !ok {
		return "*"
	}
	return v
}

// isFunc reports whether fn is the function pkg.name.
func isFunc(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name && fn.Signature().Recv() == nil
}

// constInt returns the constant integer value of x.
func constInt(info *types.Info, x ast.Expr) (int64, bool) {
	tv, ok := info.Types[x]
	if !ok || tv.Value == nil {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(tv.Value))
}

// templateReg records a registration whose method or path is a template
// in the summary of the function whose parameters it refers to: its
// calls instantiate it. It is no route of this package.
func (e *evaluator) templateReg(r *router, method, path string, call *ast.CallExpr, hx ast.Expr, hv value, mws []Middleware) {
	if e.tmplOwner == nil {
		return
	}
	h := e.asHandler(hv)
	if h == nil {
		h = &handler{mws: []Middleware{{Name: exprName(hx), Pos: hx.Pos(), Unknown: true}}}
	}
	g := &reg{framework: r.framework, method: method, path: path, call: call, expr: hx, h: h, mws: mws, order: e.stamp()}
	e.tmplOwner.templates = append(e.tmplOwner.templates, templateReg{r, g})
}

// forwarded returns the handler of the caller a handler literal hands
// requests to, when its body calls exactly one handler of the function
// being summarised: the literal adapts the caller's handler to the
// router (it sets a context, recovers panics) and the route is the
// caller's handler's.
func (e *evaluator) forwarded(lit *ast.FuncLit) *handler {
	fr := e.fr
	if fr == nil || e.tmplOwner == nil {
		return nil
	}
	var found *handler
	calls := 0
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fun := ast.Unparen(n.Fun)
			if sel, ok := fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" {
				fun = ast.Unparen(sel.X)
			}
			id, ok := fun.(*ast.Ident)
			if !ok {
				return true
			}
			if h, ok := fr.env[e.pass.TypesInfo.Uses[id]].(*handler); ok && hasPlaceholder(h) {
				if found != h {
					calls++
				}
				found = h
			}
		}
		return true
	})
	if calls != 1 {
		return nil
	}
	return found
}

// templateArgs reports whether a call passes a template: the callee's
// strings are built from the parameters of the function being
// summarised.
func templateArgs(args []value) bool {
	for _, a := range args {
		if t, ok := a.(strTmpl); ok && hasParams(string(t)) {
			return true
		}
	}
	return false
}
