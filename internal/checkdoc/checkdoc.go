// Package checkdoc extracts an analyzer's documentation from the package
// doc comment of its doc.go, so that -help, pkg.go.dev and the README share
// one text.
package checkdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract returns the section headed "# Analyzer NAME" of the package
// doc comment in src (the contents of a doc.go file), without the
// "NAME: " that starts it. It panics if the section is missing or does not
// start so, which a test catches for every analyzer.
func MustExtract(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("checkdoc: %s: no package doc: %v", name, err))
	}
	text := f.Doc.Text()
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
