package main

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/routes"
)

// generate writes the module for n and seed to a temporary directory.
func generate(t *testing.T, n int, seed uint64) (*Module, string) {
	t.Helper()
	m, err := Generate(n, seed)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	return m, dir
}

// load loads every package of the module in dir, with tests, from source,
// the way the standalone driver does.
func load(t *testing.T, dir string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the generated module does not load cleanly")
	}
	return pkgs
}

func TestDeterministic(t *testing.T) {
	a, err := Generate(40, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(40, 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Files) != len(b.Files) || !slices.Equal(a.Expected, b.Expected) {
		t.Fatal("two runs with the same seed differ")
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Fatalf("%s differs between two runs with the same seed", name)
		}
	}
	c, err := Generate(40, 8)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(a.Expected, c.Expected) {
		t.Error("seeds 7 and 8 generate the same findings")
	}
	if a.Packages != 40 || a.Utilities < a.Packages*2/5 {
		t.Errorf("40 packages requested: got %d, %d of them utilities", a.Packages, a.Utilities)
	}
	if len(a.Expected) == 0 {
		t.Error("no unprotected route generated")
	}
}

// TestFindings runs idemlint's checks over a generated module and
// compares the diagnostics with EXPECTED.txt, one for one.
func TestFindings(t *testing.T) {
	m, dir := generate(t, 30, 1)
	data, err := os.ReadFile(filepath.Join(dir, "EXPECTED.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if !slices.Equal(want, m.Expected) || len(want) < 5 {
		t.Fatalf("EXPECTED.txt does not hold the expected findings (or too few): %q", want)
	}

	graph, err := checker.Analyze(analyzers.All(), load(t, dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	var got []string
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			rel, err := filepath.Rel(dir, posn.Filename)
			if err != nil {
				rel = posn.Filename
			}
			line := fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), posn.Line, d.Message)
			if !seen[line] { // a package and its test variant share files
				seen[line] = true
				got = append(got, line)
			}
		}
	}
	sort.Strings(got)

	// Each expected line is the start of exactly one diagnostic: file,
	// line, check, method and path, then the rest of the message.
	matched := make([]bool, len(got))
	for _, w := range want {
		n := 0
		for i, g := range got {
			if strings.HasPrefix(g, w+" ") {
				matched[i] = true
				n++
			}
		}
		if n != 1 {
			t.Errorf("want one finding %q, got %d", w, n)
		}
	}
	for i, g := range got {
		if !matched[i] {
			t.Errorf("unexpected finding: %s", g)
		}
	}
}

// gobFact is how the vet driver encodes one fact (x/tools internal/facts).
type gobFact struct {
	PkgPath string
	Object  objectpath.Path
	Fact    analysis.Fact
}

// encodedFacts returns the size of the facts file the vet driver writes
// for act's package, for act's analyzer: the package's own facts and the
// facts it re-exports (about methods, fields and types of its
// dependencies), gob-encoded, and the number of facts.
func encodedFacts(t *testing.T, act *checker.Action) (size, count, regs int) {
	var facts []gobFact
	enc := new(objectpath.Encoder)
	pkg := act.Package.Types
	for _, f := range act.AllObjectFacts() {
		obj := f.Object
		if obj.Pkg() != pkg {
			if _, isType := obj.(*types.TypeName); !isType && obj.Parent() == obj.Pkg().Scope() {
				continue // imported fact about a package-level object: not re-exported
			}
		}
		path, err := enc.For(obj)
		if err != nil {
			continue // not reachable from the package API: dropped
		}
		facts = append(facts, gobFact{PkgPath: obj.Pkg().Path(), Object: path, Fact: f.Fact})
		if s, ok := f.Fact.(*routes.SummaryFact); ok {
			for _, r := range s.Summary().Routers {
				regs += len(r.Regs)
			}
		}
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == pkg {
			facts = append(facts, gobFact{PkgPath: pkg.Path(), Fact: f.Fact})
		}
	}
	if len(facts) == 0 {
		return 0, 0, 0
	}
	sort.Slice(facts, func(i, j int) bool {
		if facts[i].PkgPath != facts[j].PkgPath {
			return facts[i].PkgPath < facts[j].PkgPath
		}
		return facts[i].Object < facts[j].Object
	})
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(facts); err != nil {
		t.Fatalf("%s: encoding facts: %v", act, err)
	}
	return buf.Len(), len(facts), regs
}

// TestFactSize bounds what the passes add to every package's facts file,
// as the vet driver writes it: the utility packages, which import nothing
// relevant, carry no facts at all; the others carry facts only for what
// has effects or a platform role, each small, and summaries, which grow
// with the registrations they carry to importers and nothing else.
func TestFactSize(t *testing.T) {
	const (
		perFact  = 128 // bytes per fact, on average, in one encoding
		perReg   = 96  // bytes per registration a summary carries
		overhead = 64  // bytes per file
	)
	_, dir := generate(t, 60, 3)
	for _, f := range passes.Analyzer.FactTypes {
		gob.Register(f)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{passes.Analyzer}, load(t, dir), &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	var (
		maxSize, withFacts, total, utilities int
		maxPkg                               string
		checked                              = make(map[string]bool)
	)
	for act := range graph.All() {
		if act.Analyzer != passes.Analyzer || checked[act.Package.ID] {
			continue
		}
		checked[act.Package.ID] = true
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
			continue
		}
		size, count, regs := encodedFacts(t, act)
		total++
		if count > 0 {
			withFacts++
		}
		path := act.Package.PkgPath
		if strings.HasPrefix(path, ModulePath+"/internal/") {
			utilities++
			if count > 0 {
				t.Errorf("%s: a utility package carries %d facts (%d bytes); want none", path, count, size)
			}
		}
		if size > maxSize {
			maxSize, maxPkg = size, act.Package.ID
		}
		if limit := overhead + perFact*count + perReg*regs; size > limit {
			t.Errorf("%s: %d facts carrying %d registrations take %d bytes; want at most %d", act.Package.ID, count, regs, size, limit)
		}
	}
	if total < 60 || utilities == 0 {
		t.Fatalf("facts of only %d packages checked, %d of them utilities", total, utilities)
	}
	t.Logf("%d packages (with dependencies); %d carry facts; largest: %s, %d bytes", total, withFacts, maxPkg, maxSize)
}
