// Package xpos carries source positions across package boundaries in
// analysis facts, and turns them back into token.Pos values of the
// importing pass, so that a finding decided in one package can be
// reported at a line of another.
//
// A token.Pos means nothing outside the file set it came from, and go vet
// analyses each package in a process of its own, so a fact holds a Pos:
// the file name, byte offset, line and column. Where the importing pass's
// file set holds the file (the standalone driver and golangci-lint load
// every package into one file set), the position maps back to it exactly.
// Otherwise a small file of the same name is added to the file set, with
// a line table made so that the positions map to their true line, column
// and offset: a diagnostic prints the right place, and a suggested fix
// edits the right bytes.
package xpos

import (
	"go/token"
	"runtime"
	"slices"
	"sync"
	"weak"
)

// A Pos is a source position that can be encoded in a fact.
type Pos struct {
	File         string
	Offset       int
	Line, Column int
}

// IsValid reports whether p names a position.
func (p Pos) IsValid() bool { return p.File != "" && p.Line > 0 }

// Of encodes pos of fset.
func Of(fset *token.FileSet, pos token.Pos) Pos {
	if !pos.IsValid() {
		return Pos{}
	}
	f := fset.File(pos)
	if f == nil {
		return Pos{}
	}
	p := f.Position(pos)
	return Pos{File: p.Filename, Offset: p.Offset, Line: p.Line, Column: p.Column}
}

// A Resolver maps encoded positions to positions of one file set. It is
// meant for one pass: it remembers the positions it made.
type Resolver struct {
	fset *token.FileSet
	made map[Pos]token.Pos // positions in files the resolver added
}

// NewResolver returns a resolver for fset.
func NewResolver(fset *token.FileSet) *Resolver { return &Resolver{fset: fset} }

// Resolve returns the positions of ps in the resolver's file set. All of
// ps must be in one file; a position that is not valid maps to
// token.NoPos.
func (r *Resolver) Resolve(ps ...Pos) []token.Pos {
	out := make([]token.Pos, len(ps))
	var name string
	for _, p := range ps {
		if p.IsValid() {
			name = p.File
			break
		}
	}
	if name == "" {
		return out
	}
	if f := r.file(name); f != nil && fits(f, ps) {
		for i, p := range ps {
			if p.IsValid() {
				out[i] = f.Pos(p.Offset)
			}
		}
		return out
	}
	// A position resolved before keeps its value, so that two findings
	// about one construct agree.
	known := true
	for i, p := range ps {
		if p.IsValid() {
			out[i], known = r.made[p], known && r.made[p].IsValid()
		}
	}
	if known {
		return out
	}
	f := r.synthetic(name, ps)
	if r.made == nil {
		r.made = make(map[Pos]token.Pos)
	}
	for i, p := range ps {
		if p.IsValid() {
			out[i] = f.Pos(p.Offset)
			if _, ok := r.made[p]; !ok {
				r.made[p] = out[i]
			}
		}
	}
	return out
}

// file returns the file of the file set named name, or nil.
func (r *Resolver) file(name string) *token.File { return indexOf(r.fset).file(name) }

// A fileIndex finds the files of a file set by name. The standalone
// driver and golangci-lint load every package into one file set, which
// all passes share: so do they the index, built once.
type fileIndex struct {
	mu    sync.Mutex
	fset  *token.FileSet
	base  int // fset.Base() when files was last brought up to date
	files map[string]*token.File
}

// indexes holds the index of each file set in use, by a weak pointer to
// it, so that a long-lived host's file sets are not kept alive.
var indexes sync.Map // weak.Pointer[token.FileSet] -> *fileIndex

func indexOf(fset *token.FileSet) *fileIndex {
	key := weak.Make(fset)
	if idx, ok := indexes.Load(key); ok {
		return idx.(*fileIndex)
	}
	idx, loaded := indexes.LoadOrStore(key, &fileIndex{fset: fset, files: make(map[string]*token.File)})
	if !loaded {
		runtime.AddCleanup(fset, func(k weak.Pointer[token.FileSet]) { indexes.Delete(k) }, key)
	}
	return idx.(*fileIndex)
}

func (x *fileIndex) file(name string) *token.File {
	x.mu.Lock()
	defer x.mu.Unlock()
	if base := x.fset.Base(); base != x.base {
		// Files were added since: index those.
		from := x.base
		x.fset.Iterate(func(f *token.File) bool {
			if f.Base() >= from {
				if _, dup := x.files[f.Name()]; !dup {
					x.files[f.Name()] = f
				}
			}
			return true
		})
		x.base = base
	}
	return x.files[name]
}

// fits reports whether f holds every position of ps at its line and
// column: it is the file the positions were taken from.
func fits(f *token.File, ps []Pos) bool {
	for _, p := range ps {
		if !p.IsValid() {
			continue
		}
		if p.Offset > f.Size() {
			return false
		}
		if q := f.Position(f.Pos(p.Offset)); q.Line != p.Line || q.Column != p.Column {
			return false
		}
	}
	return true
}

// synthetic adds a file named name to the file set whose line table puts
// every position of ps at its line, column and offset. The lines between
// known ones are given one byte each, just before the next known line:
// in a real file, the n lines before a line starting at offset s start
// at s-n or before, after every position of the lines before them.
func (r *Resolver) synthetic(name string, ps []Pos) *token.File {
	starts := make(map[int]int) // line -> offset of its start
	size := 0
	for _, p := range ps {
		if p.IsValid() {
			starts[p.Line] = p.Offset - (p.Column - 1)
			size = max(size, p.Offset+1)
		}
	}
	known := make([]int, 0, len(starts))
	for line := range starts {
		known = append(known, line)
	}
	slices.Sort(known)
	lines := []int{0}
	prev := 1
	for _, line := range known {
		if line == 1 {
			continue
		}
		start := starts[line]
		for l := prev + 1; l <= line; l++ {
			off := start - (line - l)
			if off <= lines[len(lines)-1] {
				break // not the positions of one file
			}
			lines = append(lines, off)
		}
		prev = line
	}
	f := r.fset.AddFile(name, -1, size)
	f.SetLines(lines)
	return f
}
