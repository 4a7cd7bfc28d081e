package idemconsumer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemconsumer"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdemconsumer(t *testing.T) {
	analysistest.Run(t, testdata, idemconsumer.Analyzer,
		"idemconsumer/kafkago",
		"idemconsumer/amqp",
		"idemconsumer/sarama",
		"idemconsumer/nats",
		"idemconsumer/sqs",
		"idemconsumer/watermill",
		"idemconsumer/pubsub",
		"idemconsumer/confluent",
		"idemconsumer/configured",
		"idemconsumer/rpcclient",
	)
}
