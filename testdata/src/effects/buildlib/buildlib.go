// Package buildlib holds a response builder whose setters write through
// their receiver and return it: importers judge what they call them on.
package buildlib

import "net/http"

type Builder struct {
	w       http.ResponseWriter
	status  int
	headers map[string]string
}

// New returns a builder it made.
func New(w http.ResponseWriter) *Builder { // want New:`^effects\(\) returns fresh$`
	return &Builder{w: w, status: http.StatusOK, headers: make(map[string]string)}
}

func (b *Builder) WithStatus(code int) *Builder { // want WithStatus:`^effects\(\) writes\(recv\) returns recv$`
	b.status = code
	return b
}

func (b *Builder) WithHeader(k, v string) *Builder { // want WithHeader:`^effects\(\) writes\(recv\) returns recv$`
	b.headers[k] = v
	return b
}

// Write answers: it writes nothing the builder holds.
func (b *Builder) Write() {
	for k, v := range b.headers {
		b.w.Header().Set(k, v)
	}
	b.w.WriteHeader(b.status)
}

// Fill writes through its parameter.
func Fill(h map[string]string) { h["x"] = "1" } // want Fill:`^effects\(\) writes\(0\)$`

// Default is a builder every caller shares.
var Default = New(nil)

// All returns builders it made: importers may write through them.
func All(n int) []*Builder { // want All:`^effects\(\) returns fresh$`
	out := make([]*Builder, 0, n)
	for range n {
		out = append(out, New(nil))
	}
	return out
}

// Codes returns numbers it made: no fact.
func Codes() []int { return []int{200, 201} }
