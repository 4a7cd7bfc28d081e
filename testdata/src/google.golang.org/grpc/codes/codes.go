// Package codes is a stub of google.golang.org/grpc/codes (v1.85.0) for
// analysis tests.
package codes

// A Code is a status code defined according to the gRPC documentation.
type Code uint32

const (
	OK               Code = 0
	InvalidArgument  Code = 3
	NotFound         Code = 5
	PermissionDenied Code = 7
	Unimplemented    Code = 12
	Unauthenticated  Code = 16
)
