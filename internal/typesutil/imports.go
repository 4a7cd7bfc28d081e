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
// package of interest. The answers of every set asked so far are computed
// together, in one walk of a package's imports, and remembered for every
// package asked about without keeping the packages alive: an editor
// type-checks new ones after every edit. A set never asked costs nothing:
// go vet's runs on dependencies ask few.
type ImportSet struct {
	bit   uint64
	match func(*types.Package) bool
}

var (
	// sets lists every ImportSet made, the set of bit 1<<i at index i.
	setsMu sync.Mutex
	sets   atomic.Pointer[[]*ImportSet]
	// asked has the bits of the sets asked so far.
	asked atomic.Uint64
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
	if asked.Load()&s.bit == 0 {
		asked.Or(s.bit)
	}
	return reachOf(pkg, asked.Load()).imports&s.bit != 0
}

// reach holds, for one package, the sets among known it belongs to and
// those its transitive imports reach.
type reach struct {
	known         uint64
	self, imports uint64
}

// memo maps a weak.Pointer[types.Package] to its reach.
var memo sync.Map

// reachOf returns the reach of pkg for at least the sets of mask.
func reachOf(pkg *types.Package, mask uint64) reach {
	key := weak.Make(pkg)
	if v, ok := memo.Load(key); ok && v.(reach).known&mask == mask {
		return v.(reach)
	}
	r := reach{known: mask}
	for _, s := range *sets.Load() {
		if mask&s.bit != 0 && s.match(pkg) {
			r.self |= s.bit
		}
	}
	for _, imp := range pkg.Imports() {
		ri := reachOf(imp, mask)
		r.imports |= (ri.self | ri.imports) & mask
	}
	if _, loaded := memo.Swap(key, r); !loaded {
		runtime.AddCleanup(pkg, func(k weak.Pointer[types.Package]) { memo.Delete(k) }, key)
	}
	return r
}
