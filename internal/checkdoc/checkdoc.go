// Package checkdoc extracts an analyzer's documentation from the package
// doc comment of its doc.go, so that -help, pkg.go.dev and the README share
// one text.
package checkdoc

import (
	"fmt"
	"strings"
)

// MustExtract returns the section headed "# Analyzer NAME" of the package
// doc comment in src (the contents of a doc.go file), without the
// "NAME: " that starts it. It panics if the section is missing or does not
// start so, which a test catches for every analyzer.
//
// Every process that links a check runs this at initialisation (go vet
// starts one per package), so it reads the comment as text instead of
// parsing the file; a test checks it against go/ast's CommentGroup.Text.
func MustExtract(src, name string) string {
	text := PackageDoc(src)
	if text == "" {
		panic(fmt.Sprintf("checkdoc: %s: no package doc", name))
	}
	heading := "# Analyzer " + name + "\n"
	i := strings.Index(text, heading)
	if i < 0 {
		panic(fmt.Sprintf("checkdoc: %s: no %q heading", name, strings.TrimSpace(heading)))
	}
	text = text[i+len(heading):]
	if j := strings.Index(text, "\n# "); j >= 0 {
		text = text[:j]
	}
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, name+": ") {
		panic(fmt.Sprintf("checkdoc: %s: section must start with %q", name, name+": "))
	}
	return strings.TrimPrefix(text, name+": ")
}

// PackageDoc returns the text of the // comment lines directly above the
// package clause of src, as CommentGroup.Text returns it: markers, the
// first space of each line and trailing spaces removed, runs of blank
// lines reduced to one, no blank line first or last. Directives such as
// //go:build are left out.
func PackageDoc(src string) string {
	// The comment is the run of // lines that ends at the package clause.
	run, doc := -1, ""
	for off := 0; off < len(src); {
		line, _, _ := strings.Cut(src[off:], "\n")
		switch {
		case strings.HasPrefix(line, "//"):
			if run < 0 {
				run = off
			}
		case strings.HasPrefix(line, "package "):
			if run >= 0 {
				doc = src[run:off]
			}
			off = len(src)
			continue
		default:
			run = -1
		}
		off += len(line) + 1
	}
	var b strings.Builder
	b.Grow(len(doc))
	blank := false
	for l := range strings.Lines(doc) {
		l = strings.TrimPrefix(strings.TrimSuffix(l, "\n"), "//")
		if strings.HasPrefix(l, " ") {
			l = l[1:]
		} else if isDirective(l) {
			continue
		}
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// isDirective reports whether c, a line comment without its //, is a
// directive such as go:build or line, which CommentGroup.Text drops.
func isDirective(c string) bool {
	if strings.HasPrefix(c, "line ") || strings.HasPrefix(c, "extern ") || strings.HasPrefix(c, "export ") {
		return true
	}
	colon := strings.Index(c, ":")
	if colon <= 0 || colon+1 >= len(c) {
		return false
	}
	for i := range colon + 1 {
		if i == colon {
			continue
		}
		b := c[i]
		if !('a' <= b && b <= 'z' || '0' <= b && b <= '9') {
			return false
		}
	}
	b := c[colon+1]
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9'
}
