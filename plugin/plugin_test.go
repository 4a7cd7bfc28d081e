package plugin_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/moduletest"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/plugin"
)

// TestNewSettings checks the plugin's constructor and what it gives
// golangci-lint, without building golangci-lint.
func TestNewSettings(t *testing.T) {
	t.Cleanup(func() { config.UseSettings(nil) })

	tests := []struct {
		name     string
		settings any
		wantErr  []string // substrings of the error; nil: no error
	}{
		{name: "nil", settings: nil},
		{name: "empty", settings: map[string]any{}},
		{name: "valid", settings: map[string]any{"tests": true, "min-ttl": "48h"}},
		{name: "nested", settings: map[string]any{
			"checks": []any{"all", "-idemhandler"},
			"adr":    map[string]any{"pattern": "ADR-[0-9]+"},
		}},
		{name: "unknown key", settings: map[string]any{"no-such-key": true},
			wantErr: []string{`"no-such-key"`}},
		{name: "unknown nested key", settings: map[string]any{"adr": map[string]any{"bogus": 1}},
			wantErr: []string{"adr.bogus"}},
		{name: "wrong type", settings: map[string]any{"naturally-idempotent-methods": 5},
			wantErr: []string{"naturally-idempotent-methods"}},
		{name: "wrong scalar type", settings: map[string]any{"tests": "yes"},
			wantErr: []string{"tests"}},
		{name: "bad duration", settings: map[string]any{"min-ttl": "soon"},
			wantErr: []string{"min-ttl"}},
		{name: "unknown check", settings: map[string]any{"checks": []any{"idemnothing"}},
			wantErr: []string{"checks", "idemnothing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config.UseSettings(nil)
			p, err := plugin.New(tt.settings)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("New(%#v) succeeded, want an error naming %q", tt.settings, tt.wantErr)
				}
				for _, s := range tt.wantErr {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("New(%#v) error %q does not contain %q", tt.settings, err, s)
					}
				}
				if p != nil {
					t.Errorf("New(%#v) returned a plugin with its error", tt.settings)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%#v): %v", tt.settings, err)
			}
			checkPlugin(t, p)
		})
	}
}

// TestNewInstallsSettings checks that valid settings replace discovery and
// that nil or empty settings leave it alone.
func TestNewInstallsSettings(t *testing.T) {
	t.Cleanup(func() { config.UseSettings(nil) })

	installed := func() *config.Config {
		t.Helper()
		pass := &analysis.Pass{Analyzer: config.Analyzer, Fset: nil}
		res, err := config.Analyzer.Run(pass)
		if err != nil {
			t.Fatalf("config analyzer: %v", err)
		}
		return res.(*config.Config)
	}

	config.UseSettings(nil)
	if _, err := plugin.New(map[string]any{"tests": true, "min-ttl": "48h", "checks": []any{"all", "-idemhandler"}}); err != nil {
		t.Fatal(err)
	}
	c := installed()
	if !c.Tests || c.MinTTL != 48*time.Hour || c.Enabled("idemhandler") || !c.Enabled("idemexempt") {
		t.Errorf("after New with settings: tests=%v min-ttl=%v idemhandler=%v idemexempt=%v, want true 48h false true",
			c.Tests, c.MinTTL, c.Enabled("idemhandler"), c.Enabled("idemexempt"))
	}

	for _, settings := range []any{nil, map[string]any{}} {
		config.UseSettings(nil)
		if _, err := plugin.New(settings); err != nil {
			t.Fatal(err)
		}
		if c := installed(); c.Path != "" || c.Tests {
			t.Errorf("New(%#v) installed settings (path %q, tests %v); want discovery (no files here: defaults)", settings, c.Path, c.Tests)
		}
	}

	// An invalid configuration installs nothing.
	config.UseSettings(nil)
	if _, err := plugin.New(map[string]any{"tests": true, "bogus": 1}); err == nil {
		t.Fatal("New with an unknown key succeeded")
	}
	if c := installed(); c.Tests {
		t.Error("a rejected configuration was installed")
	}
}

func checkPlugin(t *testing.T, p register.LinterPlugin) {
	t.Helper()
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	if len(as) != 1 {
		t.Fatalf("BuildAnalyzers returned %d analyzers, want 1", len(as))
	}
	if as[0].Name != "idemlint" {
		t.Errorf("analyzer is named %q, want idemlint (the plugin's name)", as[0].Name)
	}
	if err := analysis.Validate(as); err != nil {
		t.Errorf("analysis.Validate: %v", err)
	}
	if got := p.GetLoadMode(); got != "typesinfo" {
		t.Errorf("GetLoadMode() = %q, want %q", got, "typesinfo")
	}
}

// TestGolangciLint builds golangci-lint with the plugin (from the module
// proxy) and runs it on testdata/gclmod the ways users and editors do.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint: skipped in -short mode")
	}
	bin := buildGolangciLint(t)

	// Positions of the constructs in testdata/gclmod/service/service.go.
	src := readFile(t, filepath.Join("..", "testdata", "gclmod", "service", "service.go"))
	paymentsLine := lineOf(t, src, `mux.HandleFunc("POST /v1/payments", createPayment)`)
	noReasonLine := lineOf(t, src, "//idem:exempt ADR-0001\n")
	importsLine := lineOf(t, src, `mux.HandleFunc("POST /v1/imports", importBatch)`)

	const (
		paymentsText = "idemhandler: POST /v1/payments is served without idempotency middleware (clients and proxies retry POST); wrap it in idem.Middleware or exempt it with an ADR"
		importsText  = "idemhandler: POST /v1/imports is served without idempotency middleware (clients and proxies retry POST); wrap it in idem.Middleware or exempt it with an ADR"
		noReasonText = "idemexempt: exemption has no reason; write //idem:exempt ADR-0001 REASON (an invalid exemption suppresses nothing)"
	)
	payments := issue{"service/service.go", paymentsLine, 2, paymentsText}
	imports := issue{"service/service.go", importsLine, 2, importsText}
	noReason := issue{"service/service.go", noReasonLine, 2, noReasonText}

	t.Run("findings", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t)
		res := runLint(t, bin, dir, "run", "--show-stats=false", "--output.json.path", "stdout", "./...")
		if res.code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)\nstderr:\n%s", res.code, res.stderr)
		}
		got := jsonIssues(t, res)
		assertIssues(t, got, []issue{payments, noReason, imports})
		for _, is := range got {
			assertOneCheckName(t, is.Text)
		}
	})

	t.Run("settings error", func(t *testing.T) {
		t.Parallel()
		for _, tc := range []struct{ settings, key string }{
			{"naturally-idempotent-methods: 5", "naturally-idempotent-methods"},
			{"no-such-key: true", `"no-such-key"`},
			{"adr: {pattern: '('}", "adr.pattern"},
		} {
			t.Run(tc.key, func(t *testing.T) {
				t.Parallel()
				dir := copyModule(t)
				writeSettings(t, dir, tc.settings)
				res := runLint(t, bin, dir, "run", "--show-stats=false", "--output.json.path", "stdout", "./...")
				if res.code == 0 || res.code == 1 {
					t.Errorf("exit code %d, want a failure other than issues found (0 or 1)", res.code)
				}
				out := res.stdout + res.stderr
				for _, want := range []string{"plugin(idemlint)", tc.key} {
					if !strings.Contains(out, want) {
						t.Errorf("output does not contain %q:\n%s", want, out)
					}
				}
				if strings.Contains(res.stdout, `"Issues"`) {
					t.Errorf("a run with invalid settings printed issues:\n%s", res.stdout)
				}
			})
		}
	})

	t.Run("settings", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t)
		writeSettings(t, dir, "checks: [all, -idemhandler]")
		res := runLint(t, bin, dir, "run", "--show-stats=false", "--output.json.path", "stdout", "./...")
		if res.code != 1 {
			t.Errorf("exit code %d, want 1\nstderr:\n%s", res.code, res.stderr)
		}
		assertIssues(t, jsonIssues(t, res), []issue{noReason})
	})

	// A relative path in the settings is relative to .golangci.yml, also
	// when golangci-lint runs in a package directory, as editors run it:
	// resolved against the current directory, adr.dir named no directory
	// and every exemption was invalid.
	t.Run("settings from a subdirectory", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t)
		writeSettings(t, dir, "adr: {dir: docs/adr}")
		for _, cwd := range []string{dir, filepath.Join(dir, "service")} {
			res := runLint(t, bin, cwd, "run", "--show-stats=false", "--path-mode=abs", "--output.json.path", "stdout", "./...")
			if res.code != 1 {
				t.Errorf("in %s: exit code %d, want 1\nstderr:\n%s", cwd, res.code, res.stderr)
			}
			var want []issue
			for _, is := range []issue{payments, noReason, imports} {
				is.File = filepath.ToSlash(filepath.Join(dir, is.File))
				want = append(want, is)
			}
			assertIssues(t, jsonIssues(t, res), want)
		}
	})

	// An invalid .idemlint.yaml found by discovery stops the run with its
	// file, line and key.
	t.Run("invalid configuration file", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t)
		if err := os.WriteFile(filepath.Join(dir, ".idemlint.yaml"), []byte("adr:\n  dir: docs/adr\nmiddlewares: [x]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		res := runLint(t, bin, dir, "run", "--show-stats=false", "--output.json.path", "stdout", "./...")
		if res.code == 0 || res.code == 1 {
			t.Errorf("exit code %d, want a failure other than issues found (0 or 1)", res.code)
		}
		// golangci-lint quotes the message in its log.
		if !strings.Contains(res.stderr, `.idemlint.yaml:3: unknown key \"middlewares\"`) {
			t.Errorf("stderr does not name the file, line and key:\n%s", res.stderr)
		}
		if strings.Contains(res.stdout, "idemhandler:") {
			t.Errorf("a run with an invalid configuration printed findings:\n%s", res.stdout)
		}
	})

	t.Run("fix", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t)
		res := runLint(t, bin, dir, "run", "--show-stats=false", "--fix", "./...")
		if res.code != 1 { // the invalid exemption has no fix and stays
			t.Errorf("exit code %d, want 1\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
		}
		fixed := readFile(t, filepath.Join(dir, "service", "service.go"))
		want := strings.NewReplacer(
			`mux.HandleFunc("POST /v1/payments", createPayment)`,
			`mux.Handle("POST /v1/payments", idem.Middleware(http.HandlerFunc(createPayment)))`,
			`mux.HandleFunc("POST /v1/imports", importBatch)`,
			`mux.Handle("POST /v1/imports", idem.Middleware(http.HandlerFunc(importBatch)))`,
		).Replace(src)
		if fixed != want {
			t.Errorf("after --fix, service.go is\n%s\nwant\n%s", fixed, want)
		}
		gobuild := exec.CommandContext(t.Context(), "go", "build", "./...")
		gobuild.Dir = dir
		gobuild.Env = append(os.Environ(), "GOWORK=off")
		if out, err := gobuild.CombinedOutput(); err != nil {
			t.Errorf("go build after --fix: %v\n%s", err, out)
		}
		// Only the finding without a fix is left.
		res = runLint(t, bin, dir, "run", "--show-stats=false", "--output.json.path", "stdout", "./...")
		assertIssues(t, jsonIssues(t, res), []issue{noReason})
	})

	// A module laid out like real services: each finding at its
	// registration line, in the package that registers it, once, though
	// the package that serves the router reports it.
	t.Run("layered", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		if real, err := filepath.EvalSymlinks(root); err == nil {
			root = real
		}
		dir := filepath.Join(root, "layered")
		for _, m := range []string{"layered", "platform"} {
			if err := os.CopyFS(filepath.Join(root, m), os.DirFS(filepath.Join("..", "testdata", m))); err != nil {
				t.Fatal(err)
			}
		}
		cfg := readFile(t, filepath.Join("..", "testdata", "gclmod", ".golangci.yml"))
		if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		moduletest.Download(t, dir)
		res := runLint(t, bin, dir, "run", "--show-stats=false", "--output.json.path", "stdout", "./...")
		if res.code != 1 {
			t.Errorf("exit code %d, want 1 (issues found)\nstderr:\n%s", res.code, res.stderr)
		}
		var text strings.Builder
		for _, is := range jsonIssues(t, res) {
			assertOneCheckName(t, is.Text)
			text.WriteString(filepath.Join(dir, is.File) + ":" + strconv.Itoa(is.Line) + ":" + strconv.Itoa(is.Col) + ": " + is.Text + "\n")
		}
		moduletest.Check(t, moduletest.Wants(t, dir), moduletest.Parse(dir, text.String()))
	})

	// The VS Code Go extension (golang/vscode-go, extension/src/goLint.ts,
	// lintTool golangci-lint-v2) runs golangci-lint with these arguments,
	// adding ./... for the workspace scope and nothing for the package
	// scope, in the workspace folder or the package directory. It parses
	// stdout line by line with the regular expression of runTool in
	// extension/src/util.ts and discards everything when the process fails
	// with output on stderr.
	vscodeArgs := []string{
		"run",
		"--issues-exit-code=0",
		"--output.text.print-issued-lines=false",
		"--show-stats=false",
		"--output.text.path=stdout",
		"--path-mode=abs",
	}
	for _, scope := range []string{"workspace", "package"} {
		t.Run("vscode-go "+scope, func(t *testing.T) {
			t.Parallel()
			dir := copyModule(t)
			args, cwd := vscodeArgs, filepath.Join(dir, "service")
			if scope == "workspace" {
				args, cwd = append(slices.Clone(vscodeArgs), "./..."), dir
			}
			res := runLint(t, bin, cwd, args...)
			if res.code != 0 {
				t.Fatalf("exit code %d, want 0 (the extension ignores the output of a failed run)\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
			}
			got := vscodeParse(cwd, res.stdout)
			abs := filepath.Join(dir, "service", "service.go")
			var want []issue
			for _, is := range []issue{payments, noReason, imports} {
				is.File = abs
				is.Text += " (idemlint)"
				want = append(want, is)
			}
			assertIssues(t, got, want)
			for _, is := range got {
				assertOneCheckName(t, strings.TrimSuffix(is.Text, " (idemlint)"))
			}
		})
	}
}

// buildGolangciLint builds golangci-lint with the plugin into a temporary
// directory. The script keeps its wrapper module in a cache directory, so
// only the first build is slow.
func buildGolangciLint(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("building golangci-lint needs bash")
	}
	script, err := filepath.Abs(filepath.Join("..", "scripts", "build-golangci-lint.sh"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "golangci-lint")
	cmd := exec.CommandContext(t.Context(), "bash", script, bin)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", script, err, out.String())
	}
	t.Logf("built golangci-lint with the plugin in %v", time.Since(start).Round(time.Millisecond))
	return bin
}

// copyModule copies testdata/gclmod, and the platform module its replace
// directive names beside it, into a new temporary directory, so that --fix
// and golangci-lint's files never touch the repository.
func copyModule(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, m := range []string{"gclmod", "platform"} {
		if err := os.CopyFS(filepath.Join(root, m), os.DirFS(filepath.Join("..", "testdata", m))); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(root, "gclmod")
	// Compare paths as golangci-lint prints them.
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return dir
}

// writeSettings adds settings (one YAML line) to the plugin's entry in
// dir/.golangci.yml.
func writeSettings(t *testing.T, dir, settings string) {
	t.Helper()
	path := filepath.Join(dir, ".golangci.yml")
	old := readFile(t, path)
	const anchor = "        description: idemlint analyzers\n"
	if !strings.Contains(old, anchor) {
		t.Fatalf("%s has no line %q", path, anchor)
	}
	cfg := strings.Replace(old, anchor, anchor+"        settings:\n          "+settings+"\n", 1)
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
}

type result struct {
	stdout, stderr string
	code           int
}

// runLint runs golangci-lint in dir with a cache of its own. Its lock file
// is in the temporary directory, which is its own too, so that runs do not
// fail with "parallel golangci-lint is running".
func runLint(t *testing.T, bin, dir string, args ...string) result {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOLANGCI_LINT_CACHE="+t.TempDir(),
		"TMPDIR="+t.TempDir(),
		"GOWORK=off",
	)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("golangci-lint %s: %v", strings.Join(args, " "), err)
	}
	t.Logf("golangci-lint %s (in %s): exit %d", strings.Join(args, " "), dir, res.code)
	return res
}

type issue struct {
	File      string
	Line, Col int
	Text      string
}

func (is issue) String() string {
	return is.File + ":" + strconv.Itoa(is.Line) + ":" + strconv.Itoa(is.Col) + ": " + is.Text
}

// jsonIssues decodes the issues of golangci-lint's JSON output, all of
// which must come from idemlint.
func jsonIssues(t *testing.T, res result) []issue {
	t.Helper()
	var out struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("golangci-lint output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", err, res.stdout, res.stderr)
	}
	var issues []issue
	for _, is := range out.Issues {
		if is.FromLinter != "idemlint" {
			t.Errorf("issue from linter %q, want idemlint: %s", is.FromLinter, is.Text)
		}
		issues = append(issues, issue{filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.Text})
	}
	return issues
}

// vscodeLine is the regular expression with which the VS Code Go extension
// parses a linter's output (runTool in extension/src/util.ts).
var vscodeLine = regexp.MustCompile(`^([^:]*: )?((.:)?[^:]*):(\d+)(:(\d+)?)?:(?:\w+:)? (.*)$`)

// vscodeParse returns the diagnostics the VS Code Go extension would show
// for a linter's stdout, with file names resolved against cwd.
func vscodeParse(cwd, stdout string) []issue {
	var issues []issue
	for l := range strings.SplitSeq(stdout, "\n") {
		if strings.HasPrefix(l, "\t") && len(issues) > 0 {
			issues[len(issues)-1].Text += "\n" + l
			continue
		}
		m := vscodeLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		file := m[2]
		if !filepath.IsAbs(file) {
			file = filepath.Join(cwd, file)
		}
		line, _ := strconv.Atoi(m[4])
		col, _ := strconv.Atoi(m[6])
		issues = append(issues, issue{file, line, col, m[7]})
	}
	return issues
}

// assertIssues checks that got and want hold the same issues, in any
// order.
func assertIssues(t *testing.T, got, want []issue) {
	t.Helper()
	str := func(is []issue) []string {
		var s []string
		for _, i := range is {
			s = append(s, i.String())
		}
		slices.Sort(s)
		return s
	}
	g, w := str(got), str(want)
	if !slices.Equal(g, w) {
		t.Errorf("issues:\n\t%s\nwant:\n\t%s", strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
	}
}

// assertOneCheckName checks that a message starts with one check name and
// names no check twice in a row ("idemhandler: idemhandler: ...").
func assertOneCheckName(t *testing.T, text string) {
	t.Helper()
	check, rest, ok := strings.Cut(text, ": ")
	if !ok || !slices.Contains(config.CheckNames, check) {
		t.Errorf("message does not start with a check name: %q", text)
		return
	}
	for _, name := range append(config.CheckNames, "idemlint") {
		if strings.HasPrefix(rest, name+":") || strings.Contains(text, name+": "+name+":") {
			t.Errorf("message names a check twice: %q", text)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lineOf returns the line number of the only occurrence of s in src.
func lineOf(t *testing.T, src, s string) int {
	t.Helper()
	i := strings.Index(src, s)
	if i < 0 || strings.Count(src, s) != 1 {
		t.Fatalf("want exactly one %q in the test module", s)
	}
	return strings.Count(src[:i], "\n") + 1
}
