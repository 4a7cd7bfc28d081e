package main

import (
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDispatch checks which runs go to the multichecker: the units of go
// vet and go fix, and its -flags and -V queries. The others are
// idemlint's own.
func TestDispatch(t *testing.T) {
	for _, args := range [][]string{
		{"-flags"},
		{"-V=full"},
		{"-config", "inventory.yaml", "x.cfg"},
		{"-fix", "x.cfg"},
	} {
		if code, handled := dispatch(args, io.Discard, io.Discard); handled || code != 0 {
			t.Errorf("dispatch(%q) = %d, %v; want it left to the multichecker", args, code, handled)
		}
	}
	for _, tc := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"-format=xml", "./..."}, exitError, "xml"},
		{[]string{"-diff", "./..."}, exitError, "-diff needs -fix"},
		{[]string{"-write-baseline", "./..."}, exitError, "-write-baseline needs -baseline"},
		{[]string{"help"}, exitClean, "idemhandler"},
		{[]string{"help", "idemttl"}, exitClean, "min-ttl"},
		{[]string{"help", "nosuchcheck"}, exitError, "nosuchcheck"},
		{[]string{"-h"}, exitClean, "-baseline"},
	} {
		var out strings.Builder
		code, handled := dispatch(tc.args, &out, &out)
		if !handled || code != tc.code || !strings.Contains(out.String(), tc.out) {
			t.Errorf("dispatch(%q) = %d, %v, output %q; want status %d and %q", tc.args, code, handled, out.String(), tc.code, tc.out)
		}
	}
}

func TestEnclosingFunc(t *testing.T) {
	const src = `package p

var v = f()

func f() int { return 1 }

type T[P any] struct{}

func (t *T[P]) M() { _ = func() {} }

func init() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) token.Pos { return f.FileStart + token.Pos(strings.Index(src, s)) }
	for s, want := range map[string]string{
		"f()\n":       "(package)",
		"return 1":    "f",
		"func() {}":   "T.M",
		"init() {}":   "init",
		"package p\n": "(package)",
	} {
		if got := enclosingFunc(f, int(at(s)-f.FileStart)); got != want {
			t.Errorf("enclosingFunc at %q = %q, want %q", s, got, want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	a := fingerprint("idemhandler", "cmd/a.go", "main", "idemhandler: POST /x ...")
	if len(a) != 32 || a != fingerprint("idemhandler", "cmd/a.go", "main", "idemhandler: POST /x ...") {
		t.Errorf("fingerprint %q is not a stable 32-digit hash", a)
	}
	for _, b := range []string{
		fingerprint("idemexempt", "cmd/a.go", "main", "idemhandler: POST /x ..."),
		fingerprint("idemhandler", "cmd/b.go", "main", "idemhandler: POST /x ..."),
		fingerprint("idemhandler", "cmd/a.go", "run", "idemhandler: POST /x ..."),
		fingerprint("idemhandler", "cmd/a.go", "main", "idemhandler: POST /y ..."),
		fingerprint("idemhandler", "cmd/a.gomain", "", "idemhandler: POST /x ..."),
	} {
		if b == a {
			t.Errorf("fingerprints collide: %q", a)
		}
	}
}

// TestColumns checks the conversion of byte columns to SARIF's UTF-16
// columns.
func TestColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.go")
	src := "package p\n\nvar s = \"é😀\" + x\n"
	if err := os.WriteFile(path, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	off := strings.Index(src, "x")
	line := strings.LastIndex(src[:off], "\n") + 1
	p := token.Position{Filename: path, Offset: off, Line: 3, Column: off - line + 1}
	// `var s = ` 8, `"` 1, é 1, 😀 2 (a surrogate pair), `" + ` 4:
	// 16 UTF-16 code units before x.
	if got := newLineCache().column(p); got != 17 {
		t.Errorf("UTF-16 column of x = %d, want 17 (byte column %d)", got, p.Column)
	}
	p.Filename = filepath.Join(t.TempDir(), "missing.go")
	if got := newLineCache().column(p); got != p.Column {
		t.Errorf("column in a missing file = %d, want the byte column %d", got, p.Column)
	}
}

func TestBaselineFilter(t *testing.T) {
	f := func(fp string) *finding { return &finding{fingerprint: fp} }
	b := baseline{"a": 1, "b": 2}
	got := b.filter([]*finding{f("a"), f("a"), f("b"), f("b"), f("c")})
	var fps []string
	for _, x := range got {
		fps = append(fps, x.fingerprint)
	}
	if !slices.Equal(fps, []string{"a", "c"}) {
		t.Errorf("filter kept %q, want [a c]: each entry absorbs one finding", fps)
	}
	if b["a"] != 1 {
		t.Errorf("filter changed the baseline")
	}
}
