package main_test

// Tests of the contract-test gate of the inventory, run through the
// binary built by TestMain.

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const contractmod = "../../testdata/contractmod"

// gateLine is a route the gate lists: "FILE:LINE: METHOD PATH has no
// contract test".
var gateLine = regexp.MustCompile(`(?m)^(\S+):(\d+): ([A-Z]+ \S+) has no contract test$`)

// missingRoutes returns the routes the gate listed in stderr.
func missingRoutes(stderr string) []string {
	var out []string
	for _, m := range gateLine.FindAllStringSubmatch(stderr, -1) {
		out = append(out, m[3])
	}
	return out
}

// addTestFile writes a test file of package main in dir.
func addTestFile(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
}

func TestRequireContractTests(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, contractmod)
	r := run(t, dir, bin, "inventory", "-require-contract-tests", "./...")
	if r.code != 3 {
		t.Fatalf("want exit status 3\n%s", r)
	}
	if got, want := strings.Join(missingRoutes(r.stderr), "\n"), "PATCH /v1/carts/{cartID}\nPOST /v1/refunds"; got != want {
		t.Errorf("routes without a contract test:\n%s\nwant\n%s\n%s", got, want, r)
	}
	if !strings.Contains(r.stderr, "main_test.go:37: idemtest.TestRoute: the analysis cannot tell its route (Path is not a constant); mark the test //idem:contract METHOD PATH") ||
		!strings.Contains(r.stderr, "idemlint: 2 mutating routes have no contract test") {
		t.Errorf("no note on the unresolved call, or no summary\n%s", r)
	}
	// The table names each test; a route that needs none has an empty cell.
	for _, row := range []string{
		`POST +/v1/orders +.* main_test\.go:13$`,
		`POST +/v1/orders/\{orderID\}/cancel +.* main_test\.go:19$`,
		`POST +/v1/imports +.* main_test\.go:24$`,
		`PATCH +/v1/carts/\{cartID\} +.* missing$`,
		`POST +/v1/webhooks +.* exempt +ADR-0001 +the provider deduplicates its deliveries$`,
	} {
		if !regexp.MustCompile(`(?m)^` + row).MatchString(r.stdout) {
			t.Errorf("no row %s\n%s", row, r)
		}
	}
	for _, e := range inventoryOf(t, dir, "-all", "./...") {
		if (e.Kind != "route" || e.Method == "PUT" || e.Method == "GET" || e.Status == "exempt") != (e.Contract == "") {
			t.Errorf("%s %s (%s): contract %q", e.Method, e.Path, e.Status, e.Contract)
		}
	}

	// Without the flag, the same table and exit status 0.
	if r := run(t, dir, bin, "inventory", "./..."); r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "missing") {
		t.Errorf("without -require-contract-tests: want the table, status 0 and nothing on stderr\n%s", r)
	}

	// A test for each route: the gate passes.
	addTestFile(t, dir, "more_test.go", `package main

import "testing"

//idem:contract POST /v1/refunds
//idem:contract PATCH /v1/carts/c_1
func TestByHand(t *testing.T) {}
`)
	if r := run(t, dir, bin, "inventory", "-require-contract-tests", "./..."); r.code != 0 || strings.Contains(r.stdout, "missing") || len(missingRoutes(r.stderr)) > 0 {
		t.Errorf("with a test for each route: want exit status 0\n%s", r)
	}

	// A malformed directive fails the gate, which says why.
	addTestFile(t, dir, "bad_test.go", `package main

//idem:contract PATCH
`)
	r = run(t, dir, bin, "inventory", "-require-contract-tests", "./...")
	if r.code != 3 || !strings.Contains(r.stderr, "bad_test.go:3: //idem:contract has 1 words, want a method and a path") || len(missingRoutes(r.stderr)) > 0 {
		t.Errorf("a malformed directive: want exit status 3 and the directive\n%s", r)
	}

	// A test package that does not load leaves the column incomplete:
	// the inventory says so and prints the table, the gate fails.
	addTestFile(t, dir, "broken_test.go", "package main\n\nvar _ = undefinedName\n")
	if r := run(t, dir, bin, "inventory", "./..."); r.code != 0 || !strings.Contains(r.stderr, "undefinedName") || !strings.Contains(r.stdout, "CONTRACT") {
		t.Errorf("a test package that does not load: want the table, the error and exit status 0\n%s", r)
	}
	if r := run(t, dir, bin, "inventory", "-require-contract-tests", "./..."); r.code != 1 || !strings.Contains(r.stderr, "undefinedName") {
		t.Errorf("a test package that does not load: want the gate to fail with exit status 1\n%s", r)
	}
}

// TestShopContractTests checks the contract column and the gate on the
// example service: its unprotected routes have no contract test (their
// test shows that they break the contract), and marking tests of them
// makes the gate pass.
func TestShopContractTests(t *testing.T) {
	t.Parallel()
	needShop(t)
	for _, e := range inventoryOf(t, shop, "./...") {
		want := map[string]string{
			"POST /v1/charges":    "contract_test.go:",
			"POST /v1/orders":     "contract_test.go:",
			"POST /v1/events":     "contract_test.go:",
			"POST /v1/payouts":    "contract_test.go:",
			"POST /admin/rebuild": "contract_test.go:",
			"POST /v1/refunds":    "missing",
			"POST /v1/carts/":     "missing",
			"POST /admin/reindex": "missing",
		}[e.Method+" "+e.Path]
		if got := e.Contract; want == "" && got != "" || !strings.HasPrefix(strings.TrimPrefix(got, "examples/shop/cmd/shop/"), want) {
			t.Errorf("%s %s (%s): contract %q, want %q", e.Method, e.Path, e.Kind, got, want)
		}
	}

	r := run(t, ".", bin, "-C", shop, "inventory", "-require-contract-tests", "./...")
	if got, want := strings.Join(missingRoutes(r.stderr), "\n"), "POST /admin/reindex\nPOST /v1/refunds\nPOST /v1/carts/"; r.code != 3 || got != want {
		t.Errorf("want exit status 3 and the routes\n%s\ngot\n%s\n%s", want, got, r)
	}

	dir := copyDir(t, shop)
	addTestFile(t, filepath.Join(dir, "cmd", "shop"), "unprotected_test.go", `package main

// Contract tests written by hand.
//
//idem:contract POST /v1/refunds
//idem:contract POST /v1/carts/
//idem:contract POST /admin/reindex
`)
	if r := run(t, dir, bin, "inventory", "-require-contract-tests", "./..."); r.code != 0 {
		t.Errorf("with a contract test of each route: want exit status 0\n%s", r)
	}
}
