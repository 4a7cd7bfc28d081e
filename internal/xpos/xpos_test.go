package xpos_test

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/internal/xpos"
)

const src = `package p

import "net/http"

func Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /items", create) // é, a multi-byte rune before
}

func create(w http.ResponseWriter, r *http.Request) {}
`

// TestRoundTrip encodes positions of one file set and resolves them in
// another: one holding the file (the standalone driver) and one that
// does not (go vet's process for another package).
func TestRoundTrip(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "/src/p/p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) token.Pos { return f.FileStart + token.Pos(strings.Index(src, s)) }
	start, end, late := at("mux.HandleFunc"), at(` // é`), at("func create")
	ps := []xpos.Pos{xpos.Of(fset, start), xpos.Of(fset, end), xpos.Of(fset, late)}
	if !ps[0].IsValid() || ps[0].Line != 6 || ps[0].Column != 2 || (xpos.Pos{}).IsValid() {
		t.Fatalf("encoded %+v", ps[0])
	}

	// The same file set: the positions are the file's own.
	got := xpos.NewResolver(fset).Resolve(ps...)
	if got[0] != start || got[1] != end || got[2] != late {
		t.Errorf("in the file set holding the file: %v, want %v", got, []token.Pos{start, end, late})
	}

	// Another file set, already holding another file: a file of the
	// same name is made, with the same lines, columns and offsets.
	other := token.NewFileSet()
	other.AddFile("/src/q/q.go", -1, 100)
	r := xpos.NewResolver(other)
	got = r.Resolve(ps...)
	for i, p := range ps {
		q := other.Position(got[i])
		if q.Filename != p.File || q.Line != p.Line || q.Column != p.Column || q.Offset != p.Offset {
			t.Errorf("resolved %d to %v, want %s:%d:%d (offset %d)", i, q, p.File, p.Line, p.Column, p.Offset)
		}
	}
	if again := r.Resolve(ps[0]); again[0] != got[0] {
		t.Errorf("a position resolved twice: %v and %v", again[0], got[0])
	}

	// A file set holding a file of that name but other content (an
	// edited buffer) gets its own copy rather than a wrong line.
	edited := token.NewFileSet()
	edited.AddFile("/src/p/p.go", -1, 10).SetLines([]int{0, 5})
	got = xpos.NewResolver(edited).Resolve(ps[0])
	if q := edited.Position(got[0]); q.Line != 6 || q.Column != 2 {
		t.Errorf("with a stale file of the same name: %v, want line 6, column 2", q)
	}
	if got := xpos.NewResolver(edited).Resolve(xpos.Pos{}); got[0].IsValid() {
		t.Errorf("an invalid position resolved to %v", got[0])
	}
}
