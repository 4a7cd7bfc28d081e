package editors_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// shop is the example service the editor tests run on.
var shop = filepath.Join("..", "examples", "shop")

// TestGopls builds gopls with idemlint's checks and checks that `gopls
// check` reports idemlint's findings with their positions, as an editor
// shows them.
func TestGopls(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gopls: skipped in -short mode")
	}
	bin := buildGopls(t)

	if out, err := command(t, shop, "go", "mod", "download"); err != nil {
		msg := fmt.Sprintf("the example's dependencies cannot be downloaded (offline?): %v\n%s", err, out)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}

	routes := filepath.Join("cmd", "shop", "routes.go")
	admin := filepath.Join("cmd", "shop", "admin.go")
	routesSrc := readFile(t, filepath.Join(shop, routes))
	adminSrc := readFile(t, filepath.Join(shop, admin))

	const unwrapped = " is served without idempotency middleware (clients and proxies retry POST); wrap it in idem.Middleware or exempt it with an ADR"
	want := []struct {
		file, message string
		line          int
	}{
		{routes, "idemhandler: POST /v1/refunds" + unwrapped, lineOf(t, routesSrc, `r.Post("/v1/refunds", h.createRefund)`)},
		{routes, "idemhandler: POST /v1/carts/" + unwrapped, lineOf(t, routesSrc, `r.Post("/", h.createCart)`)},
		{admin, "idemhandler: POST /admin/reindex" + unwrapped, lineOf(t, adminSrc, `"POST /admin/reindex"`)},
	}
	// Routes that are wrapped or exempted: a finding naming them is wrong.
	quiet := []string{"POST /v1/charges ", "POST /v1/orders ", "POST /v1/webhooks/stripe ", "POST /admin/rebuild "}

	// A private cache: no analysis results of an earlier run are reused.
	env := append(os.Environ(), "GOPLSCACHE="+t.TempDir())
	start := time.Now()
	out, err := commandEnv(t, shop, env, bin, "check", routes, admin)
	t.Logf("gopls check took %v", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("gopls check: %v\n%s", err, out)
	}
	t.Logf("gopls check output:\n%s", out)

	// FILE:LINE:COL-ENDCOL: MESSAGE or FILE:LINE:COL-ENDLINE:ENDCOL: MESSAGE.
	spans := make(map[string]string) // message -> FILE:LINE:COL-ENDLINE:ENDCOL
	for _, w := range want {
		re := regexp.MustCompile(`(?m)^(.*` + regexp.QuoteMeta(string(filepath.Separator)+w.file) +
			fmt.Sprintf(`):%d:(\d+)(?:-(?:(\d+):)?(\d+))?: `, w.line) + regexp.QuoteMeta(w.message) + `$`)
		m := re.FindStringSubmatch(out)
		if m == nil {
			t.Errorf("no finding %s:%d: %s", w.file, w.line, w.message)
			continue
		}
		endLine, endCol := m[3], m[4]
		if endLine == "" {
			endLine = fmt.Sprint(w.line)
		}
		if endCol == "" {
			endCol = m[2]
		}
		spans[w.message] = fmt.Sprintf("%s:%d:%s-%s:%s", m[1], w.line, m[2], endLine, endCol)
	}
	for _, line := range strings.Split(out, "\n") {
		for _, q := range quiet {
			if strings.Contains(line, "idemhandler: "+q) {
				t.Errorf("unexpected finding: %s", line)
			}
		}
	}

	// The suggested fix is offered as a quick fix on the finding's range.
	// -diff prints the edit without applying it.
	span, ok := spans[want[0].message]
	if !ok {
		return
	}
	out, err = commandEnv(t, shop, env, bin, "codeaction", "-kind=quickfix",
		"-title=idem\\.Middleware", "-exec", "-diff", span)
	if err != nil {
		t.Fatalf("gopls codeaction: %v\n%s", err, out)
	}
	const fixed = "+\tr.With(idem.Middleware).Post(\"/v1/refunds\", h.createRefund)\n"
	if !strings.Contains(out, fixed) {
		t.Errorf("the quick fix does not wrap POST /v1/refunds; want a diff with\n%s\ngot:\n%s", fixed, out)
	}

	t.Run("invalid configuration", func(t *testing.T) {
		checkInvalidConfig(t, bin, env)
	})
}

// checkInvalidConfig checks that gopls shows an invalid .idemlint.yaml,
// which stops every check, as a diagnostic naming the file, line and key
// on the package clause of each package's first file, once, and no
// finding.
func checkInvalidConfig(t *testing.T, bin string, env []string) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(shop)); err != nil {
		t.Fatal(err)
	}
	// The copy's go.mod replaces idemlint with a path relative to the
	// example: point it at this repository.
	root, err := filepath.Abs(filepath.Join(shop, "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(mod)
	if err != nil {
		t.Fatal(err)
	}
	const relative = "github.com/idemlint/idemlint => ../.."
	if !strings.Contains(string(data), relative) {
		t.Fatalf("%s has no line %q", mod, relative)
	}
	data = []byte(strings.Replace(string(data), relative, "github.com/idemlint/idemlint => "+root, 1))
	if err := os.WriteFile(mod, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, ".idemlint.yaml")
	if err := os.WriteFile(cfg, []byte("adr:\n  dir: docs/adr\nmiddlewares: [example.com/shop/platform/idem.Middleware]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// admin.go is the first file of cmd/shop; routes.go has findings.
	first, other := filepath.Join("cmd", "shop", "admin.go"), filepath.Join("cmd", "shop", "routes.go")
	out, err := commandEnv(t, dir, env, bin, "check", first, other)
	if err != nil {
		t.Fatalf("gopls check: %v\n%s", err, out)
	}
	t.Logf("gopls check output:\n%s", out)
	re := regexp.MustCompile(`(?m)^.*` + regexp.QuoteMeta(string(filepath.Separator)+first) +
		`:1:1-\d+: idemhandler: invalid configuration: .*\.idemlint\.yaml:3: unknown key "middlewares" .*$`)
	if n := len(re.FindAllString(out, -1)); n != 1 {
		t.Errorf("want the configuration error once on the package clause of %s, found it %d times", first, n)
	}
	if strings.Contains(out, "is served without") || strings.Contains(out, other+":1:") {
		t.Errorf("an invalid configuration gives findings, or a second diagnostic")
	}
}

// buildGopls builds gopls with idemlint's checks into a temporary
// directory. The script keeps its copy of gopls in a cache directory, so
// only the first build is slow.
func buildGopls(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("building gopls needs bash")
	}
	script, err := filepath.Abs(filepath.Join("..", "scripts", "build-gopls.sh"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "gopls")
	start := time.Now()
	out, err := command(t, ".", "bash", script, bin)
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, out)
	}
	t.Logf("built gopls with idemlint's checks in %v", time.Since(start).Round(time.Millisecond))
	return bin
}

// command runs name with args in dir and returns its combined output.
func command(t *testing.T, dir, name string, args ...string) (string, error) {
	t.Helper()
	return commandEnv(t, dir, nil, name, args...)
}

// commandEnv is command with the environment env (nil: this process's).
func commandEnv(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil && !errors.As(err, new(*exec.ExitError)) {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return out.String(), err
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lineOf returns the 1-based line of the only occurrence of s in src.
func lineOf(t *testing.T, src, s string) int {
	t.Helper()
	i := strings.Index(src, s)
	if i < 0 || strings.Count(src, s) != 1 {
		t.Fatalf("want exactly one %q in the source, found %d", s, strings.Count(src, s))
	}
	return strings.Count(src[:i], "\n") + 1
}
