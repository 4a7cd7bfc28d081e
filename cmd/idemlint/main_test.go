package main_test

// These tests build the idemlint binary once and run it the way users do:
// under the real go vet, standalone, and with -fix. They need the go
// command; the example service also needs its one dependency (chi) from
// the module cache or proxy.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const (
	vetmod = "../../testdata/vetmod"
	shop   = "../../examples/shop"
)

// bin is the idemlint binary built by TestMain.
var bin string

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	if _, err := exec.LookPath("go"); err != nil {
		fmt.Fprintln(os.Stderr, "cmd/idemlint tests need the go command:", err)
		return 1
	}
	dir, err := os.MkdirTemp("", "idemlint-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "idemlint")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = env()
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build -o %s .: %v\n%s", bin, err, out)
		return 1
	}
	return m.Run()
}

// env is the environment of every command the tests run: the caller's,
// without a workspace, so that each test module is built on its own.
func env() []string {
	return append(os.Environ(), "GOWORK=off")
}

// result is the outcome of one command.
type result struct {
	cmd            string
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("%s: exit status %d\nstdout:\n%s\nstderr:\n%s", r.cmd, r.code, r.stdout, truncate(r.stderr))
}

// truncate keeps a failure message readable when a command prints one
// error per package.
func truncate(s string) string {
	const max = 4000
	if len(s) <= max {
		return s
	}
	return s[:max] + fmt.Sprintf("\n[... %d more bytes]", len(s)-max)
}

// run runs name with args in dir and returns its output and exit status.
// It fails the test when the command cannot be started.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{
		cmd:    "cd " + dir + " && " + strings.Join(append([]string{filepath.Base(name)}, args...), " "),
		stdout: stdout.String(),
		stderr: stderr.String(),
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		t.Fatalf("%s: %v", r.cmd, err)
	}
	return r
}

// A diagnostic is one "FILE:LINE:COL: MESSAGE" line of output.
type diagnostic struct {
	file      string
	line, col int
	message   string
}

func (d diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.file, d.line, d.col, d.message)
}

var diagnosticLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (idem[a-z]*: .*)$`)

// diagnostics returns the idem diagnostics printed in out.
func diagnostics(out string) []diagnostic {
	var ds []diagnostic
	for line := range strings.Lines(out) {
		m := diagnosticLine.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
		if m == nil {
			continue
		}
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		ds = append(ds, diagnostic{file: filepath.ToSlash(m[1]), line: l, col: c, message: m[4]})
	}
	return ds
}

// An expectation is a finding a command must print: FILE (a path suffix),
// LINE, COL when not 0, and a prefix of the message.
type expectation struct {
	file   string
	line   int
	col    int
	prefix string
}

func (e expectation) String() string {
	if e.col == 0 {
		return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.prefix)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.prefix)
}

func (e expectation) matches(d diagnostic) bool {
	return (d.file == e.file || strings.HasSuffix(d.file, "/"+e.file)) &&
		d.line == e.line && (e.col == 0 || d.col == e.col) &&
		strings.HasPrefix(d.message, e.prefix)
}

var expectLine = regexp.MustCompile(`^(\S+?):(\d+)(?::(\d+))?: (.+)$`)

// readExpect reads an EXPECT.txt file: one "FILE:LINE[:COL]: MESSAGE-PREFIX"
// per line; blank lines and lines starting with # are ignored.
func readExpect(t *testing.T, path string) []expectation {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var es []expectation
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := expectLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("%s:%d: want FILE:LINE[:COL]: MESSAGE-PREFIX, got %q", path, n, line)
		}
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		es = append(es, expectation{file: m[1], line: l, col: c, prefix: m[4]})
	}
	if len(es) == 0 {
		t.Fatalf("%s lists no finding", path)
	}
	return es
}

// readShopExpect reads the findings listed in the "Expected findings"
// table of the example's README: rows of the form
// | `METHOD /path` | `FILE:LINE` | why | (an idemhandler finding) or
// | `CHECK: message start` | `FILE:LINE` | why |.
func readShopExpect(t *testing.T) []expectation {
	t.Helper()
	path := filepath.Join(shop, "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Expected findings\n")
	if !ok {
		t.Fatalf("%s has no \"## Expected findings\" section", path)
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	row := regexp.MustCompile("^\\| `([A-Z]+ [^`]+|idem[a-z]+: [^`]+)` \\| `([^`]+):(\\d+)` \\|")
	var es []expectation
	for line := range strings.Lines(section) {
		if m := row.FindStringSubmatch(line); m != nil {
			l, _ := strconv.Atoi(m[3])
			prefix := "idemhandler: " + m[1] + " "
			if strings.HasPrefix(m[1], "idem") { // a row naming its check: the start of the message
				prefix = m[1]
			}
			es = append(es, expectation{file: m[2], line: l, prefix: prefix})
		}
	}
	if len(es) == 0 {
		t.Fatalf("%s: no row of the form | `METHOD /path` | `FILE:LINE` | in \"Expected findings\"", path)
	}
	return es
}

// checkFindings checks that out holds exactly the expected idem findings,
// each once.
func checkFindings(t *testing.T, r result, out string, want []expectation) {
	t.Helper()
	got := diagnostics(out)
	used := make([]bool, len(got))
	for _, e := range want {
		n := 0
		for i, d := range got {
			if e.matches(d) {
				used[i] = true
				n++
			}
		}
		if n != 1 {
			t.Errorf("want finding %s once, found it %d times", e, n)
		}
	}
	for i, d := range got {
		if !used[i] {
			t.Errorf("unexpected finding %s", d)
		}
	}
	if t.Failed() {
		t.Logf("%s", r)
	}
}

// writeConfig writes an idemlint configuration to a new temporary file.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), ".idemlint.yaml")
	if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	return path
}

// copyDir copies the module at src to a new temporary directory.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	copyTree(t, src, dst)
	// A relative replace directive (the example's, of this repository)
	// must reach its module from the copy too.
	r := run(t, dst, "go", "mod", "edit", "-json")
	var mod struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &mod); err != nil {
		t.Fatalf("%v\n%s", err, r)
	}
	for _, rep := range mod.Replace {
		if strings.HasPrefix(rep.New.Path, ".") {
			abs, err := filepath.Abs(filepath.Join(src, rep.New.Path))
			if err != nil {
				t.Fatal(err)
			}
			if r := run(t, dst, "go", "mod", "edit", "-replace", rep.Old.Path+"="+abs); r.code != 0 {
				t.Fatal(r)
			}
		}
	}
	return dst
}

// copyTree copies the directory src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o777)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestGoVet runs the binary as a vet tool under the real go vet.
func TestGoVet(t *testing.T) {
	t.Parallel()
	want := readExpect(t, filepath.Join(vetmod, "EXPECT.txt"))

	r := run(t, vetmod, "go", "vet", "-vettool="+bin, "./...")
	if r.code == 0 {
		t.Errorf("go vet exited 0, want non-zero: the tool reports findings")
	}
	checkFindings(t, r, r.stdout+r.stderr, want)

	// The tool's -config flag reaches it through go vet.
	cfg := writeConfig(t, "checks: [-idemhandler]\n")
	r = run(t, vetmod, "go", "vet", "-vettool="+bin, "-config="+cfg, "./...")
	if r.code != 0 {
		t.Errorf("with -config disabling idemhandler: want exit status 0\n%s", r)
	}
	if ds := diagnostics(r.stdout + r.stderr); len(ds) > 0 {
		t.Errorf("with -config disabling idemhandler: want no finding, got %v", ds)
	}
}

// TestStandalone runs the binary as its own driver.
func TestStandalone(t *testing.T) {
	t.Parallel()
	want := readExpect(t, filepath.Join(vetmod, "EXPECT.txt"))

	t.Run("text", func(t *testing.T) {
		t.Parallel()
		r := run(t, vetmod, bin, "./...")
		if r.code != 3 {
			t.Errorf("want exit status 3 (findings)\n%s", r)
		}
		checkFindings(t, r, r.stderr, want)
	})

	t.Run("json", func(t *testing.T) {
		t.Parallel()
		r := run(t, vetmod, bin, "-json", "./...")
		if r.code != 0 {
			t.Errorf("want exit status 0 with -json\n%s", r)
		}
		// package path -> analyzer -> diagnostics, or {"error": ...}
		var tree map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
			t.Fatalf("-json output is not JSON: %v\n%s", err, r)
		}
		var got []diagnostic
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var ds []struct {
					Category string `json:"category"`
					Posn     string `json:"posn"`
					Message  string `json:"message"`
				}
				if err := json.Unmarshal(raw, &ds); err != nil {
					t.Errorf("%s: %s: not a list of diagnostics: %s", pkg, name, raw)
					continue
				}
				for _, d := range ds {
					if d.Category != name {
						t.Errorf("%s: category %q under analyzer key %q", d.Posn, d.Category, name)
					}
					if name == "idemhandler" {
						got = append(got, diagnostics(d.Posn+": "+d.Message)...)
					} else {
						t.Errorf("unexpected %s finding %s: %s", name, d.Posn, d.Message)
					}
				}
			}
		}
		var text strings.Builder
		for _, d := range got {
			fmt.Fprintln(&text, d)
		}
		checkFindings(t, r, text.String(), want)
	})

	t.Run("missing config", func(t *testing.T) {
		t.Parallel()
		const path = "/nonexistent.yaml"
		r := run(t, vetmod, bin, "-config", path, "./...")
		if r.code != 1 {
			t.Errorf("want exit status 1 (error)\n%s", r)
		}
		if !strings.Contains(r.stderr, path) {
			t.Errorf("stderr does not name %s\n%s", path, r)
		}
	})

	t.Run("unknown key", func(t *testing.T) {
		t.Parallel()
		cfg := writeConfig(t, "checks: [all]\nno-such-key: true\n")
		r := run(t, vetmod, bin, "-config", cfg, "./...")
		if r.code != 1 {
			t.Errorf("want exit status 1 (error)\n%s", r)
		}
		if n := strings.Count(r.stderr, `unknown key "no-such-key"`); n != 1 || !strings.Contains(r.stderr, cfg+":2:") {
			t.Errorf("stderr names the key no-such-key %d times, want once, with the file and line %s:2\n%s", n, cfg, r)
		}
		if strings.Contains(r.stderr, "failed prerequisites") {
			t.Errorf("stderr prints failed prerequisites\n%s", r)
		}
		if ds := diagnostics(r.stderr); len(ds) > 0 {
			t.Errorf("an invalid configuration must not give findings, got %v", ds)
		}
		if strings.Contains(r.stderr, "@unsafe") || strings.Contains(r.stderr, "@net/http") {
			t.Errorf("the configuration failed the standard library's packages too\n%s", r)
		}
	})

	t.Run("example shop", func(t *testing.T) {
		t.Parallel()
		want := readShopExpect(t)
		needShop(t)
		r := run(t, ".", bin, "-C", shop, "./...")
		if r.code != 3 {
			t.Errorf("want exit status 3 (findings)\n%s", r)
		}
		checkFindings(t, r, r.stderr, want)

		// The same findings through the real go vet.
		r = run(t, shop, "go", "vet", "-vettool="+bin, "./...")
		if r.code == 0 {
			t.Errorf("go vet exited 0, want non-zero: the tool reports findings")
		}
		checkFindings(t, r, r.stdout+r.stderr, want)
	})
}

// paymentsWrapped is the payments route of testdata/vetmod after the fix.
var paymentsWrapped = regexp.MustCompile(`mux\.Handle\("POST /v1/payments", idem\.Middleware\(http\.HandlerFunc\(\w+\)\)\)`)

// TestFixDiff applies the suggested fix, and prints it without applying
// it.
func TestFixDiff(t *testing.T) {
	t.Parallel()
	orig, err := os.ReadFile(filepath.Join(vetmod, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if paymentsWrapped.Match(orig) {
		t.Fatalf("%s/main.go already wraps POST /v1/payments", vetmod)
	}

	checkFixed := func(t *testing.T, dir string, r result) {
		t.Helper()
		fixed, err := os.ReadFile(filepath.Join(dir, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !paymentsWrapped.Match(fixed) || bytes.Contains(fixed, []byte(`HandleFunc("POST /v1/payments"`)) {
			t.Fatalf("main.go does not wrap POST /v1/payments in idem.Middleware after the fix\n%s\nmain.go:\n%s", r, fixed)
		}
		if again := run(t, dir, bin, "./..."); again.code != 0 {
			t.Errorf("after the fix: want exit status 0\n%s", again)
		}
	}

	t.Run("fix", func(t *testing.T) {
		t.Parallel()
		dir := copyDir(t, vetmod)
		r := run(t, dir, bin, "-fix", "./...")
		if r.code != 0 && r.code != 3 {
			t.Fatalf("want exit status 0 or 3 with -fix\n%s", r)
		}
		checkFixed(t, dir, r)
	})

	t.Run("diff", func(t *testing.T) {
		t.Parallel()
		dir := copyDir(t, vetmod)
		r := run(t, dir, bin, "-fix", "-diff", "./...")
		if r.code != 0 && r.code != 3 {
			t.Fatalf("want exit status 0 or 3 with -fix -diff\n%s", r)
		}
		for _, s := range []string{
			"--- ", "+++ ", "\n@@ -",
			"\n-\tmux.HandleFunc(\"POST /v1/payments\"",
			"\n+\tmux.Handle(\"POST /v1/payments\", idem.Middleware(http.HandlerFunc(",
		} {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("-fix -diff output lacks %q\n%s", s, r)
			}
		}
		after, err := os.ReadFile(filepath.Join(dir, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(after, orig) {
			t.Errorf("-fix -diff changed main.go:\n%s", after)
		}
	})

	t.Run("go fix", func(t *testing.T) {
		t.Parallel()
		dir := copyDir(t, vetmod)
		r := run(t, dir, "go", "fix", "-fixtool="+bin, "./...")
		if r.code != 0 {
			t.Fatalf("want exit status 0 from go fix -fixtool\n%s", r)
		}
		checkFixed(t, dir, r)
	})
}
