// Package consumers defines an analysis pass that finds the queue
// consumers of a package: where messages are received, with which delivery
// semantics, the code that handles each message, its side effects, and the
// dedup evidence that protects it. It does not report diagnostics.
//
// Entry points recognised, one file per library:
//
//   - segmentio/kafka-go: Reader.FetchMessage (at least once; the
//     application commits), Reader.ReadMessage of a group reader with a
//     CommitInterval (asynchronous commits; a plain group ReadMessage commits
//     before returning, at most once, and is not a consumer here);
//   - IBM/sarama and Shopify/sarama: ConsumeClaim methods of consumer group
//     handlers, and PartitionConsumer.Messages ranges;
//   - rabbitmq/amqp091-go: Channel.Consume and ConsumeWithContext with a
//     constant autoAck of false (autoAck true is at most once);
//   - nats.go: JetStream Subscribe, QueueSubscribe and pull Fetch, and the
//     jetstream package's Consumer.Consume, Messages, Fetch and Next (core
//     NATS Subscribe is at most once and is not a consumer here);
//   - aws-sdk-go-v2 SQS: Client.ReceiveMessage; aws-lambda-go: functions
//     taking an events.SQSEvent;
//   - ThreeDotsLabs/watermill: Router.AddHandler, AddNoPublisherHandler,
//     AddConsumerHandler, and ranges over Subscriber.Subscribe;
//   - cloud.google.com/go/pubsub v1 Subscription.Receive and v2
//     Subscriber.Receive;
//   - confluent-kafka-go v2: Consumer.ReadMessage and Poll;
//   - hibiken/asynq: ServeMux.HandleFunc and Handle, and Server.Run and
//     Start with a handler that is not a ServeMux (asynq retries failed
//     tasks: at least once);
//   - the functions and methods named by the consumers setting: a
//     service's own subscription abstraction (subscription.go).
//
// The handling of a message is the handler function (a literal or a
// function of the package), or, for receive loops, the statements that
// follow the receive call in its block. A handler the pass cannot see (a
// parameter, a function of another package, a wrapper it does not know) is
// marked Unknown.
//
// A consumer is protected when its handler passes through a consumer dedup
// wrapper (//idem:consumer or consumer-middleware), watermill's
// middleware.Deduplicator is installed on its router or handler, or a dedup
// claim (//idem:dedup or dedup) is called with a key derived from the
// message on every path before the first effect that is not naturally
// idempotent.
package consumers
