package typesutil

import (
	"go/types"
	"runtime"
	"sync"
	"weak"
)

// An ImportSet tells whether the transitive imports of a package include a
// package of interest. It remembers the answer for every package it was
// asked about without keeping the packages alive: an editor type-checks new
// ones after every edit.
type ImportSet struct {
	match func(*types.Package) bool
	memo  sync.Map // weak.Pointer[types.Package] -> bool
}

// NewImportSet returns the ImportSet of the packages match accepts.
func NewImportSet(match func(*types.Package) bool) *ImportSet {
	return &ImportSet{match: match}
}

// Reached reports whether the transitive imports of pkg, not pkg itself,
// include a package of the set.
func (s *ImportSet) Reached(pkg *types.Package) bool {
	key := weak.Make(pkg)
	if v, ok := s.memo.Load(key); ok {
		return v.(bool)
	}
	r := false
	for _, imp := range pkg.Imports() {
		if s.match(imp) || s.Reached(imp) {
			r = true
			break
		}
	}
	if _, loaded := s.memo.LoadOrStore(key, r); !loaded {
		runtime.AddCleanup(pkg, func(k weak.Pointer[types.Package]) { s.memo.Delete(k) }, key)
	}
	return r
}
