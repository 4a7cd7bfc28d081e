package checkdoc_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/internal/checkdoc"
)

// TestPackageDoc checks the textual reading of doc comments against
// go/ast on every doc.go of the module and on edge cases.
func TestPackageDoc(t *testing.T) {
	srcs := map[string]string{
		"directive": "//go:build linux\n\n// Package p does.\n//\n//go:generate x\n// More.\npackage p\n",
		"blanks":    "// Package p.\n//\n//\n//\tcode  \n//\n//\npackage p\n",
		"nodoc":     "package p\n",
		"detached":  "// Package p.\n\npackage p\n",
		"nospace":   "//Package p.\n//  two spaces\npackage p\n",
	}
	docs, err := filepath.Glob("../../*/*/doc.go")
	if err != nil || len(docs) < 15 {
		t.Fatalf("found %d doc.go files (%v), want at least 15", len(docs), err)
	}
	for _, name := range docs {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		srcs[name] = string(data)
	}
	for name, src := range srcs {
		f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := ""
		if f.Doc != nil {
			want = f.Doc.Text()
		}
		if got := checkdoc.PackageDoc(src); got != want {
			t.Errorf("%s: PackageDoc = %q, want %q", name, got, want)
		}
	}
}

// TestMustExtract checks every analyzer's Doc against its doc.go section.
func TestMustExtract(t *testing.T) {
	for _, a := range analyzers.All() {
		data, err := os.ReadFile(filepath.Join("../../analyzers", a.Name, "doc.go"))
		if err != nil {
			t.Fatal(err)
		}
		if got := checkdoc.MustExtract(string(data), a.Name); got != a.Doc || !strings.Contains(a.Doc, "\n\n") {
			t.Errorf("%s: Doc is not the doc.go section with its body:\n%s", a.Name, a.Doc)
		}
	}
	for _, src := range []string{"package p\n", "// Package p.\npackage p\n", "// Package p.\n//\n// # Analyzer x\n//\n// y: z\npackage p\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("MustExtract(%q, \"x\") did not panic", src)
				}
			}()
			checkdoc.MustExtract(src, "x")
		}()
	}
}
