package idemtest_test

import (
	"os/exec"
	"testing"

	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestExampleShop runs the tests of the example service, a module of its
// own: the contract of the platform middleware with its SQL store on an
// embedded SQLite, which passes, and of broken variants of it, each
// failing exactly the scenarios it breaks; and the contract test of each
// mutating route of the service.
func TestExampleShop(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example service and an embedded database")
	}
	t.Parallel()
	const dir = "../examples/shop"
	moduletest.Download(t, dir)
	test := exec.Command("go", "test", "./...")
	test.Dir, test.Env = dir, moduletest.Env()
	if out, err := test.CombinedOutput(); err != nil {
		t.Fatalf("go test ./... in %s: %v\n%s", dir, err, out)
	}
}
