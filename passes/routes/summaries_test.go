package routes_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/idemlint/idemlint/passes/routes"
)

// TestSummaries checks the summaries a package exports (its facts), and
// the routes of a package that applies them: registered in svc, decided
// in app, which serves them.
func TestSummaries(t *testing.T) {
	results := analysistest.Run(t, testdata, routes.Analyzer, "routes/summaries/svc", "routes/summaries/app")
	var app *routes.Result
	for _, r := range results {
		if r.Pass.Pkg.Path() == "routes/summaries/app" {
			app, _ = r.Result.(*routes.Result)
		}
	}
	if app == nil {
		t.Fatal("no route model of app")
	}
	var got []string
	for _, rt := range app.Routes {
		if rt.Home == nil || rt.Home.Pkg != "routes/summaries/svc" {
			t.Errorf("%s %s: registered in %v, want svc", rt.Method, rt.Path, rt.Home)
			continue
		}
		var chain []string
		for _, m := range rt.Chain {
			chain = append(chain, m.Name)
		}
		got = append(got, strings.Join([]string{rt.Method, rt.Path, served(rt), strings.Join(chain, ",")}, " "))
	}
	slices.Sort(got)
	want := []string{
		"GET /orders served svc.Wrap,idem.Middleware,logged",
		"PATCH /items served ",
		"POST /orders served svc.Wrap,idem.Middleware,logged",
		"POST /pay/charges served svc.Wrap,idem.Middleware,logged,idem.Middleware",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes of app:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func served(rt *routes.Route) string {
	if rt.Served {
		return "served"
	}
	return "unserved"
}
