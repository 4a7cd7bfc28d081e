package idemoverkill_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemoverkill"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestRealRPC runs the check over the real gRPC-Go, connect-go and
// go-grpc-middleware v2 selector (module testdata/realrpc).
func TestRealRPC(t *testing.T) {
	dir := filepath.Join(testdata, "realrpc")
	moduletest.Download(t, dir)
	analysistest.Run(t, dir, idemoverkill.Analyzer, "./overkillapp")
}
