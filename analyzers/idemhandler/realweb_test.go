package idemhandler_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestRealWeb runs the check over a module that imports the real
// gin-gonic/gin, labstack/echo/v4 and gofiber/fiber/v2, so the stubs in
// testdata/src cannot drift from them, then serves the module's apps with
// the real frameworks to check that the findings are the routes a
// duplicate request gets through. analysistest loads module testdata with
// GOPROXY=off, so the modules are downloaded first through the configured
// proxy.
func TestRealWeb(t *testing.T) {
	dir := filepath.Join(testdata, "realweb")
	moduletest.Download(t, dir)
	analysistest.Run(t, dir, idemhandler.Analyzer, "./...")

	// The routes reported are the routes a duplicate request reaches the
	// handler through when the apps are served by the real frameworks.
	serve := exec.Command("go", "test", "./serve/")
	serve.Dir = dir
	serve.Env = moduletest.Env()
	if out, err := serve.CombinedOutput(); err != nil {
		t.Fatalf("go test ./serve/ in %s: %v\n%s", dir, err, out)
	}
}
