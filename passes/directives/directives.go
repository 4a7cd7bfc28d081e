package directives

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Analyzer parses the //idem: directives of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "idemdirectives",
	Doc:        "parses //idem: directives and exports platform facts; does not report diagnostics",
	Run:        safe.Run("idemdirectives", run),
	Requires:   []*analysis.Analyzer{config.Analyzer, syntax.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Platform)},
}

// Platform is the fact that a declaration plays a platform role.
type Platform struct{ Kind Kind }

// AFact marks Platform as an analysis fact.
func (*Platform) AFact() {}

func (p *Platform) String() string { return "platform(" + p.Kind.String() + ")" }

// A Directive is one //idem: comment and the source lines it covers.
type Directive struct {
	Name   string   // directive name: "exempt", "middleware", ...
	Args   string   // text after the name and check list
	Checks []string // checks an exemption is restricted to (full names); nil means all
	ADR    string   // exemption: the ADR id (first word of Args)
	Reason string   // exemption: the rest of Args
	Err    string   // why the directive is invalid; "" when it is valid
	// Config is the entry of the exempt setting that an exemption stands
	// for; such an exemption has no comment and covers no line.
	Config *config.Exemption

	Pos      token.Pos // the comment
	End      token.Pos
	file     *token.File
	from, to int // covered lines, inclusive
}

// Valid reports whether the directive is well formed.
func (d *Directive) Valid() bool { return d.Err == "" }

// Covers reports whether pos lies within the lines the directive covers.
func (d *Directive) Covers(pos token.Pos) bool {
	if !pos.IsValid() || d.file == nil || int(pos) < d.file.Base() || int(pos) > d.file.Base()+d.file.Size() {
		return false
	}
	line := d.file.Line(pos)
	return d.from <= line && line <= d.to
}

// Applies reports whether the exemption applies to check.
func (d *Directive) Applies(check string) bool {
	if d.Name != Exempt || !d.Valid() {
		return false
	}
	if d.Checks == nil {
		return true
	}
	for _, c := range d.Checks {
		if c == check {
			return true
		}
	}
	return false
}

// Result holds the directives of one package and the platform roles of
// the declarations it can see.
type Result struct {
	pkg        *types.Package
	directives []*Directive
	exempt     []*Directive          // the exempt setting, as exemptions
	kinds      map[types.Object]Kind // local directives, derived roles and imported facts
	configured map[string]Kind       // qualified name -> role, from configuration
	cache      sync.Map              // types.Object -> Kind, for configured lookups
}

// Directives returns every directive of the package in source order,
// valid or not.
func (r *Result) Directives() []*Directive { return r.directives }

// Exemption returns the valid exemption covering pos that applies to
// check, or nil.
func (r *Result) Exemption(check string, pos token.Pos) *Directive {
	for _, d := range r.directives {
		if d.Applies(check) && d.Covers(pos) {
			return d
		}
	}
	return nil
}

// Configured returns the exemption of the exempt setting that applies to
// check for a finding on the route at path route ("" for none) in one of
// the packages pkgs, or nil.
func (r *Result) Configured(check, route string, pkgs ...string) *Directive {
	for _, d := range r.exempt {
		if d.Applies(check) && d.Config.Matches(route, pkgs...) {
			return d
		}
	}
	return nil
}

// Find returns the first valid directive with the given name covering pos,
// or nil.
func (r *Result) Find(name string, pos token.Pos) *Directive {
	for _, d := range r.directives {
		if d.Name == name && d.Valid() && d.Covers(pos) {
			return d
		}
	}
	return nil
}

// Kind returns the platform roles of obj, from directives (local or
// imported as facts), derived middleware, and configuration.
func (r *Result) Kind(obj types.Object) Kind {
	if obj == nil {
		return 0
	}
	k := r.kinds[obj]
	if len(r.configured) == 0 {
		return k
	}
	if v, ok := r.cache.Load(obj); ok {
		return k | v.(Kind)
	}
	c := r.configured[QualifiedName(obj)]
	r.cache.Store(obj, c)
	return k | c
}

// Is reports whether obj plays role k.
func (r *Result) Is(obj types.Object, k Kind) bool { return r.Kind(obj)&k != 0 }

// Objects returns the declarations known to play role k, from directives,
// facts and derivation (not from configuration, which names objects that
// may not be loaded).
func (r *Result) Objects(k Kind) []types.Object {
	var objs []types.Object
	for obj, kind := range r.kinds {
		if kind&k != 0 {
			objs = append(objs, obj)
		}
	}
	return objs
}

// QualifiedName returns the name configuration uses for obj:
// "path.Func", "path.Type.Method", "path.Type.Field" or "path.Type".
func QualifiedName(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	path := obj.Pkg().Path()
	switch obj := obj.(type) {
	case *types.Func:
		if recv := obj.Signature().Recv(); recv != nil {
			if named := namedOf(recv.Type()); named != nil {
				return path + "." + named.Obj().Name() + "." + obj.Name()
			}
		}
	case *types.Var:
		if obj.IsField() {
			if owner := fieldOwner(obj); owner != "" {
				return path + "." + owner + "." + obj.Name()
			}
		}
	}
	return path + "." + obj.Name()
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// fieldOwner finds the package-level struct type declaring field.
func fieldOwner(field *types.Var) string {
	scope := field.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if st.Field(i) == field {
					return name
				}
			}
		}
	}
	return ""
}

func run(pass *analysis.Pass) (any, error) {
	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
	r := &Result{
		pkg:        pass.Pkg,
		kinds:      make(map[types.Object]Kind),
		configured: configuredKinds(cfg),
	}
	for _, x := range cfg.Exemptions {
		r.exempt = append(r.exempt, &Directive{Name: Exempt, Checks: x.Checks, ADR: x.ADR, Reason: x.Reason, Config: x})
	}
	for _, f := range pass.AllObjectFacts() {
		if p, ok := f.Fact.(*Platform); ok {
			r.kinds[f.Object] |= p.Kind
		}
	}
	for _, file := range pass.Files {
		r.collect(pass, file, cfg)
	}
	r.deriveMiddleware(pass)
	for obj, k := range r.kinds {
		if obj.Pkg() == pass.Pkg && obj.Parent() != nil && obj.Parent() != pass.Pkg.Scope() {
			continue // local objects cannot carry facts
		}
		if obj.Pkg() == pass.Pkg {
			pass.ExportObjectFact(obj, &Platform{Kind: k})
		}
	}
	return r, nil
}

func configuredKinds(cfg *config.Config) map[string]Kind {
	m := make(map[string]Kind)
	add := func(names []string, k Kind) {
		for _, n := range names {
			m[n] |= k
		}
	}
	add(cfg.Middleware, Middleware)
	add(cfg.ConsumerMiddleware, Consumer)
	add(cfg.Dedup, Dedup)
	add(cfg.FailOpen, FailOpen)
	add(cfg.TTL, TTL)
	add(cfg.LocalStore, LocalStore)
	return m
}

// collect parses the directives of one file, binds them to lines and
// records platform roles of the declarations they annotate.
func (r *Result) collect(pass *analysis.Pass, file *ast.File, cfg *config.Config) {
	type found struct {
		d     *Directive
		group *ast.CommentGroup
	}
	var ds []found
	for _, g := range file.Comments {
		for _, c := range g.List {
			if d := parse(c.Text, config.CheckNames); d != nil {
				d.Pos, d.End = c.Pos(), c.End()
				ds = append(ds, found{d, g})
			}
		}
	}
	if len(ds) == 0 {
		return
	}
	tf := pass.Fset.File(file.Pos())
	// Bind each comment group to the node it documents or ends.
	ranges := make(map[*ast.CommentGroup][2]int)
	for node, groups := range ast.NewCommentMap(pass.Fset, file, file.Comments) {
		if _, ok := node.(*ast.File); ok {
			continue
		}
		for _, g := range groups {
			ranges[g] = [2]int{tf.Line(node.Pos()), tf.Line(node.End())}
		}
	}
	platform := r.bindPlatform(pass, file)
	for _, f := range ds {
		d := f.d
		d.file = tf
		line := tf.Line(d.Pos)
		d.from, d.to = line, line+1
		if rg, ok := ranges[f.group]; ok {
			d.from, d.to = min(rg[0], line), max(rg[1], line)
		}
		if k := platformKind(d.Name); k != 0 && d.Err == "" {
			obj := platform[f.group]
			if obj == nil {
				d.Err = "must annotate a function, method, type or field declaration"
			} else {
				r.kinds[obj] |= k
			}
		}
		if d.Name == Exempt && d.Err == "" {
			d.Err = validateExemption(d, cfg)
		}
		if d.Name == Contract && d.Err == "" && !strings.HasSuffix(tf.Name(), "_test.go") {
			d.Err = "belongs in a _test.go file: it says which route a test is the contract test of"
		}
		r.directives = append(r.directives, d)
	}
}

// bindPlatform maps the doc and line comments of declarations to the
// declared object.
func (r *Result) bindPlatform(pass *analysis.Pass, file *ast.File) map[*ast.CommentGroup]types.Object {
	m := make(map[*ast.CommentGroup]types.Object)
	bind := func(obj types.Object, groups ...*ast.CommentGroup) {
		for _, g := range groups {
			if g != nil && obj != nil {
				m[g] = obj
			}
		}
	}
	for _, decl := range file.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			bind(pass.TypesInfo.Defs[decl.Name], decl.Doc)
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					obj := pass.TypesInfo.Defs[spec.Name]
					bind(obj, spec.Doc, spec.Comment)
					if len(decl.Specs) == 1 {
						bind(obj, decl.Doc)
					}
					if st, ok := spec.Type.(*ast.StructType); ok {
						for _, field := range st.Fields.List {
							for _, name := range field.Names {
								bind(pass.TypesInfo.Defs[name], field.Doc, field.Comment)
							}
						}
					}
				case *ast.ValueSpec:
					for _, name := range spec.Names {
						bind(pass.TypesInfo.Defs[name], spec.Doc, spec.Comment)
						if len(decl.Specs) == 1 {
							bind(pass.TypesInfo.Defs[name], decl.Doc)
						}
					}
				}
			}
		}
	}
	return m
}

// validateExemption returns why an exemption is invalid, or "".
func validateExemption(d *Directive, cfg *config.Config) string {
	if d.ADR == "" || !cfg.ADRPattern.MatchString(d.ADR) {
		return fmt.Sprintf("has no ADR id matching %s; write //idem:exempt ADR-ID REASON", cfg.ADRPatternText())
	}
	if d.Reason == "" {
		return "has no reason; write //idem:exempt " + d.ADR + " REASON"
	}
	if !cfg.HasADRDocument(d.ADR) {
		return fmt.Sprintf("names %s, but no ADR document for it is in %s", d.ADR, cfg.ADRDir)
	}
	return ""
}
