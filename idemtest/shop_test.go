package idemtest_test

import (
	"os"
	"os/exec"
	"testing"
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
	env := append(os.Environ(), "GOWORK=off")
	download := exec.Command("go", "mod", "download")
	download.Dir, download.Env = dir, env
	if out, err := download.CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
		}
		t.Skipf("the example's dependencies cannot be downloaded (offline?): %v\n%s", err, out)
	}
	test := exec.Command("go", "test", "./...")
	test.Dir, test.Env = dir, env
	if out, err := test.CombinedOutput(); err != nil {
		t.Fatalf("go test ./... in %s: %v\n%s", dir, err, out)
	}
}
