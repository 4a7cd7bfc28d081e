package effects

import (
	"go/ast"

	"github.com/idemlint/idemlint/passes/syntax"
)

// Message publishes: segmentio/kafka-go, IBM/sarama and Shopify/sarama,
// confluent-kafka-go v2, aws-sdk-go-v2 SQS and SNS, nats.go (core,
// JetStream and the jetstream package), rabbitmq/amqp091-go,
// cloud.google.com/go/pubsub v1 and v2, ThreeDotsLabs/watermill.
func init() {
	register(
		api{"github.com/segmentio/kafka-go", "Writer", []string{"WriteMessages"}, kafkaGoWrite},
		api{"github.com/segmentio/kafka-go", "Conn", []string{"WriteMessages", "WriteCompressedMessages", "Write"}, publishTo("")},

		api{"github.com/confluentinc/confluent-kafka-go/kafka", "Producer", []string{"Produce", "ProduceChannel"}, confluentProduce},

		api{"github.com/aws/aws-sdk-go-v2/service/sqs", "Client", []string{"SendMessage", "SendMessageBatch"}, fieldTarget(1, "QueueUrl")},
		api{"github.com/aws/aws-sdk-go-v2/service/sns", "Client", []string{"Publish", "PublishBatch"}, fieldTarget(1, "TopicArn")},

		api{"github.com/nats-io/nats.go", "Conn", []string{"Publish", "PublishMsg", "PublishRequest"}, publishArg(0)},
		api{"github.com/nats-io/nats.go", "EncodedConn", []string{"Publish"}, publishArg(0)},
		api{"github.com/nats-io/nats.go", "JetStreamContext", []string{"Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync"}, publishArg(0)},
		api{"github.com/nats-io/nats.go", "JetStream", []string{"Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync"}, publishArg(0)},
		api{"github.com/nats-io/nats.go/jetstream", "*", []string{"Publish", "PublishMsg"}, publishArg(1)},
		api{"github.com/nats-io/nats.go/jetstream", "*", []string{"PublishAsync", "PublishMsgAsync"}, publishArg(0)},

		api{"github.com/rabbitmq/amqp091-go", "Channel", []string{"Publish", "PublishWithDeferredConfirm"}, amqpPublish(0)},
		api{"github.com/rabbitmq/amqp091-go", "Channel", []string{"PublishWithContext", "PublishWithDeferredConfirmWithContext"}, amqpPublish(1)},

		api{"cloud.google.com/go/pubsub", "Topic", []string{"Publish"}, pubsubPublish},
		api{"cloud.google.com/go/pubsub", "Publisher", []string{"Publish"}, pubsubPublish},

		api{"github.com/ThreeDotsLabs/watermill/message", "Publisher", []string{"Publish"}, publishArg(0)},
	)
	for _, path := range []string{"github.com/IBM/sarama", "github.com/Shopify/sarama"} {
		register(
			api{path, "SyncProducer", []string{"SendMessage", "SendMessages"}, saramaSend},
			api{path, "AsyncProducer", []string{"Input"}, publishTo("")},
		)
	}
}

// publishTo returns a publish effect naming target when it is not "".
func publishTo(target string) classifier {
	return func(*site) (effect, bool) { return publishEffect(target), true }
}

func publishEffect(target string) effect {
	desc := "publishes a message"
	if target != "" {
		desc = "publishes to " + quoted(target)
	}
	return effect{kind: Publish, desc: desc}
}

// publishArg names the topic or subject given as the i-th argument.
func publishArg(i int) classifier {
	return func(s *site) (effect, bool) {
		t, _ := s.str(i)
		if t == "" {
			t, _ = s.in.fieldString(s.arg(i), "Subject")
		}
		return publishEffect(t), true
	}
}

// fieldTarget names the target held in a field of the i-th argument.
func fieldTarget(i int, field string) classifier {
	return func(s *site) (effect, bool) {
		t, _ := s.in.fieldString(s.arg(i), field)
		return publishEffect(t), true
	}
}

// kafkaGoWrite names the topic of the writer (kafka.Writer{Topic: ...}) or
// of the first message.
func kafkaGoWrite(s *site) (effect, bool) {
	if t, ok := s.in.fieldString(s.recv(), "Topic"); ok {
		return publishEffect(t), true
	}
	if t, ok := s.in.fieldString(s.arg(1), "Topic"); ok {
		return publishEffect(t), true
	}
	return publishEffect(""), true
}

func saramaSend(s *site) (effect, bool) {
	t, _ := s.in.fieldString(s.arg(0), "Topic")
	return publishEffect(t), true
}

// confluentProduce names the topic of &kafka.Message{TopicPartition:
// kafka.TopicPartition{Topic: &topic}} when topic is a constant.
func confluentProduce(s *site) (effect, bool) {
	lit := s.in.compositeOf(s.arg(0))
	if lit != nil {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "TopicPartition" {
					if t, ok := s.in.fieldString(kv.Value, "Topic"); ok {
						return publishEffect(t), true
					}
					if tp := s.in.compositeOf(kv.Value); tp != nil {
						for _, e := range tp.Elts {
							if kv, ok := e.(*ast.KeyValueExpr); ok {
								if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Topic" {
									if u, ok := ast.Unparen(kv.Value).(*ast.UnaryExpr); ok {
										if id := identOf(u.X); id != nil {
											if t, ok := s.in.stringish(s.in.definition(s.in.pass.TypesInfo.Uses[id])); ok {
												return publishEffect(t), true
											}
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
	return publishEffect(""), true
}

// amqpPublish names the routing key, or the exchange, given from index i.
func amqpPublish(i int) classifier {
	return func(s *site) (effect, bool) {
		if key, ok := s.str(i + 1); ok && key != "" {
			return publishEffect(key), true
		}
		t, _ := s.str(i)
		return publishEffect(t), true
	}
}

// pubsubPublish names the topic of client.Topic("t").Publish or
// client.Publisher("t").Publish, directly or through a variable.
func pubsubPublish(s *site) (effect, bool) {
	x := s.recv()
	for range syntax.MaxDepth {
		if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) > 0 &&
				(sel.Sel.Name == "Topic" || sel.Sel.Name == "Publisher" || sel.Sel.Name == "TopicInProject") {
				t, _ := s.in.constString(call.Args[0])
				return publishEffect(t), true
			}
			break
		}
		id := identOf(x)
		if id == nil {
			break
		}
		x = s.in.definition(s.in.pass.TypesInfo.Uses[id])
	}
	return publishEffect(""), true
}
