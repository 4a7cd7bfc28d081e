// Package asynq is a stub of github.com/hibiken/asynq v0.26.0.
package asynq

import (
	"context"
	"time"
)

type Task struct {
	typename string
	payload  []byte
}

func NewTask(typename string, payload []byte, opts ...Option) *Task {
	return &Task{typename: typename, payload: payload}
}

func (t *Task) Type() string    { return t.typename }
func (t *Task) Payload() []byte { return t.payload }

type Handler interface {
	ProcessTask(context.Context, *Task) error
}

type HandlerFunc func(context.Context, *Task) error

func (fn HandlerFunc) ProcessTask(ctx context.Context, task *Task) error { return fn(ctx, task) }

type MiddlewareFunc func(Handler) Handler

type ServeMux struct{}

func NewServeMux() *ServeMux { return &ServeMux{} }

func (mux *ServeMux) ProcessTask(ctx context.Context, task *Task) error { return nil }
func (mux *ServeMux) Handle(pattern string, handler Handler)            {}
func (mux *ServeMux) HandleFunc(pattern string, handler func(context.Context, *Task) error) {
}
func (mux *ServeMux) Use(mws ...MiddlewareFunc) {}

type RedisConnOpt interface{}

type RedisClientOpt struct{ Addr string }

type Config struct {
	Concurrency int
}

type Server struct{}

func NewServer(r RedisConnOpt, cfg Config) *Server { return &Server{} }

func (srv *Server) Run(handler Handler) error   { return nil }
func (srv *Server) Start(handler Handler) error { return nil }
func (srv *Server) Shutdown()                   {}

type Option interface{}

func TaskID(id string) Option         { return id }
func Unique(ttl time.Duration) Option { return ttl }
func MaxRetry(n int) Option           { return n }

type TaskInfo struct{ ID string }

type Client struct{}

func NewClient(r RedisConnOpt) *Client { return &Client{} }

func (c *Client) EnqueueContext(ctx context.Context, task *Task, opts ...Option) (*TaskInfo, error) {
	return &TaskInfo{}, nil
}
