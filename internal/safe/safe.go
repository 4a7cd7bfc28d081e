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

// positions records, per pass, the last position a check said it was at.
var positions sync.Map // *analysis.Pass -> token.Pos

// At records that the check running pass is working at pos, so that a
// panic can name the position. It is cheap enough to call per function.
func At(pass *analysis.Pass, pos token.Pos) { positions.Store(pass, pos) }

// PanicHook, when set, is called at the start of every wrapped run with the
// check's name. Tests set it to force a panic; it is nil otherwise.
var PanicHook func(name string)

// Run wraps an analyzer's run function so that a panic becomes an error
// naming the check, the package and the last recorded position.
func Run(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			p := recover()
			pos, _ := positions.LoadAndDelete(pass)
			if p == nil {
				return
			}
			where := pass.Pkg.Path()
			if pos, ok := pos.(token.Pos); ok && pos.IsValid() {
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
