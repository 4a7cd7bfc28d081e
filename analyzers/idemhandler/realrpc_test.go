package idemhandler_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
)

// TestRPC runs the check over gRPC-Go servers and connect-go handlers
// built on the stubs in testdata/src.
func TestRPC(t *testing.T) {
	analysistest.Run(t, testdata, idemhandler.Analyzer, "idemhandler/grpc", "idemhandler/connect", "idemhandler/rpcevidence")
}

// TestRealRPC runs the check over a module that imports the real
// google.golang.org/grpc, connectrpc.com/connect and go-grpc-middleware v2
// selector, with generated code written in the shape protoc-gen-go-grpc
// and protoc-gen-connect-go produce, so the stubs cannot drift from them.
func TestRealRPC(t *testing.T) {
	dir := filepath.Join(testdata, "realrpc")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.Run(t, dir, idemhandler.Analyzer, "./grpcapp", "./connectapp")
}
