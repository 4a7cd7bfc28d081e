// Package jetstream is a stub of github.com/nats-io/nats.go/jetstream v1.55.0.
package jetstream

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"
)

type (
	JetStream interface {
		Conn() *nats.Conn
		StreamConsumerManager
		Publisher
	}

	Publisher interface {
		Publish(ctx context.Context, subject string, payload []byte, opts ...PublishOpt) (*PubAck, error)
		PublishMsg(ctx context.Context, msg *nats.Msg, opts ...PublishOpt) (*PubAck, error)
	}

	StreamConsumerManager interface {
		CreateOrUpdateConsumer(ctx context.Context, stream string, cfg ConsumerConfig) (Consumer, error)
		Consumer(ctx context.Context, stream string, consumer string) (Consumer, error)
	}

	JetStreamOpt     func(*JetStreamOptions) error
	JetStreamOptions struct{}

	PublishOpt func(*pubOpts) error
	pubOpts    struct{}

	PubAck struct {
		Stream   string `json:"stream"`
		Sequence uint64 `json:"seq"`
	}

	ConsumerConfig struct {
		Name          string `json:"name,omitempty"`
		Durable       string `json:"durable_name,omitempty"`
		FilterSubject string `json:"filter_subject,omitempty"`
	}

	Consumer interface {
		Fetch(batch int, opts ...FetchOpt) (MessageBatch, error)
		FetchNoWait(batch int) (MessageBatch, error)
		Consume(handler MessageHandler, opts ...PullConsumeOpt) (ConsumeContext, error)
		Messages(opts ...PullMessagesOpt) (MessagesContext, error)
		Next(opts ...FetchOpt) (Msg, error)
	}

	Msg interface {
		Data() []byte
		Headers() nats.Header
		Subject() string
		Reply() string
		Ack() error
		DoubleAck(context.Context) error
		Nak() error
		NakWithDelay(delay time.Duration) error
		InProgress() error
		Term() error
	}

	MessageHandler func(msg Msg)

	PullConsumeOpt interface {
		configureConsume(*consumeOpts) error
	}
	consumeOpts struct{}

	PullMessagesOpt interface {
		configureMessages(*consumeOpts) error
	}

	FetchOpt    func(*pullRequest) error
	pullRequest struct{}

	NextOpt interface {
		configureNext(*nextOpts)
	}
	nextOpts struct{}

	MessagesContext interface {
		Next(opts ...NextOpt) (Msg, error)
		Stop()
		Drain()
	}

	MessageBatch interface {
		Messages() <-chan Msg
		Error() error
	}

	ConsumeContext interface {
		Stop()
		Drain()
		Closed() <-chan struct{}
	}
)

func New(nc *nats.Conn, opts ...JetStreamOpt) (JetStream, error) { return nil, nil }
