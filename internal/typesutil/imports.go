package typesutil

import (
	"fmt"
	"go/types"
	"runtime"
	"sync"
	"sync/atomic"
	"weak"
)

// An ImportSet tells whether the transitive imports of a package include a
// package of interest. The answers of every set are computed together, in
// one walk of a package's imports, and remembered for every package asked
// about without keeping the packages alive: an editor type-checks new ones
// after every edit.
type ImportSet struct {
	bit   uint64
	match func(*types.Package) bool
}

// sets lists every ImportSet made, the set of bit 1<<i at index i.
var (
	setsMu sync.Mutex
	sets   atomic.Pointer[[]*ImportSet]
)

// NewImportSet returns the ImportSet of the packages match accepts. Sets
// are made at package initialisation; there can be at most 64.
func NewImportSet(match func(*types.Package) bool) *ImportSet {
	setsMu.Lock()
	defer setsMu.Unlock()
	var all []*ImportSet
	if p := sets.Load(); p != nil {
		all = *p
	}
	if len(all) == 64 {
		panic(fmt.Sprintf("typesutil: more than %d import sets", len(all)))
	}
	s := &ImportSet{bit: 1 << len(all), match: match}
	all = append(all[:len(all):len(all)], s)
	sets.Store(&all)
	return s
}

// Reached reports whether the transitive imports of pkg, not pkg itself,
// include a package of the set.
func (s *ImportSet) Reached(pkg *types.Package) bool {
	return reachOf(pkg, *sets.Load()).imports&s.bit != 0
}

// reach holds, for one package, the sets it belongs to and those its
// transitive imports reach, computed when there were n sets.
type reach struct {
	n             int
	self, imports uint64
}

// memo maps a weak.Pointer[types.Package] to its reach.
var memo sync.Map

func reachOf(pkg *types.Package, all []*ImportSet) reach {
	key := weak.Make(pkg)
	if v, ok := memo.Load(key); ok && v.(reach).n == len(all) {
		return v.(reach)
	}
	r := reach{n: len(all)}
	for _, s := range all {
		if s.match(pkg) {
			r.self |= s.bit
		}
	}
	for _, imp := range pkg.Imports() {
		ri := reachOf(imp, all)
		r.imports |= ri.self | ri.imports
	}
	if _, loaded := memo.Swap(key, r); !loaded {
		runtime.AddCleanup(pkg, func(k weak.Pointer[types.Package]) { memo.Delete(k) }, key)
	}
	return r
}
