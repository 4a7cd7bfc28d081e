package consumers_test

import (
	"fmt"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/passtest"
	"github.com/idemlint/idemlint/passes/consumers"
)

var deliveries = map[consumers.Delivery]string{consumers.AtLeastOnce: "at-least-once", consumers.AsyncCommit: "async-commit", consumers.AtMostOnce: "at-most-once"}

// summary gives what the model records of c: library, target, delivery,
// handler (its function, the lines of its statements relative to the
// consumer's, or unknown), message variable, and dedup evidence.
func summary(fset *token.FileSet, c *consumers.Consumer) string {
	var handler string
	switch {
	case c.Unknown:
		handler = "unknown"
	case c.Func != nil:
		handler = "func " + c.Func.Name()
	case len(c.Handler) > 0:
		line := fset.Position(c.Pos).Line
		handler = fmt.Sprintf("stmts %+d..%+d", fset.Position(c.Handler[0].Pos()).Line-line, fset.Position(c.Handler[len(c.Handler)-1].End()).Line-line)
	default:
		handler = "empty"
	}
	msg := "-"
	if c.Msg != nil {
		msg = c.Msg.Name()
	}
	dedup := "none"
	switch {
	case c.Protection != "" && c.Claim != nil:
		dedup = fmt.Sprintf("%s (claim line %d)", c.Protection, fset.Position(c.Claim.Pos()).Line)
	case c.Protection != "":
		dedup = c.Protection
	}
	target := c.Target
	if target == "" {
		target = "?"
	}
	return fmt.Sprintf("%s %s %s %s handler=%s msg=%s dedup=%s unprotected=%q", c.Library, c.Kind, target, deliveries[c.Delivery], handler, msg, dedup, c.Unprotected)
}

// TestConsumers checks the model of the consumer fixtures: for every
// consumer, keyed by the function that holds it (#2 for a second one),
// its library, target, delivery, handler, message variable and dedup
// evidence; and that the near misses of each package, which look like
// consuming, are not consumers.
func TestConsumers(t *testing.T) {
	want := map[string]map[string]string{
		"idemconsumer/kafkago": {
			"claimAfter":       `kafka-go topic orders at-least-once handler=stmts +1..+5 msg=m dedup=none unprotected="inserts into orders"`,
			"claimDecoded":     `kafka-go topic ? at-least-once handler=stmts +1..+11 msg=m dedup=dedup claim RedisStore.Claim (claim line 117) unprotected=""`,
			"claimFirst":       `kafka-go topic orders at-least-once handler=stmts +1..+9 msg=m dedup=dedup claim RedisStore.Claim (claim line 45) unprotected=""`,
			"claimInBranch":    `kafka-go topic ? at-least-once handler=stmts +1..+7 msg=m dedup=none unprotected="inserts into orders"`,
			"claimInIf":        `kafka-go topic ? at-least-once handler=stmts +1..+7 msg=m dedup=dedup claim RedisStore.Claim (claim line 60) unprotected=""`,
			"claimNotDerived":  `kafka-go topic ? at-least-once handler=stmts +1..+7 msg=m dedup=none unprotected="inserts into orders"`,
			"delegated":        `kafka-go topic ? at-least-once handler=stmts +1..+6 msg=m dedup=dedup claim RedisStore.Claim (claim line 125) unprotected=""`,
			"exempted":         `kafka-go topic ? at-least-once handler=stmts +1..+4 msg=m dedup=none unprotected="inserts into orders"`,
			"noEffects":        `kafka-go topic ? at-least-once handler=stmts +1..+4 msg=m dedup=none unprotected=""`,
			"readAsync":        `kafka-go topic payments async-commit handler=stmts +1..+4 msg=m dedup=none unprotected="inserts into orders"`,
			"readCommitsFirst": `kafka-go topic orders at-most-once handler=stmts +1..+4 msg=m dedup=none unprotected="inserts into orders"`,
			"unprotected":      `kafka-go topic orders at-least-once handler=stmts +1..+5 msg=m dedup=none unprotected="inserts into orders"`,
			"upsertOnly":       `kafka-go topic ? at-least-once handler=stmts +1..+5 msg=m dedup=none unprotected=""`,
			"wrapped":          `kafka-go topic ? at-least-once handler=stmts +1..+4 msg=m dedup=consumer middleware idem.Consumer unprotected=""`,
		},
		"idemconsumer/sarama": {
			"handler.ConsumeClaim":       `sarama topic ledger at-least-once handler=func ConsumeClaim msg=msg dedup=none unprotected="inserts into ledger"`,
			"oldHandler.ConsumeClaim":    `sarama topic ? at-least-once handler=func ConsumeClaim msg=msg dedup=none unprotected="inserts into audit"`,
			"partition":                  `sarama topic clicks at-least-once handler=stmts +1..+1 msg=m dedup=none unprotected="inserts into clicks"`,
			"safeHandler.ConsumeClaim":   `sarama topic ? at-least-once handler=func ConsumeClaim msg=msg dedup=dedup claim RedisStore.Claim (claim line 42) unprotected=""`,
			"selectHandler.ConsumeClaim": `sarama topic ? at-least-once handler=func ConsumeClaim msg=claim dedup=none unprotected="publishes to \"audit\""`,
		},
		"idemconsumer/amqp": {
			"claimed":          `amqp091 queue mails at-least-once handler=stmts +5..+10 msg=d dedup=dedup claim RedisStore.Claim (claim line 73) unprotected=""`,
			"consume":          `amqp091 queue emails at-least-once handler=stmts +5..+6 msg=d dedup=none unprotected="publishes to \"receipts\""`,
			"selecting":        `amqp091 queue orders at-least-once handler=stmts +9..+10 msg=d dedup=none unprotected="inserts into orders"`,
			"selectingClaimed": `amqp091 queue orders at-least-once handler=stmts +6..+9 msg=d dedup=dedup claim RedisStore.Claim (claim line 106) unprotected=""`,
			"withWorker":       `amqp091 queue mails at-least-once handler=stmts -10..-9 msg=d dedup=none unprotected="inserts into mails"`,
		},
		"idemconsumer/nats": {
			"batch":       `jetstream consumer ? at-least-once handler=stmts +1..+2 msg=msg dedup=none unprotected=""`,
			"consume":     `jetstream consumer shipper at-least-once handler=stmts +1..+2 msg=msg dedup=none unprotected="publishes to \"shipments.created\""`,
			"iterate":     `jetstream consumer ? at-least-once handler=stmts +1..+5 msg=msg dedup=none unprotected="inserts into events"`,
			"pull":        `nats subject payments.settled at-least-once handler=stmts +1..+7 msg=msgs dedup=none unprotected="inserts into payouts"`,
			"subscribe":   `nats subject events.created at-least-once handler=func handle msg=m dedup=none unprotected="inserts into events"`,
			"subscribe#2": `nats subject events.updated at-least-once handler=stmts +1..+4 msg=m dedup=dedup claim RedisStore.Claim (claim line 29) unprotected=""`,
		},
		"idemconsumer/watermill": {
			"deduplicated": `watermill topic orders at-least-once handler=func save msg=msg dedup=middleware.Deduplicator unprotected="inserts into orders"`,
			"raw":          `watermill topic invoices at-least-once handler=stmts +5..+6 msg=msg dedup=none unprotected="inserts into invoices"`,
			"setup":        `watermill topic orders at-least-once handler=func save msg=msg dedup=none unprotected="inserts into orders"`,
			"setup#2":      `watermill topic orders at-least-once handler=func forward msg=msg dedup=none unprotected="publishes to \"orders.copied\""`,
			"setup#3":      `watermill topic orders at-least-once handler=stmts +0..+0 msg=msg dedup=none unprotected=""`,
			"setup#4":      `watermill topic orders at-least-once handler=stmts +1..+4 msg=msg dedup=dedup claim RedisStore.Claim (claim line 36) unprotected=""`,
			"setup#5":      `watermill topic orders at-least-once handler=func save msg=msg dedup=middleware.Deduplicator unprotected="inserts into orders"`,
		},
		"idemconsumer/sqs": {
			"claimedHandler": `lambda queue ? at-least-once handler=func claimedHandler msg=ev dedup=dedup claim RedisStore.Claim (claim line 58) unprotected=""`,
			"handler":        `lambda queue ? at-least-once handler=func handler msg=ev dedup=none unprotected="inserts into refunds"`,
			"poll":           `sqs queue https://sqs.eu-west-1.amazonaws.com/1/refunds at-least-once handler=stmts +1..+7 msg=out dedup=none unprotected="sends POST https://psp.example.com/refunds"`,
			"pollClaimed":    `sqs queue https://sqs.eu-west-1.amazonaws.com/1/refunds at-least-once handler=stmts +1..+9 msg=out dedup=dedup claim RedisStore.Claim (claim line 41) unprotected=""`,
		},
		"idemconsumer/pubsub": {
			"receive":              `pubsub subscription billing-events at-least-once handler=stmts +1..+2 msg=m dedup=none unprotected="publishes to \"invoices\""`,
			"receiveV2":            `pubsub subscription billing-events at-least-once handler=stmts +1..+6 msg=m dedup=dedup claim RedisStore.Claim (claim line 27) unprotected=""`,
			"receiveV2Unprotected": `pubsub subscription billing-events at-least-once handler=func handleV2 msg=m dedup=none unprotected="inserts into invoices"`,
		},
		"idemconsumer/confluent": {
			"poll":        `confluent-kafka-go topic stock at-least-once handler=stmts +0..+5 msg=- dedup=none unprotected="updates stock"`,
			"pollClaimed": `confluent-kafka-go topic ? at-least-once handler=stmts +1..+8 msg=ev dedup=dedup claim RedisStore.Claim (claim line 47) unprotected=""`,
			"read":        `confluent-kafka-go topic orders at-least-once handler=stmts +1..+5 msg=m dedup=none unprotected="inserts into orders"`,
		},
		"idemconsumer/configured": {
			"claimed":     `amqp091 queue settlements at-least-once handler=stmts +5..+9 msg=d dedup=dedup claim Store.Claim (claim line 21) unprotected=""`,
			"unprotected": `amqp091 queue settlements at-least-once handler=stmts +5..+6 msg=d dedup=none unprotected="calls configured.settle"`,
			"wrapped":     `amqp091 queue settlements at-least-once handler=stmts +5..+6 msg=d dedup=consumer middleware idemcfg.Consumer unprotected=""`,
		},
		"consumers/model": {
			"kafkaClaimed":    `kafka-go topic ? at-least-once handler=stmts +1..+4 msg=m dedup=dedup claim RedisStore.Claim (claim line 53) unprotected=""`,
			"kafkaSyncCommit": `kafka-go topic audit at-most-once handler=stmts +1..+1 msg=m dedup=none unprotected="inserts into audit"`,
			"kafkaWrapped":    `kafka-go topic orders async-commit handler=stmts +1..+1 msg=m dedup=consumer middleware idem.Consumer unprotected=""`,
			"natsUnknown":     `nats subject orders at-least-once handler=unknown msg=- dedup=none unprotected=""`,
			"watermillRouter": `watermill topic orders at-least-once handler=func save msg=msg dedup=middleware.Deduplicator unprotected="inserts into orders"`,
		},
		"consumers/asynq": {
			"protectedMux": `asynq task type welcome:send at-least-once handler=func sendWelcome msg=t dedup=consumer middleware Dedup unprotected="inserts into mails"`,
			"runHandler":   `asynq task type ? at-least-once handler=func sendWelcome msg=t dedup=none unprotected="inserts into mails"`,
			"serve":        `asynq task type welcome:send at-least-once handler=func sendWelcome msg=t dedup=none unprotected="inserts into mails"`,
			"serve#2":      `asynq task type welcome:once at-least-once handler=func sendOnce msg=t dedup=dedup claim RedisStore.Claim (claim line 23) unprotected=""`,
			"serve#3":      `asynq task type invoice:create at-least-once handler=func ProcessTask msg=task dedup=none unprotected="inserts into invoices"`,
			"serve#4":      `asynq task type invoice:wrapped at-least-once handler=unknown msg=- dedup=consumer middleware Dedup unprotected=""`,
			"serve#5":      `asynq task type user:read at-least-once handler=stmts +1..+2 msg=t dedup=none unprotected=""`,
		},
		"consumers/nearmiss": {},
	}
	near := map[string][]string{
		"idemconsumer/kafkago":    {"newReader", "insert", "process"},
		"idemconsumer/sarama":     {"run", "notAHandler.ConsumeClaim", "handler.Setup"},
		"idemconsumer/amqp":       {"autoAck", "dynamicAck", "worker"},
		"idemconsumer/nats":       {"handle"},
		"idemconsumer/watermill":  {"save", "forward"},
		"idemconsumer/sqs":        {"main", "refund"},
		"idemconsumer/pubsub":     {"handleV2"},
		"idemconsumer/confluent":  {"produceOnly"},
		"idemconsumer/configured": {"settle"},
		"consumers/model":         {"save"},
		"consumers/asynq":         {"sendWelcome", "invoicer.ProcessTask", "Dedup", "enqueue"},
		"consumers/nearmiss":      {"lookAlike", "produce", "noGroup", "emptyGroup", "autoAck", "coreNATS", "publish", "drain"},
	}
	testdata, _ := filepath.Abs(filepath.Join("..", "..", "testdata"))
	got := passtest.Run(t, testdata, consumers.Analyzer, func(pass *analysis.Pass, result any) []passtest.Item {
		var items []passtest.Item
		for _, c := range result.(*consumers.Result).Consumers {
			items = append(items, passtest.Item{Pos: c.Pos, Desc: summary(pass.Fset, c)})
		}
		return items
	}, slices.Sorted(maps.Keys(want))...)
	passtest.Check(t, "consumer", got, want, near)
}
