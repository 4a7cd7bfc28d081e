// Package grpc is a stub of google.golang.org/grpc (v1.85.0) for analysis
// tests. Exported signatures match the real module; bodies do not serve.
package grpc

import (
	"context"
	"net"
	"net/http"
)

// SupportPackageIsVersion9 is referenced from generated protocol buffer files
// to assert that that code is compatible with this version of the grpc package.
const SupportPackageIsVersion9 = true

// UnaryServerInfo consists of various information about a unary RPC on
// server side. All per-rpc information may be mutated by the interceptor.
type UnaryServerInfo struct {
	// Server is the service implementation the user provides. This is read-only.
	Server any
	// FullMethod is the full RPC method string, i.e., /package.service/method.
	FullMethod string
}

// UnaryHandler defines the handler invoked by UnaryServerInterceptor to complete the normal
// execution of a unary RPC.
type UnaryHandler func(ctx context.Context, req any) (any, error)

// UnaryServerInterceptor provides a hook to intercept the execution of a unary RPC on the server.
type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (resp any, err error)

// StreamServerInfo consists of various information about a streaming RPC on
// server side. All per-rpc information may be mutated by the interceptor.
type StreamServerInfo struct {
	// FullMethod is the full RPC method string, i.e., /package.service/method.
	FullMethod string
	// IsClientStream indicates whether the RPC is a client streaming RPC.
	IsClientStream bool
	// IsServerStream indicates whether the RPC is a server streaming RPC.
	IsServerStream bool
}

// StreamServerInterceptor provides a hook to intercept the execution of a streaming RPC on the server.
type StreamServerInterceptor func(srv any, ss ServerStream, info *StreamServerInfo, handler StreamHandler) error

// StreamHandler defines the handler called by gRPC server to complete the
// execution of a streaming RPC.
type StreamHandler func(srv any, stream ServerStream) error

// ServerStream defines the server-side behavior of a streaming RPC.
type ServerStream interface {
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

// ServerStreamingServer represents the server side of a server-streaming (one
// request, many responses) RPC.
type ServerStreamingServer[Res any] interface {
	Send(*Res) error
	ServerStream
}

// ClientStreamingServer represents the server side of a client-streaming (many
// requests, one response) RPC.
type ClientStreamingServer[Req any, Res any] interface {
	Recv() (*Req, error)
	SendAndClose(*Res) error
	ServerStream
}

// MethodHandler is a function type that processes a unary RPC method call.
type MethodHandler func(srv any, ctx context.Context, dec func(any) error, interceptor UnaryServerInterceptor) (any, error)

// MethodDesc represents an RPC service's method specification.
type MethodDesc struct {
	MethodName string
	Handler    MethodHandler
}

// StreamDesc represents a streaming RPC service's method specification.
type StreamDesc struct {
	StreamName    string        // the name of the method excluding the service
	Handler       StreamHandler // the handler called for the method
	ServerStreams bool          // indicates the server can perform streaming sends
	ClientStreams bool          // indicates the client can perform streaming sends
}

// ServiceDesc represents an RPC service's specification.
type ServiceDesc struct {
	ServiceName string
	// The pointer to the service interface. Used to check whether the user
	// provided implementation satisfies the interface requirements.
	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}

// ServiceRegistrar wraps a single method that supports service registration.
type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

// A ServerOption sets options such as credentials, codec and keepalive parameters, etc.
type ServerOption interface {
	apply(*serverOptions)
}

type serverOptions struct{}

type funcServerOption struct{ f func(*serverOptions) }

func (o *funcServerOption) apply(s *serverOptions) { o.f(s) }

// UnaryInterceptor returns a ServerOption that sets the UnaryServerInterceptor for the
// server. Only one unary interceptor can be installed.
func UnaryInterceptor(i UnaryServerInterceptor) ServerOption {
	return &funcServerOption{func(*serverOptions) {}}
}

// ChainUnaryInterceptor returns a ServerOption that specifies the chained interceptor
// for unary RPCs. The first interceptor will be the outer most.
func ChainUnaryInterceptor(interceptors ...UnaryServerInterceptor) ServerOption {
	return &funcServerOption{func(*serverOptions) {}}
}

// StreamInterceptor returns a ServerOption that sets the StreamServerInterceptor for the
// server. Only one stream interceptor can be installed.
func StreamInterceptor(i StreamServerInterceptor) ServerOption {
	return &funcServerOption{func(*serverOptions) {}}
}

// ChainStreamInterceptor returns a ServerOption that specifies the chained interceptor
// for streaming RPCs.
func ChainStreamInterceptor(interceptors ...StreamServerInterceptor) ServerOption {
	return &funcServerOption{func(*serverOptions) {}}
}

// MaxRecvMsgSize returns a ServerOption to set the max message size in bytes the server can receive.
func MaxRecvMsgSize(m int) ServerOption {
	return &funcServerOption{func(*serverOptions) {}}
}

// Server is a gRPC server to serve RPC requests.
type Server struct{}

// NewServer creates a gRPC server which has no service registered and has not
// started to accept requests yet.
func NewServer(opt ...ServerOption) *Server { return &Server{} }

// RegisterService registers a service and its implementation to the gRPC
// server. It is called from the IDL generated code.
func (s *Server) RegisterService(sd *ServiceDesc, ss any) {}

// Serve accepts incoming connections on the listener lis.
func (s *Server) Serve(lis net.Listener) error { return nil }

// ServeHTTP implements the Go standard library's http.Handler interface.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// GracefulStop stops the gRPC server gracefully.
func (s *Server) GracefulStop() {}

// MethodInfo contains the information of an RPC including its method name and type.
type MethodInfo struct {
	// Name is the method name only, without the service name or package name.
	Name string
	// IsClientStream indicates whether the RPC is a client streaming RPC.
	IsClientStream bool
	// IsServerStream indicates whether the RPC is a server streaming RPC.
	IsServerStream bool
}

// ServiceInfo contains unary RPC method info, streaming RPC method info and metadata for a service.
type ServiceInfo struct {
	Methods []MethodInfo
	// Metadata is the metadata specified in ServiceDesc when registering service.
	Metadata any
}

// GetServiceInfo returns a map from service names to ServiceInfo.
func (s *Server) GetServiceInfo() map[string]ServiceInfo { return nil }
