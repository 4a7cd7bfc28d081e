package routes_test

// These tests run every check over testdata/src/robust, a corpus of
// awkward code (type errors, generics, build constraints, cgo, recursion),
// plus two files written here: a 20,000-line file of registrations and
// closures nested 200 deep. The checks must not crash, must not report
// internal errors, and must report nothing but the canaries: a few
// deliberately unprotected routes that show the code was analysed.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/idemlint/idemlint/analyzers"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

// A canary is an expected finding: the route with pattern, registered in
// file (a path below GOPATH/src).
type canary struct{ file, pattern string }

var canaries = []canary{
	{"robust/cgo/cgo.go", "POST /v1/cgo-canary"},
	{"robust/huge/huge.go", "POST /huge-canary"},
	{"robust/nested/nested.go", "POST /deep-canary"},
}

// Packages whose analysis must fail (they or their imports do not
// type-check), and the errors allowed for them.
var (
	illTyped     = map[string]bool{"robust/typeerr": true, "robust/typeerrdep": true}
	allowedError = []string{"analysis skipped due to errors in package", "failed prerequisites: "}
)

// gopath builds a GOPATH with the robust corpus, the platform package it
// imports and the generated files.
func gopath(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	copyTree(t, filepath.Join(testdata, "src", "robust"), filepath.Join(root, "src", "robust"))
	copyTree(t, filepath.Join(testdata, "src", "example.com", "platform", "idem"), filepath.Join(root, "src", "example.com", "platform", "idem"))
	write(t, filepath.Join(root, "src", "robust", "huge", "huge.go"), hugeFile(20000))
	write(t, filepath.Join(root, "src", "robust", "nested", "nested.go"), nestedFile(200))
	return root
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		write(t, filepath.Join(to, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hugeFile registers lines routes on a mux that is served behind the
// platform middleware, then the canary on a mux of its own.
func hugeFile(lines int) string {
	var b strings.Builder
	b.WriteString(`// Code generated for the robustness tests. DO NOT EDIT.

package huge

import (
	"net/http"

	"example.com/platform/idem"
)

// work stands for what the handler does that the analysis cannot see.
var work func()

func create(w http.ResponseWriter, r *http.Request) { work() }

func Serve() {
	mux := http.NewServeMux()
`)
	for i := range lines {
		method := "POST"
		if i%3 == 1 {
			method = "PATCH"
		}
		fmt.Fprintf(&b, "\tmux.HandleFunc(%q, create)\n", fmt.Sprintf("%s /v1/r%05d/{id}", method, i))
	}
	b.WriteString(`	go http.ListenAndServe(":8080", idem.Middleware(mux))

	canary := http.NewServeMux()
	canary.HandleFunc("POST /huge-canary", create)
	http.ListenAndServe(":8081", canary)
}
`)
	return b.String()
}

// nestedFile nests depth closures, alternately called in place, passed
// as callbacks, and called with the mux as an argument; every tenth level
// registers a protected route, and the innermost the canary.
func nestedFile(depth int) string {
	var b strings.Builder
	b.WriteString(`package nested

import (
	"net/http"

	"example.com/platform/idem"
)

// work stands for what the handler does that the analysis cannot see.
var work func()

func create(w http.ResponseWriter, r *http.Request) { work() }

func within(f func()) { f() }

func Serve() {
	mux := http.NewServeMux()
	canary := http.NewServeMux()
`)
	indent := func(n int) string { return strings.Repeat("\t", n) }
	for i := 1; i <= depth; i++ {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "%sfunc() {\n", indent(i))
		case 1:
			fmt.Fprintf(&b, "%swithin(func() {\n", indent(i))
		case 2:
			fmt.Fprintf(&b, "%sfunc(m *http.ServeMux) {\n", indent(i))
		}
		if i%10 == 0 {
			fmt.Fprintf(&b, "%smux.Handle(%q, idem.Middleware(http.HandlerFunc(create)))\n", indent(i+1), fmt.Sprintf("POST /v1/level%d", i))
		}
	}
	fmt.Fprintf(&b, "%scanary.HandleFunc(%q, create)\n", indent(depth+1), "POST /deep-canary")
	for i := depth; i >= 1; i-- {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "%s}()\n", indent(i))
		case 1:
			fmt.Fprintf(&b, "%s})\n", indent(i))
		case 2:
			fmt.Fprintf(&b, "%s}(mux)\n", indent(i))
		}
	}
	b.WriteString(`	go http.ListenAndServe(":8080", mux)
	http.ListenAndServe(":8081", canary)
}
`)
	return b.String()
}

// env is the environment of a GOPATH-mode build of root.
func env(root string) []string {
	return append(os.Environ(), "GOPATH="+root, "GO111MODULE=off", "GOFLAGS=", "GOPROXY=off", "GOWORK=off", "CGO_ENABLED=1")
}

func load(t testing.TB, root string, buildFlags []string, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode:       packages.LoadAllSyntax,
		Dir:        filepath.Join(root, "src"),
		Env:        env(root),
		BuildFlags: buildFlags,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 && !illTyped[p.PkgPath] {
			t.Errorf("%s does not load: %v", p.PkgPath, p.Errors)
		}
	})
	return pkgs
}

// A result is what the checks did with a corpus.
type result struct {
	findings []string // "file:line: message", file below GOPATH/src
	errs     []string // unexpected action errors
}

// analyze runs every check over pkgs.
func analyze(t testing.TB, root string, pkgs []*packages.Package) result {
	t.Helper()
	graph, err := checker.Analyze(analyzers.All(), pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	var res result
	seen := make(map[string]bool)
	src := filepath.Join(root, "src") + string(filepath.Separator)
	for act := range graph.All() {
		if act.Err != nil {
			msg := act.Err.Error()
			ok := illTyped[act.Package.PkgPath] && !strings.Contains(msg, "internal error") && !strings.Contains(msg, "panic")
			if ok {
				ok = false
				for _, prefix := range allowedError {
					ok = ok || strings.HasPrefix(msg, prefix)
				}
			}
			if !ok {
				res.errs = append(res.errs, fmt.Sprintf("%s: %s", act, msg))
			}
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			f := fmt.Sprintf("%s:%d: %s", filepath.ToSlash(strings.TrimPrefix(posn.Filename, src)), posn.Line, d.Message)
			if !seen[f] {
				seen[f] = true
				res.findings = append(res.findings, f)
			}
		}
	}
	return res
}

// expect checks that the findings are exactly the canaries in the loaded
// files.
func expect(t *testing.T, root string, findings []string, cs []canary) {
	t.Helper()
	want := make(map[string]bool)
	for _, c := range cs {
		data, err := os.ReadFile(filepath.Join(root, "src", c.file))
		if err != nil {
			t.Fatal(err)
		}
		line := 0
		for i, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, fmt.Sprintf("%q", c.pattern)) {
				line = i + 1
			}
		}
		want[fmt.Sprintf("%s:%d: idemhandler: %s is served without idempotency middleware", c.file, line, c.pattern)] = true
	}
	for _, f := range findings {
		found := false
		for w := range want {
			if strings.HasPrefix(f, w) {
				found = true
				delete(want, w)
				break
			}
		}
		if !found {
			t.Errorf("unexpected finding: %s", f)
		}
	}
	for w := range want {
		t.Errorf("missing canary: %s", w)
	}
}

func TestRobust(t *testing.T) {
	root := gopath(t)
	pkgs := load(t, root, nil, "robust/...")
	start := time.Now()
	res := analyze(t, root, pkgs)
	t.Logf("analysed %d packages in %v", len(pkgs), time.Since(start).Round(time.Millisecond))
	for _, e := range res.errs {
		t.Errorf("unexpected error: %s", e)
	}
	expect(t, root, res.findings, canaries)

	// The ill-typed packages failed, they did not vanish.
	for path := range illTyped {
		found := false
		for _, p := range pkgs {
			found = found || p.PkgPath == path
		}
		if !found {
			t.Errorf("%s was not loaded", path)
		}
	}
}

// TestRobustCustomTag builds the constrained package with its custom tag.
func TestRobustCustomTag(t *testing.T) {
	root := gopath(t)
	pkgs := load(t, root, []string{"-tags=robustcustom"}, "robust/buildtags")
	names := ""
	for _, f := range pkgs[0].GoFiles {
		names += " " + filepath.Base(f)
	}
	if !strings.Contains(names, "custom.go") || strings.Contains(names, "default.go") || strings.Contains(names, "ignored.go") {
		t.Fatalf("files of the robustcustom build:%s", names)
	}
	res := analyze(t, root, pkgs)
	for _, e := range res.errs {
		t.Errorf("unexpected error: %s", e)
	}
	expect(t, root, res.findings, nil)
}

// TestRobustDrivers runs the corpus through the built command, standalone
// and under go vet, which hands cgo-processed files to the tool.
func TestRobustDrivers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds idemlint and runs go vet")
	}
	root := gopath(t)
	bin := filepath.Join(t.TempDir(), "idemlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/idemlint")
	build.Dir = filepath.Join(testdata, "..")
	build.Env = append(os.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(name string, args ...string) (string, int) {
		cmd := exec.Command(name, args...)
		cmd.Dir = filepath.Join(root, "src")
		cmd.Env = env(root)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case err == nil:
			return out.String(), 0
		case errors.As(err, &exit):
			return out.String(), exit.ExitCode()
		}
		t.Fatalf("%s: %v", name, err)
		return "", 0
	}
	check := func(what, out string, code, wantCode int) {
		t.Helper()
		for _, bad := range []string{"panic", "internal error", "fatal error", "goroutine "} {
			if strings.Contains(out, bad) {
				t.Errorf("%s printed %q:\n%s", what, bad, out)
			}
		}
		if code != wantCode {
			t.Errorf("%s: exit status %d, want %d\n%s", what, code, wantCode, out)
		}
		var findings []string
		for l := range strings.Lines(out) {
			if i := strings.Index(l, ": idem"); i >= 0 && strings.Contains(l, ".go:") {
				// file:line:col: message -> file:line: message
				loc := strings.TrimPrefix(l[:i], filepath.Join(root, "src")+string(filepath.Separator))
				if j := strings.LastIndexByte(loc, ':'); j >= 0 {
					loc = loc[:j]
				}
				findings = append(findings, filepath.ToSlash(loc)+l[i:])
			}
		}
		expect(t, root, findings, canaries)
	}

	// Standalone: the ill-typed package is an error (exit 1), the rest
	// is analysed.
	out, code := run(bin, "robust/...")
	check("idemlint robust/...", out, code, 1)
	if !strings.Contains(out, "undefined: undefinedHandler") {
		t.Errorf("the type error was not reported:\n%s", out)
	}

	// go vet: the packages that compile.
	vet := []string{"vet", "-vettool=" + bin}
	for _, dir := range []string{"buildtags", "cgo", "generics", "huge", "nested", "recursive"} {
		vet = append(vet, "robust/"+dir)
	}
	out, code = run("go", vet...)
	check("go vet", out, code, 1)
}

// knownIssue runs a reproducer of a known problem: the test is skipped
// while the problem is there, and fails once it is fixed, so that the
// reproducer moves into the corpus.
type knownIssue struct {
	name    string
	problem string
	source  string // robust/known/known.go
}

var knownIssues = []knownIssue{{
	name:    "loop-chain",
	problem: "false finding: a route wrapped by a helper that applies middleware in a loop is reported unprotected",
	source: `package known

import (
	"net/http"

	"example.com/platform/idem"
)

// work stands for what the handler does that the analysis cannot see.
var work func()

func create(w http.ResponseWriter, r *http.Request) { work() }

func chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func Chain[H http.Handler](h H, mws ...func(http.Handler) http.Handler) http.Handler {
	var out http.Handler = h
	for _, mw := range mws {
		out = mw(out)
	}
	return out
}

func Serve() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/chained", chain(http.HandlerFunc(create), idem.Middleware))
	mux.Handle("POST /v1/generic", Chain(http.HandlerFunc(create), idem.Middleware))
	http.ListenAndServe(":8080", mux)
}
`,
}, {
	name:    "recursive-wrapper",
	problem: "false finding: a handler wrapped by a recursive helper is reported unprotected",
	source: `package known

import (
	"net/http"

	"example.com/platform/idem"
)

// work stands for what the handler does that the analysis cannot see.
var work func()

func create(w http.ResponseWriter, r *http.Request) { work() }

func protect(h http.Handler, n int) http.Handler {
	if n == 0 {
		return idem.Middleware(h)
	}
	return protect(h, n-1)
}

func Serve() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/protect", protect(http.HandlerFunc(create), 3))
	http.ListenAndServe(":8080", mux)
}
`,
}, {
	name:    "recursive-closure",
	problem: "crash: a recursive function literal in a package importing net/http overflows the stack of the route evaluator",
	source: `package known

import "net/http"

func Serve() {
	var walk func(n int)
	walk = func(n int) {
		if n > 0 {
			walk(n - 1)
		}
	}
	walk(3)
	http.ListenAndServe(":8080", nil)
}
`,
}}

// TestKnownIssues runs the reproducers of fixed bugs (a crash, false
// findings), each in a child process, so that a crash is observed rather
// than fatal.
func TestKnownIssues(t *testing.T) {
	if name := os.Getenv("ROBUST_KNOWN_ISSUE"); name != "" {
		// The child: a small stack limit makes an overflow quick.
		debug.SetMaxStack(64 << 20)
		for _, k := range knownIssues {
			if k.name != name {
				continue
			}
			root := os.Getenv("ROBUST_KNOWN_ISSUE_DIR") // the parent's: a crash leaves nothing behind
			copyTree(t, filepath.Join(testdata, "src", "example.com", "platform", "idem"), filepath.Join(root, "src", "example.com", "platform", "idem"))
			write(t, filepath.Join(root, "src", "robust", "known", "known.go"), k.source)
			res := analyze(t, root, load(t, root, nil, "robust/known"))
			for _, e := range res.errs {
				t.Errorf("unexpected error: %s", e)
			}
			for _, f := range res.findings {
				t.Errorf("unexpected finding: %s", f)
			}
		}
		return
	}
	for _, k := range knownIssues {
		t.Run(k.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestKnownIssues$", "-test.count=1")
			cmd.Env = append(os.Environ(), "ROBUST_KNOWN_ISSUE="+k.name, "ROBUST_KNOWN_ISSUE_DIR="+t.TempDir())
			if out, err := cmd.CombinedOutput(); err != nil {
				text := string(out)
				if i := strings.Index(text, "\ngoroutine "); i >= 0 {
					text = text[:i] // the first lines name the crash
				}
				t.Fatalf("regression: %s\n%s", k.problem, strings.TrimSpace(text))
			}
		})
	}
}
