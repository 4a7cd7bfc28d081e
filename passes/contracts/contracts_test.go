package contracts_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/passes/contracts"
)

// idemtestImporter imports the idemtest package from its source in this
// repository, and every other package as the compiler does.
type idemtestImporter struct {
	fset *token.FileSet
	std  types.Importer
	pkg  *types.Package
}

func (im *idemtestImporter) Import(path string) (*types.Package, error) {
	if path != "github.com/idemlint/idemlint/idemtest" {
		return im.std.Import(path)
	}
	if im.pkg != nil {
		return im.pkg, nil
	}
	names, err := filepath.Glob(filepath.Join("..", "..", "idemtest", "*.go"))
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(im.fset, name, nil, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	im.pkg, err = (&types.Config{Importer: im.std}).Check(path, im.fset, files, nil)
	return im.pkg, err
}

// find type-checks the files, given by name and text, as one package and
// returns the contract tests found in them.
func find(t *testing.T, files map[string]string) (*contracts.Result, *token.FileSet) {
	t.Helper()
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f, err := parser.ParseFile(fset, name, files[name], parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue),
		Defs:  make(map[*ast.Ident]types.Object),
		Uses:  make(map[*ast.Ident]types.Object),
	}
	conf := &types.Config{Importer: &idemtestImporter{fset: fset, std: importer.Default()}}
	if _, err := conf.Check("example.com/shop", fset, parsed, info); err != nil {
		t.Fatal(err)
	}
	r := &contracts.Result{}
	r.Find(fset, parsed, info)
	return r, fset
}

const header = `package shop

import (
	"net/http"
	"testing"

	"github.com/idemlint/idemlint/idemtest"
)

var router http.Handler

const paymentsPath = "/v1/payments"

func count() int { return 0 }
`

func TestFind(t *testing.T) {
	r, fset := find(t, map[string]string{
		"contract_test.go": header + `
func TestCharges(t *testing.T) {
	idemtest.TestRoute(t, router, idemtest.Contract{Method: http.MethodPost, Path: "/v1/charges", Effects: count})
}

func TestPayments(t *testing.T) {
	c := idemtest.Contract{Method: "POST", Path: paymentsPath + "/{id}/capture", Effects: count}
	c.Skip = idemtest.StoreDown
	idemtest.TestRoute(t, router, c)
}

func TestDeclared(t *testing.T) {
	var c = idemtest.Contract{Method: "PATCH", Path: "/v1/carts/c_1"}
	t.Run("sub", func(t *testing.T) { idemtest.TestRoute(t, router, c) })
}

// A check is no test: it fails nothing.
func TestChecked(t *testing.T) {
	idemtest.CheckRoute(router, idemtest.Contract{Method: "POST", Path: "/v1/refunds"})
}

//idem:contract POST /v1/webhooks/{provider}
func TestWebhookByHand(t *testing.T) {}

func TestUnresolved(t *testing.T) {
	for _, path := range []string{"/v1/a", "/v1/b"} {
		idemtest.TestRoute(t, router, idemtest.Contract{Method: "POST", Path: path})
	}
	c := idemtest.Contract{Method: "POST", Path: "/v1/changed"}
	c.Path = "/v1/elsewhere"
	idemtest.TestRoute(t, router, c)
	idemtest.TestRoute(t, router, contract())
	idemtest.TestRoute(t, router, idemtest.Contract{Path: "/v1/no-method"})
	d := idemtest.Contract{Method: "POST", Path: "/v1/addressed"}
	mutate(&d)
	idemtest.TestRoute(t, router, d)
}

func contract() idemtest.Contract { return idemtest.Contract{} }

func mutate(*idemtest.Contract) {}

//idem:contract POST
// idem:contract POST /v1/spaced
//idem:contract post /v1/lower
`,
		"routes.go": `package shop

//idem:contract POST /v1/not-in-a-test-file
`,
	})
	var got []string
	for _, c := range r.Tests {
		got = append(got, fmt.Sprintf("%d: %s %s", fset.Position(c.Pos).Line, c.Method, c.Path))
	}
	want := []string{
		"36: POST /v1/webhooks/{provider}", // directives come first
		"17: POST /v1/charges",
		"23: POST /v1/payments/{id}/capture",
		"28: PATCH /v1/carts/c_1",
	}
	sameLines(t, "tests", got, want)

	got = nil
	for _, u := range r.Unresolved {
		got = append(got, fmt.Sprintf("%d: %s", fset.Position(u.Pos).Line, u.Why))
	}
	want = []string{
		"41: Path is not a constant",
		"45: the Contract c is not a literal left unchanged",
		"46: the Contract is not a literal",
		"47: the Contract has no Method",
		"50: the Contract d is not a literal left unchanged",
	}
	sameLines(t, "unresolved", got, want)

	got = nil
	for _, p := range r.Problems {
		got = append(got, fmt.Sprintf("%d: %s", fset.Position(p.Pos).Line, p.Message))
	}
	want = []string{
		"57: //idem:contract has 1 words, want a method and a path; write //idem:contract METHOD PATH, such as //idem:contract POST /v1/charges",
		"58: // idem:contract has a space after //, so Go tools do not treat it as a directive; write //idem:contract",
		`59: //idem:contract has method "post", want an upper-case HTTP method; write //idem:contract METHOD PATH, such as //idem:contract POST /v1/charges`,
	}
	sameLines(t, "problems", got, want)
}

// sameLines fails t when got and want differ.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n%s\nwant\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFindWithoutIdemtest checks that a test file that does not import
// idemtest contributes its directives only.
func TestFindWithoutIdemtest(t *testing.T) {
	r, _ := find(t, map[string]string{"a_test.go": `package shop

import "testing"

//idem:contract DELETE /v1/carts/{cartID}
func TestCart(t *testing.T) {}
`})
	if len(r.Tests) != 1 || r.Tests[0].Method != "DELETE" || len(r.Unresolved)+len(r.Problems) != 0 {
		t.Errorf("got %+v", r)
	}
}

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		method, path     string // the test's
		routeMethod, pat string // the route's
		covers           bool
	}{
		{"POST", "/v1/charges", "POST", "/v1/charges", true},
		{"POST", "/v1/charges?expand=customer", "POST", "/v1/charges", true},
		{"POST", "/v1/charges", "PATCH", "/v1/charges", false},
		{"POST", "/v1/charges", "ANY", "/v1/charges", true},
		{"POST", "/v1/charges", "", "/v1/charges", true},
		{"POST", "/v1/charges/", "POST", "/v1/charges", false},
		{"POST", "/v1/charge", "POST", "/v1/charges", false},
		{"POST", "/v1/carts/", "POST", "/v1/carts/", true},
		{"POST", "/v1/carts", "POST", "/v1/carts/", false},
		{"POST", "/v1/charges/ch_1/capture", "POST", "/v1/charges/{chargeID}/capture", true},
		{"POST", "/v1/charges/ch_1/capture", "POST", "/v1/charges/{id:[a-z0-9_]+}/capture", true},
		{"POST", "/v1/charges/ch_1/capture", "POST", "/v1/charges/:id/capture", true},
		{"POST", "/v1/charges//capture", "POST", "/v1/charges/{chargeID}/capture", false},
		{"POST", "/v1/charges/ch_1/refund", "POST", "/v1/charges/{chargeID}/capture", false},
		{"POST", "/v1/charges/{chargeID}/capture", "POST", "/v1/charges/{chargeID}/capture", true},
		{"POST", "/files/a/b/c", "POST", "/files/{path...}", true},
		{"POST", "/files/a/b/c", "POST", "/files/*", true},
		{"POST", "/files/a/b/c", "POST", "/files/*filepath", true},
		{"POST", "/files", "POST", "/files/*", false},
		{"POST", "/v1/items/", "POST", "/v1/items/{$}", true},
		{"POST", "/v1/items/x", "POST", "/v1/items/{$}", false},
	} {
		test := contracts.Test{Method: tc.method, Path: tc.path}
		if got := test.Covers(tc.routeMethod, tc.pat); got != tc.covers {
			t.Errorf("%s %s covers %s %s = %v, want %v", tc.method, tc.path, tc.routeMethod, tc.pat, got, tc.covers)
		}
	}
}
