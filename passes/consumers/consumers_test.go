package consumers_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/passes/consumers"
)

// describe reports each consumer of the model, so that tests can assert
// what the pass records.
var describe = &analysis.Analyzer{
	Name:       "describe",
	Doc:        "reports the consumer model",
	Requires:   []*analysis.Analyzer{consumers.Analyzer},
	ResultType: reflect.TypeFor[int](),
	Run: func(pass *analysis.Pass) (any, error) {
		for _, c := range pass.ResultOf[consumers.Analyzer].(*consumers.Result).Consumers {
			delivery := map[consumers.Delivery]string{consumers.AtLeastOnce: "at-least-once", consumers.AsyncCommit: "async-commit", consumers.AtMostOnce: "at-most-once"}[c.Delivery]
			msg := fmt.Sprintf("%s %s %q %s", c.Library, c.Kind, c.Target, delivery)
			if c.Unknown {
				msg += " unknown"
			} else {
				msg += fmt.Sprintf(" protected=%q unprotected=%q", c.Protection, c.Unprotected)
			}
			pass.Reportf(c.Pos, "%s", msg)
		}
		return 0, nil
	},
}

func TestModel(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "..", "testdata"))
	analysistest.Run(t, testdata, describe, "consumers/model")
}
