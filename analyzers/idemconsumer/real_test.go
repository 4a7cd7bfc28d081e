package idemconsumer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemconsumer"
	"github.com/idemlint/idemlint/internal/moduletest"
)

// TestRealModules runs the check over a module that imports the real
// segmentio/kafka-go, IBM/sarama, rabbitmq/amqp091-go, nats.go (with the
// jetstream package), aws-sdk-go-v2 SQS, aws-lambda-go and watermill, so
// the stubs in testdata/src cannot drift from them. analysistest loads
// module testdata with GOPROXY=off, so the modules are downloaded first
// through the configured proxy.
func TestRealModules(t *testing.T) {
	if testing.Short() {
		t.Skip("loads real modules")
	}
	dir := filepath.Join(testdata, "realconsume")
	moduletest.Download(t, dir)
	analysistest.Run(t, dir, idemconsumer.Analyzer, "./app/...") // svc: see analyzers.TestOwnConsumers
}
