package effects_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/passes/effects"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata, effects.Analyzer, "effects/lib", "effects/app", "effects/families", "effects/verbs", "effects/seenlib", "effects/visible", "effects/writes", "effects/buildlib", "effects/rpcclient", "effects/hooklog", "effects/hookapp", "effects/sqlbuild", "effects/getorcreate/shelf", "effects/getorcreate")
}
