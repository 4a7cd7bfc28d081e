package idemhandler_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/analyzers/idemhandler"
	"github.com/idemlint/idemlint/passes/routes"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestIdemhandler(t *testing.T) {
	analysistest.Run(t, testdata, idemhandler.Analyzer,
		"idemhandler/chi",
		"idemhandler/nethttp",
		"idemhandler/helpers",
		"idemhandler/methodless",
		"idemhandler/methodlesseffects",
		"idemhandler/evidence",
		"idemhandler/getorcreate",
		"idemhandler/unserved",
		"idemhandler/strict",
		"idemhandler/configured",
		"idemhandler/exempt",
		"idemhandler/exemptcfg",
		"idemhandler/exemptcfg/mockserver",
		"idemhandler/gorilla",
		"idemhandler/httprouter",
		"idemhandler/alice",
		"idemhandler/gin",
		"idemhandler/echo",
		"idemhandler/fiber",
		"idemhandler/testfiles",
		"idemhandler/testfileson",
		"idemhandler/unrecognised",
	)
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, idemhandler.Analyzer, "idemhandler/fix")
}

// TestUnrecognised checks that the route model records the registrations
// on a router it does not know, which idemhandler leaves unreported.
func TestUnrecognised(t *testing.T) {
	// The route model reports nothing: the expectations of idemhandler
	// in the package are not met, and nothing else may be wrong.
	results := analysistest.Run(wantsOf{t}, testdata, routes.Analyzer, "idemhandler/unrecognised")
	if len(results) != 1 {
		t.Fatalf("got %d results", len(results))
	}
	res, _ := results[0].Result.(*routes.Result)
	if res == nil {
		t.Fatalf("no route model: %v", results[0].Err)
	}
	var got []string
	for _, u := range res.Unrecognised {
		got = append(got, u.Receiver+" "+u.Method+" "+u.Path)
	}
	want := []string{
		"*otherrouter.Router POST /v1/payments",
		"*otherrouter.Router PATCH /v1/payments/{id}",
		"*otherrouter.Router POST /v1/charges",
		"*otherrouter.Router  /v1/refunds",
		"*otherrouter.Router POST /v1/orders",
		"*otherrouter.Router GET /v1/orders",
		"*otherrouter.Router POST /carts",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("unrecognised registrations:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, rt := range res.Routes {
		if rt.Path != "/v1/direct" && rt.Path != "/" {
			t.Errorf("route %s %s is not a net/http route of the package", rt.Method, rt.Path)
		}
	}
}

// wantsOf ignores unmet expectations of another analyzer.
type wantsOf struct{ t *testing.T }

func (w wantsOf) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "no diagnostic was reported matching") {
		w.t.Error(msg)
	}
}
