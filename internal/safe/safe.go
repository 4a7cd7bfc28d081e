// Package safe keeps a failing check from crashing the host driver:
// golangci-lint, gopls and go vet run analyzers in their own process.
package safe

import (
	"fmt"
	"go/token"
	"runtime/debug"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// positions holds the last position each running pass said its check was
// at. A mutex and a plain map: unlike a sync.Map, storing and deleting an
// entry per pass allocates nothing once the map has room for the passes
// running at the same time.
var (
	mu        sync.Mutex
	positions = make(map[*analysis.Pass]token.Pos)
)

// At records that the check running pass is working at pos, so that a
// panic can name the position. It does not allocate: call it per function.
func At(pass *analysis.Pass, pos token.Pos) {
	mu.Lock()
	if _, ok := positions[pass]; ok {
		positions[pass] = pos
	}
	mu.Unlock()
}

// PanicHook, when set, is called at the start of every wrapped run with the
// check's name. Tests set it to force a panic; it is nil otherwise.
var PanicHook func(name string)

// Run wraps an analyzer's run function so that a panic becomes an error
// naming the check, the package and the last recorded position.
func Run(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		mu.Lock()
		positions[pass] = token.NoPos
		mu.Unlock()
		defer func() {
			p := recover()
			mu.Lock()
			pos := positions[pass]
			delete(positions, pass)
			mu.Unlock()
			if p == nil {
				return
			}
			where := pass.Pkg.Path()
			if pos.IsValid() {
				where = pass.Fset.Position(pos).String()
			}
			result, err = nil, fmt.Errorf("%s: internal error at %s: %v\n%s", name, where, p, debug.Stack())
		}()
		if PanicHook != nil {
			PanicHook(name)
		}
		return run(pass)
	}
}
