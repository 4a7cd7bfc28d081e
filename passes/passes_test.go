package passes

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/passes/consumers"
	"github.com/idemlint/idemlint/passes/dedup"
	"github.com/idemlint/idemlint/passes/retries"
	"github.com/idemlint/idemlint/passes/routes"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "testdata"))

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// TestGraph checks the order the passes run in and which run on every
// package: those that export facts and what they require.
func TestGraph(t *testing.T) {
	pos := make(map[*analysis.Analyzer]int)
	for i, a := range graph {
		pos[a] = i
	}
	for _, a := range graph {
		for _, req := range a.Requires {
			if pos[req] >= pos[a] {
				t.Errorf("%s runs before its requirement %s", a.Name, req.Name)
			}
		}
	}
	if got, want := names(eager), []string{"idemconfig", "idemsyntax", "idemdirectives", "idemeffects", "idemprocedures", "idemroutes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("eager passes = %v, want %v", got, want)
	}
	for _, a := range []*analysis.Analyzer{consumers.Analyzer, retries.Analyzer, dedup.Analyzer} {
		if _, ok := pos[a]; !ok || len(a.FactTypes) > 0 {
			t.Errorf("%s: in the graph %v, facts %v; want a lazy pass of the graph", a.Name, ok, a.FactTypes)
		}
	}
	want := make(map[reflect.Type]bool)
	for _, a := range graph {
		for _, f := range a.FactTypes {
			want[reflect.TypeOf(f)] = true
		}
	}
	if len(Analyzer.FactTypes) != len(want) || len(want) < 3 {
		t.Errorf("Analyzer has %d fact types, want the %d of the passes", len(Analyzer.FactTypes), len(want))
	}
	for _, f := range Analyzer.FactTypes {
		if !want[reflect.TypeOf(f)] {
			t.Errorf("fact type %T is no pass's", f)
		}
	}
	if err := analysis.Validate([]*analysis.Analyzer{Analyzer}); err != nil {
		t.Error(err)
	}
}

// unwanted ignores the expectations of the test files, which are the
// checks', and fails the test on any other error.
type unwanted struct{ t *testing.T }

func (u unwanted) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "no diagnostic was reported matching") {
		u.t.Error(msg)
	}
}

// asking asks for the route model on the package named asked, as a check
// would, and records the results of the passes of every package: it
// declares a fact type so that it runs on dependencies too.
var (
	asked  = "idemhandler/nethttp"
	seen   sync.Map // package path -> *Results
	asking = &analysis.Analyzer{
		Name:       "asking",
		Doc:        "asks for the route model",
		Requires:   []*analysis.Analyzer{Analyzer},
		FactTypes:  []analysis.Fact{new(askingFact)},
		ResultType: reflect.TypeFor[*Results](),
		Run: func(pass *analysis.Pass) (any, error) {
			r := Of(pass)
			seen.Store(pass.Pkg.Path(), r)
			if pass.Pkg.Path() == asked {
				if _, err := r.Routes(); err != nil {
					return nil, err
				}
			}
			return r, nil
		},
	}
)

type askingFact struct{}

func (*askingFact) AFact() {}

// TestLazy checks that the passes without facts run only on the packages
// a check asks on, and that the eager ones (routes among them, which
// exports summaries) ran everywhere.
func TestLazy(t *testing.T) {
	seen.Clear()
	results := analysistest.Run(unwanted{t}, testdata, asking, asked)
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("got %d results (%v), want 1 without error", len(results), results)
	}
	deps := 0
	seen.Range(func(k, v any) bool {
		path, r := k.(string), v.(*Results)
		if r.Config == nil || r.Directives == nil || r.Effects == nil {
			t.Errorf("%s: eager results missing: %+v", path, r)
		}
		if _, ran := r.done[routes.Analyzer]; !ran {
			t.Errorf("%s: routes did not run; it exports facts, so it runs everywhere", path)
		}
		for _, a := range []*analysis.Analyzer{consumers.Analyzer, retries.Analyzer} {
			if _, ran := r.done[a]; ran {
				t.Errorf("%s: %s ran, but nothing asked for it", path, a.Name)
			}
		}
		if path != asked {
			deps++
		}
		return true
	})
	if deps < 5 {
		t.Errorf("only %d dependencies analysed; want net/http and its imports", deps)
	}
}

// TestFactsOnly checks that after SetFactsOnly(true) the lazy passes give
// empty models without running, while the passes with facts still run
// (routes for its summaries, though Routes() is empty there).
func TestFactsOnly(t *testing.T) {
	SetFactsOnly(true)
	t.Cleanup(func() { SetFactsOnly(false) })
	results := analysistest.Run(unwanted{t}, testdata, asking, asked)
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("got %d results (%v), want 1 without error", len(results), results)
	}
	r := results[0].Result.(*Results)
	if r.Config == nil || r.Directives == nil || r.Effects == nil {
		t.Errorf("eager results missing: %+v", r)
	}
	rts, err := r.Routes()
	if err != nil || len(rts.Routes) != 0 {
		t.Errorf("Routes() = %d routes, %v; want none", len(rts.Routes), err)
	}
	cs, err := r.Consumers()
	if err != nil || len(cs.Consumers) != 0 {
		t.Errorf("Consumers() = %d consumers, %v; want none", len(cs.Consumers), err)
	}
	rs, err := r.Retries()
	if err != nil || len(rs.Retries) != 0 {
		t.Errorf("Retries() = %d retries, %v; want none", len(rs.Retries), err)
	}
	d, err := r.Dedup()
	if err != nil {
		t.Errorf("Dedup(): %v", err)
	}
	for g := range d.All(nil) {
		t.Errorf("Dedup() has a setting %q; want none", g.Value)
	}
	for _, a := range []*analysis.Analyzer{consumers.Analyzer, retries.Analyzer, dedup.Analyzer} {
		if _, ran := r.done[a]; ran {
			t.Errorf("%s ran on a facts-only run", a.Name)
		}
	}
	if _, ran := r.done[routes.Analyzer]; !ran {
		t.Errorf("routes did not run on a facts-only run; its summaries are facts")
	}
}

// TestSameResults checks that a pass run by Analyzer gives what the pass
// gives when a driver runs it alone.
func TestSameResults(t *testing.T) {
	alone := analysistest.Run(unwanted{t}, testdata, routes.Analyzer, "idemhandler/nethttp")
	shared := analysistest.Run(unwanted{t}, testdata, asking, asked)
	if len(alone) != 1 || len(shared) != 1 {
		t.Fatalf("got %d and %d results, want 1 each", len(alone), len(shared))
	}
	got, err := shared[0].Result.(*Results).Routes()
	if err != nil {
		t.Fatal(err)
	}
	want := alone[0].Result.(*routes.Result)
	if len(got.Routes) == 0 || len(got.Routes) != len(want.Routes) {
		t.Fatalf("shared passes found %d routes, the pass alone %d; want the same, more than 0", len(got.Routes), len(want.Routes))
	}
	fset := shared[0].Action.Package.Fset
	for i := range want.Routes {
		g, w := got.Routes[i], want.Routes[i]
		if g.Method != w.Method || g.Path != w.Path || g.Served != w.Served || (g.Protected() == nil) != (w.Protected() == nil) {
			t.Errorf("route %d at %s: shared %s %s served %v protected %v; alone %s %s served %v protected %v",
				i, fset.Position(g.Pos), g.Method, g.Path, g.Served, g.Protected() != nil, w.Method, w.Path, w.Served, w.Protected() != nil)
		}
	}
}

// TestConfigError checks that an invalid configuration does not fail the
// passes, which would leave hosts to say only that the checks' prerequisite
// failed: it is recorded for the checks to return, and no other pass runs.
func TestConfigError(t *testing.T) {
	results := analysistest.Run(unwanted{t}, testdata, Analyzer, "editor/badconfig")
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("got %d results (%v), want 1 without error", len(results), results)
	}
	r := results[0].Result.(*Results)
	if err := r.Err(); err == nil || !strings.Contains(err.Error(), `.idemlint.yaml:2: unknown key "middlewares"`) {
		t.Fatalf("Err() = %v, want the configuration's error", err)
	}
	if r.Config != nil || r.Directives != nil || r.Effects != nil || len(r.done) != 1 {
		t.Errorf("passes ran after the configuration failed: %v", r.done)
	}
	if _, err := r.Routes(); err != r.Err() {
		t.Errorf("Routes() error = %v, want the configuration's", err)
	}
}
