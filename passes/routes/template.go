package routes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
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
// stays unknown), at the caller's line. A function no importer calls is
// evaluated on its own the same way (evalLocalWrapper).
//
// A call in the wrapper's own package is evaluated in place, its string
// parameters bound to the caller's constants (strTmpl values without
// markers, see instantiation): the strings the wrapper builds are
// constants, a test of one takes one branch, and a route registered with
// the caller's handler is moved to the call (callerSite).
//
// A template is a string with markers: tmplParam, the parameter's index
// and tmplEnd for an argument; tmplIf, a condition, tmplEnd, the text when
// the condition is not empty, tmplElse, the text when it is, and tmplFi.
// tmplSlash, before a marker, is a slash unless what the marker gives is
// empty or starts with one: fiber joins a prefix and a path so
// (fiberGroupPath).

const (
	tmplParam = '\x00'
	tmplEnd   = '\x01'
	tmplIf    = '\x02'
	tmplElse  = '\x03'
	tmplFi    = '\x04'
	tmplSlash = '\x05'
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
	if s, ok := typesutil.ConstString(e.pass.TypesInfo, x); ok {
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
	format, ok := typesutil.ConstString(e.pass.TypesInfo, args[0])
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
	if _, ok := typesutil.ConstString(e.pass.TypesInfo, x); ok {
		return nil
	}
	if s, ok := e.template(fr, x); ok && (!hasParams(s) || e.tmplOwner != nil) {
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
// t == "", len(t) > 0 or len(t) == 0 for a template t, or for a string
// the caller gave as a constant (a guard without parameters, decided).
func (e *evaluator) guardOf(fr *frame, cond ast.Expr) *strGuard {
	if e.tmplOwner == nil && fr.inst == nil || fr.loops > 0 {
		return nil
	}
	if tv, ok := e.pass.TypesInfo.Types[cond]; ok && tv.Value != nil {
		return nil // a constant condition
	}
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	side := func(x, y ast.Expr, empty string) (string, bool) {
		if s, ok := typesutil.ConstString(e.pass.TypesInfo, y); !ok || s != empty {
			return "", false
		}
		t, ok := e.template(fr, x)
		return t, ok && e.usable(t)
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
			if t, ok := e.template(fr, x); ok && e.usable(t) {
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

// usable reports whether a template can be used here: one without
// parameters always, one with parameters in a function being summarised.
func (e *evaluator) usable(t string) bool {
	return !hasParams(t) || e.tmplOwner != nil
}

// choice returns the template that is then when the guard holds, and
// otherwise other.
func (g *strGuard) choice(then, other strTmpl) value {
	if !hasParams(g.tmpl) {
		if (g.tmpl != "") == g.nonEmpty {
			return then
		}
		return other
	}
	if !g.nonEmpty {
		then, other = other, then
	}
	// Parts chosen on the same test already: the branch each takes.
	then = strTmpl(decide(string(then), g.tmpl, true))
	other = strTmpl(decide(string(other), g.tmpl, false))
	s := string(rune(tmplIf)) + g.tmpl + string(rune(tmplEnd)) + string(then) + string(rune(tmplElse)) + string(other) + string(rune(tmplFi))
	if len(s) > maxTemplate {
		return nil
	}
	return strTmpl(s)
}

// decide replaces in s each part chosen by whether cond is empty with
// the branch it takes when cond is not empty (nonEmpty) or is.
func decide(s, cond string, nonEmpty bool) string {
	if !strings.ContainsRune(s, tmplIf) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != tmplIf {
			b.WriteByte(s[i])
			continue
		}
		j := closingFi(s, i)
		if j < 0 {
			return s
		}
		part := s[i : j+1]
		if c, then, other, ok := splitCond(part); ok && c == cond {
			if nonEmpty {
				part = decide(then, cond, nonEmpty)
			} else {
				part = decide(other, cond, nonEmpty)
			}
		}
		b.WriteString(part)
		i = j
	}
	return b.String()
}

// closingFi returns the index of the tmplFi that closes the tmplIf at i,
// or -1.
func closingFi(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case tmplIf:
			depth++
		case tmplFi:
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// splitCond returns the condition and the two parts of s when s is one
// conditional part as a whole.
func splitCond(s string) (cond, then, other string, ok bool) {
	if s == "" || s[0] != tmplIf || s[len(s)-1] != tmplFi {
		return "", "", "", false
	}
	depth := 0
	marks := [2]int{-1, -1} // the end of the condition, the else
	for i := 1; i < len(s)-1; i++ {
		switch s[i] {
		case tmplIf:
			depth++
		case tmplFi:
			if depth--; depth < 0 {
				return "", "", "", false
			}
		case tmplEnd:
			if depth == 0 && marks[0] < 0 && !openParam(s[:i]) {
				marks[0] = i
			}
		case tmplElse:
			if depth == 0 {
				if marks[0] < 0 || marks[1] >= 0 {
					return "", "", "", false
				}
				marks[1] = i
			}
		}
	}
	if depth != 0 || marks[0] < 0 || marks[1] < 0 {
		return "", "", "", false
	}
	return s[1:marks[0]], s[marks[0]+1 : marks[1]], s[marks[1]+1 : len(s)-1], true
}

// openParam reports whether s ends inside a parameter marker, whose
// tmplEnd closes it.
func openParam(s string) bool {
	i := strings.LastIndexByte(s, tmplParam)
	return i >= 0 && strings.IndexByte(s[i:], tmplEnd) < 0
}

// instantiate replaces the markers of a template with the arguments arg
// gives. It reports false when an argument it needs is not known.
func instantiate(s string, arg func(i int) (string, bool)) (string, bool) {
	var b strings.Builder
	rest, ok := instantiateTo(&b, s, 0, arg)
	return slashes(b.String()), ok && rest == ""
}

// slashes resolves each tmplSlash of s that no marker follows: a slash
// before text that does not start with one.
func slashes(s string) string {
	if !strings.ContainsRune(s, tmplSlash) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != tmplSlash {
			b.WriteByte(s[i])
			continue
		}
		switch {
		case i+1 < len(s) && (s[i+1] == tmplParam || s[i+1] == tmplIf):
			b.WriteByte(s[i]) // still the caller's argument
		case i+1 < len(s) && s[i+1] != '/' && s[i+1] != tmplSlash:
			b.WriteByte('/')
		}
	}
	return b.String()
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
	if !hasParams(s) && !strings.ContainsAny(s, string([]rune{tmplEnd, tmplElse, tmplFi, tmplSlash})) {
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
	e.callerSite(g)
	e.tmplOwner.templates = append(e.tmplOwner.templates, templateReg{r, g})
}

// forwarded returns the handler of the caller a handler literal hands
// requests to, when its body calls exactly one handler of the function
// being summarised: the literal adapts the caller's handler to the
// router (it sets a context, recovers panics) and the route is the
// caller's handler's.
func (e *evaluator) forwarded(lit *ast.FuncLit) *handler {
	fr := e.fr
	if fr == nil || e.tmplOwner == nil && fr.inst == nil {
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
			if h := handlerOf(fr.env[e.pass.TypesInfo.Uses[id]]); h != nil && (hasPlaceholder(h) || e.callerArg(fr.inst, h) >= 0) {
				if found == nil || found != h && !found.sameAs(h) {
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

// An instantiation is a call of a function of the package that binds
// constant strings of the caller to string parameters: a router wrapper
// called in its own package. The callee's strings built from them are
// constants (strTmpl values without parameters), and a route it
// registers with the caller's handler is the caller's, at the call, as
// for a call from an importer.
type instantiation struct {
	call *ast.CallExpr
	args []value
}

// instantiation binds the constant strings a call of fn passes for
// string parameters to their values in args, and returns the
// instantiation the callee's body is evaluated with: the caller's own
// when the caller is itself instantiated, so that routes are reported
// at the outermost call. It returns nil when the call passes no string
// the callee can use.
func (e *evaluator) instantiation(fr *frame, fn *types.Func, call *ast.CallExpr, args []value) *instantiation {
	if e.inertFns[fn] {
		return nil // it registers nothing: evaluated once, whatever it is given
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && e.pass.TypesInfo.Types[sel.X].IsType() {
		return nil // a method expression: the receiver is the first argument
	}
	sig := fn.Signature()
	bound := false
	for i, a := range call.Args {
		if i >= len(args) || i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
			break
		}
		if t, ok := args[i].(strTmpl); ok {
			bound = bound || !hasParams(string(t))
			continue
		}
		if args[i] != nil || !isStringType(sig.Params().At(i).Type()) {
			continue
		}
		if s, ok := e.str(a); ok && len(s) <= maxTemplate {
			args[i] = strTmpl(s)
			bound = true
		}
	}
	if !bound {
		return nil
	}
	if fr.inst != nil {
		return fr.inst
	}
	return &instantiation{call: call, args: args}
}

// isStringType reports whether t is a string type.
func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// callerArg returns the index of the argument of the instantiating call
// that h serves, perhaps wrapped in more middleware, or -1 when there is
// not exactly one.
func (e *evaluator) callerArg(inst *instantiation, h *handler) int {
	if inst == nil || h == nil {
		return -1
	}
	found := -1
	for i, a := range inst.args {
		ah := handlerOf(a)
		if ah == nil || !h.sameTarget(ah) || !(h.sameAs(ah) || h.wraps(ah)) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// callerSite moves a registration made in an instantiated wrapper to the
// instantiating call when its handler is the caller's argument: the
// route is the caller's. A registration of a table row keeps its row.
func (e *evaluator) callerSite(g *reg) {
	if e.fr == nil || e.fr.inst == nil || e.fr.inst.call == nil || g.at != nil {
		return
	}
	inst := e.fr.inst
	if i := e.callerArg(inst, g.h); i >= 0 && i < len(inst.call.Args) {
		g.call, g.expr = inst.call, inst.call.Args[i]
	}
}

// handlerParam returns the placeholder of the caller's handler when a
// function being summarised registers its own parameter of a gin, echo
// or fiber handler type, which the model otherwise takes for the
// caller's middleware (gin) or does not follow (echo, fiber); else nil.
func (e *evaluator) handlerParam(hx ast.Expr, hv value) *handler {
	if e.tmplOwner == nil || e.tmplOwner.fn == nil || e.fr == nil {
		return nil
	}
	id, ok := ast.Unparen(hx).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := e.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !webHandlerType(v.Type()) {
		return nil
	}
	sig := e.tmplOwner.fn.Signature()
	for i := range sig.Params().Len() {
		if sig.Params().At(i) != v || sig.Variadic() && i == sig.Params().Len()-1 {
			continue
		}
		switch hv := hv.(type) {
		case nil:
		case mwList:
			if len(hv) != 1 || hv[0].param != i+1 {
				return nil // the parameter was given another value
			}
		default:
			return nil
		}
		return &handler{ref: &SRef{Kind: RefParam, Param: i}}
	}
	return nil
}

// evalLocalWrapper evaluates fn, a function no importer calls, on its
// own. Its string parameters are templates, as for a function with a
// summary: a registration it builds from them is no route of its own,
// its calls in the package instantiate it.
func (e *evaluator) evalLocalWrapper(fn *types.Func, fd *ast.FuncDecl) value {
	sig := fn.Signature()
	var params []value
	for i := range sig.Params().Len() {
		if sig.Variadic() && i == sig.Params().Len()-1 {
			break
		}
		if isStringType(sig.Params().At(i).Type()) {
			if params == nil {
				params = make([]value, sig.Params().Len())
			}
			params[i] = paramTemplate(i)
		}
	}
	if params == nil || e.inertFns[fn] {
		return e.evalBody(fn, fd, nil, nil)
	}
	saved := e.tmplOwner
	e.tmplOwner = &fnSummary{fn: fn}
	defer func() { e.tmplOwner = saved }()
	return withoutPlaceholders(e.evalBody(fn, fd, nil, params))
}
