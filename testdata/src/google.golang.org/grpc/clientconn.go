package grpc

import "context"

// Client side of google.golang.org/grpc v1.85.0.

type DialOption interface {
	apply(*dialOptions)
}

type dialOptions struct{}

type CallOption interface {
	before(*callInfo) error
	after(*callInfo, *csAttempt)
}

type callInfo struct{}

type csAttempt struct{}

type EmptyCallOption struct{}

func (EmptyCallOption) before(*callInfo) error      { return nil }
func (EmptyCallOption) after(*callInfo, *csAttempt) {}

type ClientConn struct{}

func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) { return nil, nil }

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

func (cc *ClientConn) Close() error { return nil }

func WithDefaultServiceConfig(s string) DialOption { return nil }

type UnaryInvoker func(ctx context.Context, method string, req, reply any, cc *ClientConn, opts ...CallOption) error

type UnaryClientInterceptor func(ctx context.Context, method string, req, reply any, cc *ClientConn, invoker UnaryInvoker, opts ...CallOption) error

func WithUnaryInterceptor(f UnaryClientInterceptor) DialOption { return nil }

func WithChainUnaryInterceptor(interceptors ...UnaryClientInterceptor) DialOption { return nil }

// ClientConnInterface is what generated clients call.
type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

type ClientStream interface {
	SendMsg(m any) error
	RecvMsg(m any) error
}

func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}

func StaticMethod() CallOption { return EmptyCallOption{} }

func WaitForReady(waitForReady bool) CallOption { return EmptyCallOption{} }
