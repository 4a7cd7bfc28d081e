// Package body has functions whose bodies the effects walk summarises.
package body

import (
	"net/http"
	"strings"
)

// Plain calls only its own package and strings.
func Plain(s string) string { return strings.TrimSpace(helper(s)) }

func helper(s string) string { return s }

// Twice calls net/http twice and strings once.
func Twice(c *http.Client) { // want Twice:`effects\(http; sends POST https://example.com/a\)`
	c.Post("https://example.com/a", "text/plain", strings.NewReader(""))
	http.Post("https://example.com/b", "text/plain", nil)
}

// Nested has a loop and a call only in a function literal.
func Nested() func() {
	return func() {
		for range 3 {
			http.Get("https://example.com")
		}
	}
}

// Ranges ranges over a slice.
func Ranges(xs []string) (n int) {
	for _, x := range xs {
		n += len(x)
	}
	return n
}

// Typed names net/http only in types.
func Typed(h http.Handler) http.Handler { return h }
