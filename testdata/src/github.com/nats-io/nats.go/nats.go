// Package nats is a stub of github.com/nats-io/nats.go v1.55.0.
package nats

import "time"

type Header map[string][]string

func (h Header) Get(key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

type Msg struct {
	Subject string
	Reply   string
	Header  Header
	Data    []byte
	Sub     *Subscription
}

func (m *Msg) Ack(opts ...AckOpt) error { return nil }
func (m *Msg) Nak(opts ...AckOpt) error { return nil }

type MsgHandler func(msg *Msg)

type Option func(*Options) error

type Options struct{ Url string }

type Conn struct{}

func Connect(url string, options ...Option) (*Conn, error) { return &Conn{}, nil }

func (nc *Conn) Publish(subj string, data []byte) error { return nil }

func (nc *Conn) PublishMsg(m *Msg) error { return nil }

func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) { return nil, nil }

func (nc *Conn) QueueSubscribe(subj, queue string, cb MsgHandler) (*Subscription, error) {
	return nil, nil
}

func (nc *Conn) JetStream(opts ...JSOpt) (JetStreamContext, error) { return nil, nil }

type Subscription struct{ Subject string }

func (sub *Subscription) Fetch(batch int, opts ...PullOpt) ([]*Msg, error) { return nil, nil }

func (sub *Subscription) NextMsg(timeout time.Duration) (*Msg, error) { return nil, nil }

func (sub *Subscription) Unsubscribe() error { return nil }

type JSOpt interface{ configureJSContext(opts *jsOpts) error }
type jsOpts struct{}

type PubOpt interface{ configurePublish(opts *pubOpts) error }
type pubOpts struct{}

type SubOpt interface{ configureSubscribe(opts *subOpts) error }
type subOpts struct{}

type PullOpt interface{ configurePull(opts *pullOpts) error }
type pullOpts struct{}

type AckOpt interface{ configureAck(opts *ackOpts) error }
type ackOpts struct{}

type subOptFn func(opts *subOpts) error

func (f subOptFn) configureSubscribe(opts *subOpts) error { return f(opts) }

func ManualAck() SubOpt { return subOptFn(func(*subOpts) error { return nil }) }

func Durable(consumer string) SubOpt { return subOptFn(func(*subOpts) error { return nil }) }

type PubAck struct {
	Stream   string
	Sequence uint64
}

type PubAckFuture interface {
	Ok() <-chan *PubAck
	Err() <-chan error
	Msg() *Msg
}

type JetStream interface {
	Publish(subj string, data []byte, opts ...PubOpt) (*PubAck, error)
	PublishMsg(m *Msg, opts ...PubOpt) (*PubAck, error)
	PublishAsync(subj string, data []byte, opts ...PubOpt) (PubAckFuture, error)
	PublishMsgAsync(m *Msg, opts ...PubOpt) (PubAckFuture, error)
	Subscribe(subj string, cb MsgHandler, opts ...SubOpt) (*Subscription, error)
	SubscribeSync(subj string, opts ...SubOpt) (*Subscription, error)
	QueueSubscribe(subj, queue string, cb MsgHandler, opts ...SubOpt) (*Subscription, error)
	PullSubscribe(subj, durable string, opts ...SubOpt) (*Subscription, error)
}

type JetStreamContext interface {
	JetStream
}
