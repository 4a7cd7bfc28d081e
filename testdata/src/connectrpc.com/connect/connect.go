// Package connect is a stub of connectrpc.com/connect (v1.21.1) for
// analysis tests. Exported signatures match the real module (interfaces
// keep only the methods the tests need); bodies do not serve.
package connect

import (
	"context"
	"net/http"
)

// IsAtLeastVersion1_13_0 is used in generated code to assert that the
// connect package is recent enough.
const IsAtLeastVersion1_13_0 = true

// Spec is a description of a client call or a handler invocation.
type Spec struct {
	Procedure        string
	IdempotencyLevel IdempotencyLevel
}

// Request is a wrapper around a message.
type Request[T any] struct {
	Msg *T
}

// Response is a wrapper around a message.
type Response[T any] struct {
	Msg *T
}

// NewResponse wraps the supplied message.
func NewResponse[T any](message *T) *Response[T] { return &Response[T]{Msg: message} }

// AnyRequest is the common method set of every Request, regardless of type
// parameter.
type AnyRequest interface {
	Any() any
	Spec() Spec
	Header() http.Header
}

// AnyResponse is the common method set of every Response, regardless of type
// parameter.
type AnyResponse interface {
	Any() any
	Header() http.Header
}

// ClientStream is the handler's view of a client streaming RPC.
type ClientStream[Req any] struct{}

// ServerStream is the handler's view of a server streaming RPC.
type ServerStream[Res any] struct{}

// BidiStream is the handler's view of a bidirectional streaming RPC.
type BidiStream[Req, Res any] struct{}

// StreamingHandlerConn is the server's view of a bidirectional message
// exchange.
type StreamingHandlerConn interface {
	Spec() Spec
}

// StreamingClientConn is the client's view of a bidirectional message
// exchange.
type StreamingClientConn interface {
	Spec() Spec
}

// UnaryFunc is the generic signature of a unary RPC.
type UnaryFunc func(context.Context, AnyRequest) (AnyResponse, error)

// StreamingClientFunc is the generic signature of a streaming RPC from the
// client's perspective.
type StreamingClientFunc func(context.Context, Spec) StreamingClientConn

// StreamingHandlerFunc is the generic signature of a streaming RPC from the
// handler's perspective.
type StreamingHandlerFunc func(context.Context, StreamingHandlerConn) error

// An Interceptor adds logic to a generated handler or client.
type Interceptor interface {
	WrapUnary(UnaryFunc) UnaryFunc
	WrapStreamingClient(StreamingClientFunc) StreamingClientFunc
	WrapStreamingHandler(StreamingHandlerFunc) StreamingHandlerFunc
}

// UnaryInterceptorFunc is a simple Interceptor implementation that only
// wraps unary RPCs.
type UnaryInterceptorFunc func(UnaryFunc) UnaryFunc

// WrapUnary implements Interceptor by applying the interceptor function.
func (f UnaryInterceptorFunc) WrapUnary(next UnaryFunc) UnaryFunc { return f(next) }

// WrapStreamingClient implements Interceptor with a no-op.
func (f UnaryInterceptorFunc) WrapStreamingClient(next StreamingClientFunc) StreamingClientFunc {
	return next
}

// WrapStreamingHandler implements Interceptor with a no-op.
func (f UnaryInterceptorFunc) WrapStreamingHandler(next StreamingHandlerFunc) StreamingHandlerFunc {
	return next
}

// An IdempotencyLevel is a value that declares how "idempotent" an RPC is.
type IdempotencyLevel int

const (
	// IdempotencyUnknown is the default idempotency level.
	IdempotencyUnknown IdempotencyLevel = 0
	// IdempotencyNoSideEffects is the idempotency level that specifies that a
	// given call has no side-effects.
	IdempotencyNoSideEffects IdempotencyLevel = 1
	// IdempotencyIdempotent is the idempotency level that specifies that a
	// given call is "idempotent", such that multiple instances of the same
	// request to this procedure would have the same side-effects as a single
	// request.
	IdempotencyIdempotent IdempotencyLevel = 2
)

type handlerConfig struct{}

type clientConfig struct{}

// A ClientOption configures a Client.
type ClientOption interface {
	applyToClient(*clientConfig)
}

// A HandlerOption configures a Handler.
type HandlerOption interface {
	applyToHandler(*handlerConfig)
}

// Option implements both ClientOption and HandlerOption.
type Option interface {
	ClientOption
	HandlerOption
}

type option struct{}

func (option) applyToClient(*clientConfig)   {}
func (option) applyToHandler(*handlerConfig) {}

// WithInterceptors configures a client or handler's interceptor stack.
func WithInterceptors(interceptors ...Interceptor) Option { return option{} }

// WithIdempotency declares the idempotency of the procedure.
func WithIdempotency(idempotencyLevel IdempotencyLevel) Option { return option{} }

// WithOptions composes multiple Options into one.
func WithOptions(options ...Option) Option { return option{} }

// WithHandlerOptions composes multiple HandlerOptions into one.
func WithHandlerOptions(options ...HandlerOption) HandlerOption { return option{} }

// WithSchema provides a parsed representation of the schema for an RPC.
func WithSchema(schema any) Option { return option{} }

// WithReadMaxBytes limits the performance impact of pathologically large
// messages sent by the other party.
func WithReadMaxBytes(maxBytes int) Option { return option{} }

// WithConditionalHandlerOptions allows procedures in the same service to have
// different configurations.
func WithConditionalHandlerOptions(conditional func(spec Spec) []HandlerOption) HandlerOption {
	return option{}
}

// A Handler is the server-side implementation of a single RPC defined by a
// service schema.
type Handler struct{}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(responseWriter http.ResponseWriter, request *http.Request) {}

// NewUnaryHandler constructs a Handler for a request-response procedure.
func NewUnaryHandler[Req, Res any](
	procedure string,
	unary func(context.Context, *Request[Req]) (*Response[Res], error),
	options ...HandlerOption,
) *Handler {
	return &Handler{}
}

// NewUnaryHandlerSimple constructs a Handler for a request-response procedure
// using the function signature associated with the "simple" generation option.
func NewUnaryHandlerSimple[Req, Res any](
	procedure string,
	unary func(context.Context, *Req) (*Res, error),
	options ...HandlerOption,
) *Handler {
	return &Handler{}
}

// NewServerStreamHandler constructs a Handler for a server streaming procedure.
func NewServerStreamHandler[Req, Res any](
	procedure string,
	implementation func(context.Context, *Request[Req], *ServerStream[Res]) error,
	options ...HandlerOption,
) *Handler {
	return &Handler{}
}

// A Code is one of the Connect protocol's error codes.
type Code uint32

const (
	CodeInvalidArgument  Code = 3
	CodeNotFound         Code = 5
	CodePermissionDenied Code = 7
	CodeUnauthenticated  Code = 16
)

// An Error captures four key pieces of information: a Code, an underlying
// Go error, a map of metadata, and an optional collection of arbitrary
// Protobuf messages called "details".
type Error struct {
	code Code
	err  error
}

// NewError annotates any Go error with a status code.
func NewError(c Code, underlying error) *Error { return &Error{code: c, err: underlying} }

func (e *Error) Error() string { return e.err.Error() }
