// Package chains builds the platform's alice chains, which services wrap
// their handlers in.
package chains

import (
	"net/http"

	"github.com/justinas/alice"

	"example.com/platform/idem"
)

// Writes is the chain for handlers that write: idempotency included.
func Writes() alice.Chain { return alice.New(logRequests, idem.Middleware) }

// Reads is the chain for handlers that read.
func Reads() alice.Chain { return alice.New(logRequests) }

func logRequests(next http.Handler) http.Handler { return next }
