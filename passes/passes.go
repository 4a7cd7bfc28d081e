// Package passes runs idemlint's shared passes for the checks as one
// analyzer.
//
// Each pass in the packages below is an analyzer of its own, tested alone.
// The checks do not require them one by one: a driver keeps a node, a pass
// value and maps for every analyzer on every package, and most packages
// need none of the work. Analyzer runs the passes that export facts on
// every package, as facts must be exported before Run returns (routes
// among them: its summaries carry routers across packages), with the
// syntax index they read (syntax), whose analyzer only allocates it and
// whose parts are built on first use; the others (consumers, retries,
// dedup) run when a check first asks for them, on the packages a check
// runs on.
//
// go vet runs every analyzer that requires one with facts on every
// dependency too, and discards its diagnostics there; after
// SetFactsOnly(true) the lazy passes return empty models and Routes
// returns none, so the checks cost nothing on such runs.
package passes

import (
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/dedup"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
	"github.com/idemlint/idemlint/passes/retries"
	"github.com/idemlint/idemlint/passes/routes"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Analyzer runs the shared passes; its result is a *Results.
var Analyzer = &analysis.Analyzer{
	Name:             "idempasses",
	Doc:              "runs idemlint's shared passes (configuration, directives, effects, routes, consumers, retries, dedup, syntax index); does not report diagnostics",
	Run:              safe.Run("idempasses", run),
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Results](),
	FactTypes:        factTypes(graph),
}

// graph lists the passes with their requirements before them; eager are
// those that export facts, and their requirements.
var (
	graph = order(routes.Analyzer, consumers.Analyzer, retries.Analyzer, dedup.Analyzer, syntax.Analyzer)
	eager = exportingFacts(graph)
)

// Results are the results of the passes for one package.
type Results struct {
	Config     *config.Config
	Directives *directives.Result
	Effects    *effects.Result

	pass *analysis.Pass // the pass of Analyzer
	// sub is the pass of every pass in turn: a copy of pass naming it.
	// The passes run one at a time, and none reads Analyzer after its
	// run, so one copy serves them all, where a copy per pass would cost
	// the package an allocation each.
	sub       analysis.Pass
	illTyped  bool
	factsOnly bool
	configErr error // see Err
	mu        sync.Mutex
	done      map[*analysis.Analyzer]outcome
	// results holds the result of every pass that has succeeded. It is the
	// ResultOf of every pass, which reads it only while it runs: under mu,
	// or before Run returns.
	results map[*analysis.Analyzer]any
}

type outcome struct {
	result any
	err    error
}

// factsOnly is set by SetFactsOnly.
var factsOnly atomic.Bool

// SetFactsOnly tells whether the analyses that follow are run only for
// their facts, their diagnostics discarded: then routes, consumers and
// retries are empty, and so is dedup. go vet's runs on dependencies are
// such runs.
func SetFactsOnly(on bool) { factsOnly.Store(on) }

// Of returns the results of the passes for pass, whose analyzer must
// require Analyzer.
func Of(pass *analysis.Pass) *Results { return pass.ResultOf[Analyzer].(*Results) }

// Routes returns the route model of the package.
func (r *Results) Routes() (*routes.Result, error) {
	if r.factsOnly {
		return &routes.Result{}, nil
	}
	res, err := r.get(routes.Analyzer)
	rts, _ := res.(*routes.Result)
	return rts, err
}

// Consumers returns the consumers of the package.
func (r *Results) Consumers() (*consumers.Result, error) {
	if r.factsOnly {
		return &consumers.Result{}, nil
	}
	res, err := r.get(consumers.Analyzer)
	cs, _ := res.(*consumers.Result)
	return cs, err
}

// Retries returns the retries of the package.
func (r *Results) Retries() (*retries.Result, error) {
	if r.factsOnly {
		return &retries.Result{}, nil
	}
	res, err := r.get(retries.Analyzer)
	rs, _ := res.(*retries.Result)
	return rs, err
}

// Dedup returns the dedup-store settings guarding the routes and
// consumers of the package.
func (r *Results) Dedup() (*dedup.Result, error) {
	if r.factsOnly {
		return &dedup.Result{}, nil
	}
	res, err := r.get(dedup.Analyzer)
	d, _ := res.(*dedup.Result)
	return d, err
}

// Syntax returns the syntax index of the package: declarations, the
// values of variables, calls and the one resolver of values.
func (r *Results) Syntax() (*syntax.Index, error) {
	res, err := r.get(syntax.Analyzer)
	idx, _ := res.(*syntax.Index)
	return idx, err
}

func run(pass *analysis.Pass) (any, error) {
	r := &Results{
		pass:      pass,
		illTyped:  len(pass.TypeErrors) > 0,
		factsOnly: factsOnly.Load(),
		done:      make(map[*analysis.Analyzer]outcome, len(graph)),
		results:   make(map[*analysis.Analyzer]any, len(graph)),
	}
	r.sub = *pass
	r.sub.ResultOf = r.results
	if _, err := r.run(config.Analyzer); err != nil {
		// The user's to fix: every check returns it as its own error
		// (see Err). Failing here would leave every host but the
		// standalone driver to print only that the checks' prerequisite
		// failed, or, in an editor, nothing.
		r.configErr = err
		return r, nil
	}
	for _, a := range eager {
		if r.illTyped && !a.RunDespiteErrors {
			continue // as a driver would skip it; no check runs either
		}
		if _, err := r.run(a); err != nil {
			return nil, err
		}
	}
	r.Config, _ = r.done[config.Analyzer].result.(*config.Config)
	r.Directives, _ = r.done[directives.Analyzer].result.(*directives.Result)
	r.Effects, _ = r.done[effects.Analyzer].result.(*effects.Result)
	return r, nil
}

// Err returns the error of an invalid configuration, or nil. Then no
// other pass has run: Config, Directives and Effects are nil, and the
// models return the error.
func (r *Results) Err() error { return r.configErr }

// get returns the result of pass a, running it and its requirements first
// if they have not run.
func (r *Results) get(a *analysis.Analyzer) (any, error) {
	if r.configErr != nil {
		return nil, r.configErr
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.run(a)
}

// run runs a once per package, as a driver would: after its requirements,
// on a copy of the pass that names a. Its ResultOf holds the results of
// its requirements, and of the passes that ran before them.
func (r *Results) run(a *analysis.Analyzer) (any, error) {
	if o, ok := r.done[a]; ok {
		return o.result, o.err
	}
	var o outcome
	for _, req := range a.Requires {
		if _, o.err = r.run(req); o.err != nil {
			break
		}
	}
	if o.err == nil {
		if r.illTyped && !a.RunDespiteErrors {
			o.err = fmt.Errorf("%s: analysis skipped due to errors in package", a.Name)
		} else {
			r.sub.Analyzer = a
			o.result, o.err = a.Run(&r.sub)
			if o.err == nil && reflect.TypeOf(o.result) != a.ResultType {
				o.err = fmt.Errorf("internal error: %s returned a %T, not a %v", a.Name, o.result, a.ResultType)
			}
		}
	}
	if o.err == nil {
		r.results[a] = o.result
	}
	r.done[a] = o
	return o.result, o.err
}

// order returns the passes roots require, transitively, and the roots,
// each after its requirements.
func order(roots ...*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		out = append(out, a)
	}
	for _, a := range roots {
		visit(a)
	}
	return out
}

// exportingFacts returns the passes that export facts and the passes they
// require, in the order of passes: they run on every package, before Run
// returns, as facts must be exported by then.
func exportingFacts(passes []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range passes {
		for _, b := range passes {
			if len(b.FactTypes) > 0 && (b == a || requires(b, a)) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// requires reports whether a requires b, transitively.
func requires(a, b *analysis.Analyzer) bool {
	for _, req := range a.Requires {
		if req == b || requires(req, b) {
			return true
		}
	}
	return false
}

func factTypes(passes []*analysis.Analyzer) []analysis.Fact {
	var facts []analysis.Fact
	for _, a := range passes {
		facts = append(facts, a.FactTypes...)
	}
	return facts
}
