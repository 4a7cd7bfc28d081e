package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStandaloneExemptSetting checks the exempt setting in the standalone
// driver: an entry suppresses a finding everywhere a directive does, and
// an entry that suppressed nothing in a run that covers the
// configuration is a finding at its line.
func TestStandaloneExemptSetting(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, vetmod)
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
