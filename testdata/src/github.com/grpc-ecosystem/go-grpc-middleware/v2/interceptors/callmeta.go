// Package interceptors is a stub of
// github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors (v2.3.4) for
// analysis tests. Exported signatures match the real module.
package interceptors

import "fmt"

// GRPCType is the type of a gRPC call.
type GRPCType string

// CallMeta describes a gRPC call.
type CallMeta struct {
	ReqOrNil any
	Typ      GRPCType
	Service  string
	Method   string
	IsClient bool
}

// FullMethod returns "/service/method".
func (c CallMeta) FullMethod() string {
	return fmt.Sprintf("/%s/%s", c.Service, c.Method)
}
