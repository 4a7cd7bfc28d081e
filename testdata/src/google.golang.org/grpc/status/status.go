// Package status is a stub of google.golang.org/grpc/status (v1.85.0) for
// analysis tests.
package status

import (
	"fmt"

	"google.golang.org/grpc/codes"
)

// Status references a google.golang.org/genproto/googleapis/rpc/status
// message.
type Status struct {
	code codes.Code
	msg  string
}

func (s *Status) Err() error { return fmt.Errorf("rpc error: code = %d desc = %s", s.code, s.msg) }

// New returns a Status representing c and msg.
func New(c codes.Code, msg string) *Status { return &Status{code: c, msg: msg} }

// Error returns an error representing c and msg.
func Error(c codes.Code, msg string) error { return New(c, msg).Err() }

// Errorf returns Error(c, fmt.Sprintf(format, a...)).
func Errorf(c codes.Code, format string, a ...any) error {
	return Error(c, fmt.Sprintf(format, a...))
}
