// Package reflection is a stub of google.golang.org/grpc/reflection
// (v1.85.0) for analysis tests.
package reflection

import "google.golang.org/grpc"

// ServiceInfoProvider is an interface used to retrieve metadata about the
// services to expose.
type ServiceInfoProvider interface {
	GetServiceInfo() map[string]grpc.ServiceInfo
}

// GRPCServer is the interface provided by a gRPC server.
type GRPCServer interface {
	grpc.ServiceRegistrar
	ServiceInfoProvider
}

// Register registers the server reflection service on the given gRPC server.
func Register(s GRPCServer) {}
