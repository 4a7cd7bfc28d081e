package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoVetConfigError checks that go vet shows an invalid configuration
// as the standalone driver does (file, line, key), on every run: go vet
// caches a unit that succeeds, and would replay it without the error.
// Once the configuration is fixed, the findings are those of a valid
// configuration: no unit cached facts computed without one.
func TestGoVetConfigError(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, vetmod)
	cfg := filepath.Join(dir, ".idemlint.yaml")
	if err := os.WriteFile(cfg, []byte("checks: [all]\nno-such-key: true\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		r := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
		out := r.stdout + r.stderr
		if r.code == 0 {
			t.Errorf("run %d: go vet exited 0 with an invalid configuration\n%s", i+1, r)
		}
		if !strings.Contains(out, `.idemlint.yaml:2: unknown key "no-such-key"`) {
			t.Errorf("run %d: go vet does not name the file, line and key\n%s", i+1, r)
		}
		if strings.Contains(out, "failed prerequisites") {
			t.Errorf("run %d: go vet prints failed prerequisites\n%s", i+1, r)
		}
		if ds := diagnostics(out); len(ds) > 0 {
			t.Errorf("run %d: an invalid configuration must not give findings, got %v", i+1, ds)
		}
	}

	if err := os.WriteFile(cfg, []byte("checks: [all]\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	checkFindings(t, r, r.stdout+r.stderr, readExpect(t, filepath.Join(vetmod, "EXPECT.txt")))
}

// TestGoVetRelativeConfig checks that a relative -config names a file
// relative to the directory go vet was started in, not to each package's
// directory, in which go vet runs the tool.
func TestGoVetRelativeConfig(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, vetmod)
	if err := os.WriteFile(filepath.Join(dir, "ci.yaml"), []byte("checks: [-idemhandler]\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	sub := subPackage(t, dir)
	for _, args := range [][]string{{"-config=../ci.yaml"}, {"-config", "../ci.yaml"}} {
		r := run(t, sub, "go", append(append([]string{"vet", "-vettool=" + bin}, args...), "../...")...)
		if r.code != 0 {
			t.Errorf("%v from a subdirectory: want exit status 0\n%s", args, r)
		}
		if ds := diagnostics(r.stdout + r.stderr); len(ds) > 0 {
			t.Errorf("%v from a subdirectory: want no finding (idemhandler disabled), got %v", args, ds)
		}
	}
	// From the subdirectory, ci.yaml is platform/ci.yaml, which does not
	// exist, whichever package's directory the tool runs in.
	r := run(t, sub, "go", "vet", "-vettool="+bin, "-config=ci.yaml", "../...")
	if r.code == 0 || !strings.Contains(r.stderr, filepath.Join("platform", "ci.yaml")) {
		t.Errorf("-config=ci.yaml from platform: want an error naming platform/ci.yaml\n%s", r)
	}
}

// TestStandaloneExemptSetting checks the exempt setting in the standalone
// driver: an entry suppresses a finding everywhere a directive does, and
// an entry that suppressed nothing in a run that covers the
// configuration is a finding at its line.
func TestStandaloneExemptSetting(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, vetmod)
	subPackage(t, dir)
	if err := os.MkdirAll(filepath.Join(dir, "docs", "adr"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "docs", "adr", "0003-payments-by-partner.md"), []byte("# ADR-0003\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	const cfg = `adr:
  dir: docs/adr
exempt:
  - paths: ['^/v1/payments$']
    checks: [idemhandler]
    adr: ADR-0003
    reason: only the partner calls it, once per payment
  - packages: [example.com/vetmod/internal/mockserver/...]
    adr: ADR-0003
    reason: test doubles
`
	if err := os.WriteFile(filepath.Join(dir, ".idemlint.yaml"), []byte(cfg), 0o666); err != nil {
		t.Fatal(err)
	}

	r := run(t, dir, bin, "./...")
	if r.code != 3 {
		t.Errorf("want exit status 3 (the unused entry is a finding)\n%s", r)
	}
	const unused = ".idemlint.yaml:8: idemexempt: exempt[1] (ADR-0003) suppresses nothing in this run"
	if strings.Count(r.stderr, unused) != 1 {
		t.Errorf("want %q once\n%s", unused, r)
	}
	if ds := diagnostics(r.stderr); len(ds) > 0 {
		t.Errorf("the exempt setting suppresses the payments finding; got %v", ds)
	}

	// Runs that cannot tell: one that does not cover the configuration's
	// directory, and one without idemexempt.
	for _, args := range [][]string{{"./platform/..."}, {"-idemhandler", "./..."}} {
		r := run(t, dir, bin, args...)
		if r.code != 0 || strings.Contains(r.stderr, "exempt[") {
			t.Errorf("%v: want exit status 0 and no judgement of the exempt setting\n%s", args, r)
		}
	}

	// The inventory lists the route as exempt, with the ADR and reason.
	r = run(t, dir, bin, "inventory", "-format=json", "./...")
	var inv struct {
		Entries []struct{ Kind, Method, Path, Status, ADR, Detail string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &inv); err != nil {
		t.Fatalf("inventory: %v\n%s", err, r)
	}
	found := false
	for _, e := range inv.Entries {
		if e.Path == "/v1/payments" && e.Method == "POST" {
			found = true
			if e.Status != "exempt" || e.ADR != "ADR-0003" || e.Detail != "only the partner calls it, once per payment" {
				t.Errorf("inventory entry of POST /v1/payments = %+v, want exempt by ADR-0003 with its reason", e)
			}
		}
	}
	if !found {
		t.Errorf("the inventory has no POST /v1/payments\n%s", r)
	}
}

// subPackage adds a package to the module copied into dir, in its
// subdirectory platform, and returns that directory: the packages of
// vetmod are all in its root, and a test may need a run started in, or
// limited to, a subdirectory.
func subPackage(t *testing.T, dir string) string {
	t.Helper()
	sub := filepath.Join(dir, "platform")
	if err := os.MkdirAll(sub, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "platform.go"), []byte("package platform\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	return sub
}
