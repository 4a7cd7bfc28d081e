package idemretry_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemretry"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestRealModules runs the check over a module that imports the real
// go-retryablehttp, backoff v4 and v5, retry-go v3, v4 and v5, go-retry,
// go-grpc-middleware v1 and v2, google/uuid and stripe-go, so the stubs in testdata/src cannot drift from them.
// analysistest loads module testdata with GOPROXY=off, so the modules are
// downloaded first through the configured proxy.
func TestRealModules(t *testing.T) {
	dir := filepath.Join(testdata, "realretry")
	moduletest.Download(t, dir)
	// budget holds idembudget's cases, which retry no operation of
	// idemretry's.
	analysistest.Run(t, dir, idemretry.Analyzer, "./app/...", "./more/...", "./older/...", "./loops/...", "./clients/...", "./consume/...")
}
