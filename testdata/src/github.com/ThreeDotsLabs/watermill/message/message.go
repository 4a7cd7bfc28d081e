// Package message is a stub of github.com/ThreeDotsLabs/watermill/message v1.5.1.
package message

import (
	"context"
	"time"

	"github.com/ThreeDotsLabs/watermill"
)

type Payload []byte

type Metadata map[string]string

func (m Metadata) Get(key string) string { return m[key] }

type Message struct {
	UUID     string
	Metadata Metadata
	Payload  Payload
	ctx      context.Context
}

func NewMessage(uuid string, payload Payload) *Message {
	return &Message{UUID: uuid, Metadata: make(map[string]string), Payload: payload}
}

func (m *Message) Ack() bool                { return true }
func (m *Message) Nack() bool               { return true }
func (m *Message) Context() context.Context { return m.ctx }

type Publisher interface {
	Publish(topic string, messages ...*Message) error
	Close() error
}

type Subscriber interface {
	Subscribe(ctx context.Context, topic string) (<-chan *Message, error)
	Close() error
}

type HandlerFunc func(msg *Message) ([]*Message, error)

type NoPublishHandlerFunc func(msg *Message) error

type HandlerMiddleware func(h HandlerFunc) HandlerFunc

type RouterConfig struct {
	CloseTimeout time.Duration
}

type Router struct{}

func NewRouter(config RouterConfig, logger watermill.LoggerAdapter) (*Router, error) {
	return &Router{}, nil
}

func (r *Router) AddMiddleware(m ...HandlerMiddleware) {}

func (r *Router) AddHandler(
	handlerName string,
	subscribeTopic string,
	subscriber Subscriber,
	publishTopic string,
	publisher Publisher,
	handlerFunc HandlerFunc,
) *Handler {
	return &Handler{}
}

func (r *Router) AddConsumerHandler(
	handlerName string,
	subscribeTopic string,
	subscriber Subscriber,
	handlerFunc NoPublishHandlerFunc,
) *Handler {
	return &Handler{}
}

func (r *Router) AddNoPublisherHandler(
	handlerName string,
	subscribeTopic string,
	subscriber Subscriber,
	handlerFunc NoPublishHandlerFunc,
) *Handler {
	return &Handler{}
}

func (r *Router) Run(ctx context.Context) (err error) { return nil }

type Handler struct{}

func (h *Handler) AddMiddleware(m ...HandlerMiddleware) {}
