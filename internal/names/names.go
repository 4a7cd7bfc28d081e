// Package rpcname classes remote procedures by their names, where the
// analysis cannot see what a procedure does: a procedure served by an
// implementation it cannot see (passes/routes), and a procedure called
// through a generated client (passes/effects).
package rpcname

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// readPrefixes are the method-name prefixes that read as reads. A prefix
// counts only as a whole camel-case word: "Checkout" and "Listen" are not
// reads, "CheckHealth" and "ListOrders" are.
var readPrefixes = []string{
	"Get", "BatchGet", "List", "Search", "Find", "Query", "Lookup", "Fetch",
	"Read", "Describe", "Count", "Check", "Watch", "Stream",
}

// Read reports whether an RPC's method name, or the last element of its
// full name "/pkg.Service/Method", reads as a read.
func Read(name string) bool {
	return Prefixed(readPrefixes, name)
}

// Prefixed reports whether the method name of name (the last element of
// "/pkg.Service/Method") starts with one of prefixes as a whole camel-case
// word.
func Prefixed(prefixes []string, name string) bool {
	name = name[strings.LastIndex(name, "/")+1:]
	for _, p := range prefixes {
		rest, ok := strings.CutPrefix(name, p)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
