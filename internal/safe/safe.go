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

// positions holds, per running pass, the cell that records the last
// position its check said it was at.
var positions sync.Map // *analysis.Pass -> *token.Pos

// At records that the check running pass is working at pos, so that a
// panic can name the position. It does not allocate: call it per function.
func At(pass *analysis.Pass, pos token.Pos) {
	if cell, ok := positions.Load(pass); ok {
		*cell.(*token.Pos) = pos
	}
}

// PanicHook, when set, is called at the start of every wrapped run with the
// check's name. Tests set it to force a panic; it is nil otherwise.
var PanicHook func(name string)

// Run wraps an analyzer's run function so that a panic becomes an error
// naming the check, the package and the last recorded position.
func Run(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		pos := new(token.Pos)
		positions.Store(pass, pos)
		defer func() {
			p := recover()
			positions.Delete(pass)
			if p == nil {
				return
			}
			where := pass.Pkg.Path()
			if pos.IsValid() {
				where = pass.Fset.Position(*pos).String()
			}
			result, err = nil, fmt.Errorf("%s: internal error at %s: %v\n%s", name, where, p, debug.Stack())
		}()
		if PanicHook != nil {
			PanicHook(name)
		}
		return run(pass)
	}
}
