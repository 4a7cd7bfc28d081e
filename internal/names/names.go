// Package names classes functions and remote procedures by their names,
// where the analysis cannot see what they do: the verb a method's name
// starts with (passes/effects), and procedures that read as reads, served
// by an implementation the analysis cannot see (passes/routes) or called
// through a generated client (passes/effects).
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Verb returns the verb of verbs that name starts with as a whole
// camel-case word (Create in Create, CreateOrder and Create2; not in
// Created), or "".
func Verb(verbs []string, name string) string {
	for _, v := range verbs {
		rest, ok := strings.CutPrefix(name, v)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || unicode.IsUpper(r) || unicode.IsDigit(r) {
			return v
		}
	}
	return ""
}

// Method returns the method of a procedure's full name "/pkg.Service/Method",
// or name itself when it has no slash.
func Method(name string) string { return name[strings.LastIndex(name, "/")+1:] }

// readPrefixes are the method-name prefixes that read as reads. A prefix
// counts only as a whole camel-case word: "Checkout" and "Listen" are not
// reads, "CheckHealth" and "ListOrders" are.
var readPrefixes = []string{
	"Get", "BatchGet", "List", "Search", "Find", "Query", "Lookup", "Fetch",
	"Read", "Describe", "Count", "Check", "Watch", "Stream",
}

// ReadProcedure reports whether a procedure's method name, or the last
// element of its full name "/pkg.Service/Method", reads as a read.
func ReadProcedure(name string) bool { return Verb(readPrefixes, Method(name)) != "" }
