package idemhandler_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestRPC runs the check over gRPC-Go servers and connect-go handlers
// built on the stubs in testdata/src.
func TestRPC(t *testing.T) {
	analysistest.Run(t, testdata, idemhandler.Analyzer, "idemhandler/grpc", "idemhandler/connect", "idemhandler/rpcevidence", "idemhandler/rpcclient", "idemhandler/rpcpolicy")
}

// TestRealRPC runs the check over a module that imports the real
// google.golang.org/grpc, connectrpc.com/connect and go-grpc-middleware v2
// selector, with generated code written in the shape protoc-gen-go-grpc
// and protoc-gen-connect-go produce, so the stubs cannot drift from them.
func TestRealRPC(t *testing.T) {
	dir := filepath.Join(testdata, "realrpc")
	moduletest.Download(t, dir)
	analysistest.Run(t, dir, idemhandler.Analyzer, "./grpcapp", "./connectapp", "./clientapp")
}
