package safe_test

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/idemlint/idemlint/analyzers/idemconsumer"
	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/internal/safe"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

// recorder collects what analysistest reports, so that a test can check
// that an analysis failed the expected way.
type recorder struct {
	mu     sync.Mutex
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// hook makes the wrapped run of check panic with msg, until the test ends.
func hook(t *testing.T, check, msg string) {
	t.Cleanup(func() { safe.PanicHook = nil })
	safe.PanicHook = func(name string) {
		if name == check {
			panic(msg)
		}
	}
}

// TestPanicInCheck forces a panic in idemhandler during a real analysis:
// the driver gets an error naming the check and the package.
func TestPanicInCheck(t *testing.T) {
	hook(t, "idemhandler", "forced failure")
	rec := new(recorder)
	results := analysistest.Run(rec, testdata, idemhandler.Analyzer, "idemhandler/nethttp")
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1", len(results))
	}
	err := results[0].Err
	if err == nil {
		t.Fatal("the forced panic did not fail the analysis")
	}
	msg := err.Error()
	for _, want := range []string{"idemhandler: internal error at idemhandler/nethttp: forced failure", "runtime/debug.Stack"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not contain %q:\n%s", want, msg)
		}
	}
	if len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "idemhandler: internal error") {
		t.Errorf("analysistest reported %q, want the one analysis error", rec.errors)
	}
}

// TestPanicInPass forces a panic in a pass a check asks for when it runs
// (consumers): the check fails with the pass's error, which names the
// pass, instead of crashing.
func TestPanicInPass(t *testing.T) {
	hook(t, "idemconsumers", "forced failure in consumers")
	rec := new(recorder)
	results := analysistest.Run(rec, testdata, idemconsumer.Analyzer, "idemconsumer/kafkago")
	if len(results) != 1 || results[0].Err == nil {
		t.Fatalf("got %d results, want 1 that failed", len(results))
	}
	if msg := results[0].Err.Error(); !strings.Contains(msg, "idemconsumers: internal error at idemconsumer/kafkago: forced failure in consumers") {
		t.Errorf("idemconsumer error = %q, want the forced panic in idemconsumers", msg)
	}
}

// TestPanicInFactPass forces a panic in a pass that runs on every package
// because it exports facts (effects): the shared passes fail with an error
// naming it, and the check reports the failed prerequisite.
func TestPanicInFactPass(t *testing.T) {
	hook(t, "idemeffects", "forced failure in effects")
	rec := new(recorder)
	results := analysistest.Run(rec, testdata, idemhandler.Analyzer, "idemhandler/nethttp")
	if len(results) != 1 || results[0].Err == nil {
		t.Fatalf("got %d results, want 1 that failed", len(results))
	}
	if msg := results[0].Err.Error(); !strings.Contains(msg, "failed prerequisites: idempasses@idemhandler/nethttp") {
		t.Errorf("idemhandler error = %q, want the failed idempasses prerequisite", msg)
	}
	// The first package to fail is a dependency: find its error.
	var failed []string
	seen := make(map[*checker.Action]bool)
	var visit func(act *checker.Action)
	visit = func(act *checker.Action) {
		if seen[act] {
			return
		}
		seen[act] = true
		if act.Analyzer.Name == "idempasses" && act.Err != nil && !strings.Contains(act.Err.Error(), "failed prerequisites") {
			failed = append(failed, act.Err.Error())
		}
		for _, dep := range act.Deps {
			visit(dep)
		}
	}
	visit(results[0].Action)
	if len(failed) == 0 {
		t.Fatal("no idempasses action failed with its own error")
	}
	for _, msg := range failed {
		if !strings.Contains(msg, "idemeffects: internal error at ") || !strings.Contains(msg, "forced failure in effects") {
			t.Errorf("idempasses error = %q, want the forced panic in idemeffects", msg)
		}
	}
}

// TestPanicPosition checks that a panic after At names the position the
// check was working at.
func TestPanicPosition(t *testing.T) {
	var where string
	a := &analysis.Analyzer{
		Name: "panicky",
		Doc:  "panics at the first function declaration",
		Run: safe.Run("panicky", func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						safe.At(pass, fd.Name.Pos())
						where = pass.Fset.Position(fd.Name.Pos()).String()
						var m map[string]int
						//lint:ignore SA5000 a deliberate runtime panic
						m[fd.Name.Name]++
					}
				}
			}
			return nil, nil
		}),
	}
	rec := new(recorder)
	results := analysistest.Run(rec, testdata, a, "idemhandler/nethttp")
	if len(results) != 1 || results[0].Err == nil {
		t.Fatalf("got %d results, want 1 that failed", len(results))
	}
	if !strings.Contains(where, "nethttp.go:") {
		t.Fatalf("the check recorded position %q, want one in nethttp.go", where)
	}
	want := "panicky: internal error at " + where + ": assignment to entry in nil map"
	if msg := results[0].Err.Error(); !strings.HasPrefix(msg, want) {
		t.Errorf("error = %q, want prefix %q", msg, want)
	}

}

func TestHookReset(t *testing.T) {
	t.Run("set", func(t *testing.T) { hook(t, "idemhandler", "x") })
	if safe.PanicHook != nil {
		t.Fatal("PanicHook still set after the test that set it")
	}
	results := analysistest.Run(new(recorder), testdata, idemhandler.Analyzer, "idemhandler/nethttp")
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("analysis after the hook was reset: %+v", results)
	}
}
