package main_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/internal/moduletest"
)

// layered is a module laid out like real services: routes registered in
// service packages, decided in the packages that serve their routers.
const layered = "../../testdata/layered"

// TestLayeredHosts checks that every host reports the findings of the
// layered module at their registration lines, each once, as the module's
// // want comments say, and that the inventory, SARIF and -fix agree.
func TestLayeredHosts(t *testing.T) {
	t.Parallel()
	moduletest.Download(t, layered)
	wants := moduletest.Wants(t, layered)
	if len(wants) < 15 {
		t.Fatalf("only %d expectations in %s", len(wants), layered)
	}

	t.Run("standalone", func(t *testing.T) {
		t.Parallel()
		r := run(t, layered, bin, "./...")
		if r.code != 3 {
			t.Errorf("want exit status 3 (findings)\n%s", r)
		}
		moduletest.Check(t, wants, moduletest.Parse(layered, r.stderr))
		// chi/lib's router is served nowhere; the others' methods are not
		// constants: nethttp/tables' appended table, the method
		// appweb/cmd/api gives appweb/userapp's Routes, and the patterns
		// appweb/loose builds with %d or under a test of its middleware
		// list, in its wrappers and at two calls in its own package.
		if !strings.Contains(r.stderr, "idemlint: 7 mutating routes not decided: their routers are not served in the analysed packages, or their methods are not constants") {
			t.Errorf("stderr lacks the count of undecided routes (chi/lib, nethttp/tables, appweb/userapp, appweb/loose)\n%s", r)
		}
		if !strings.Contains(r.stderr, "chi/httpapi/server.go:38:52: \tits router is served here") {
			t.Errorf("stderr lacks where the chi API is served\n%s", r)
		}
	})

	t.Run("vet", func(t *testing.T) {
		t.Parallel()
		r := run(t, layered, "go", "vet", "-vettool="+bin, "./...")
		if r.code == 0 {
			t.Errorf("go vet exited 0, want non-zero: the tool reports findings\n%s", r)
		}
		// go vet runs a process per package: a finding about another
		// package's line, reported once.
		moduletest.Check(t, wants, moduletest.Parse(layered, r.stdout+r.stderr))
	})

	t.Run("json", func(t *testing.T) {
		t.Parallel()
		r := run(t, layered, bin, "-json", "./...")
		if r.code != 0 {
			t.Errorf("want exit status 0 with -json\n%s", r)
		}
		var tree map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
			t.Fatalf("-json output is not JSON: %v\n%s", err, r)
		}
		var text strings.Builder
		for _, byCheck := range tree {
			for _, raw := range byCheck {
				var ds []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if err := json.Unmarshal(raw, &ds); err != nil {
					t.Errorf("not a list of diagnostics: %s", raw)
				}
				for _, d := range ds {
					fmt.Fprintf(&text, "%s: %s\n", d.Posn, d.Message)
				}
			}
		}
		moduletest.Check(t, wants, moduletest.Parse(layered, text.String()))
	})

	t.Run("sarif", func(t *testing.T) {
		t.Parallel()
		r := run(t, layered, bin, "-format=sarif", "./...")
		if r.code != 3 {
			t.Errorf("want exit status 3 (findings)\n%s", r)
		}
		root, results := readSARIF(t, r)
		var text strings.Builder
		related := 0
		for _, res := range results {
			loc := res.Locations[0].PhysicalLocation
			fmt.Fprintf(&text, "%s:%d:%d: %s\n", filepath.Join(root, filepath.FromSlash(loc.ArtifactLocation.URI)), loc.Region.StartLine, loc.Region.StartColumn, res.Message.Text)
			if strings.HasSuffix(loc.ArtifactLocation.URI, "chi/orders/orders.go") && loc.Region.StartLine == 20 {
				for _, rl := range res.RelatedLocations {
					if strings.HasSuffix(rl.PhysicalLocation.ArtifactLocation.URI, "chi/httpapi/server.go") && rl.Message != nil {
						related++
					}
				}
			}
		}
		moduletest.Check(t, wants, moduletest.Parse(layered, text.String()))
		if related != 1 {
			t.Errorf("POST /v1/orders: %d related locations at chi/httpapi/server.go, want 1", related)
		}
	})

	t.Run("inventory", func(t *testing.T) {
		t.Parallel()
		byRoute := make(map[string][]inventoryEntry)
		for _, e := range inventoryOf(t, layered, "./...") {
			key := fmt.Sprintf("%s:%d %s %s", e.File[strings.Index(e.File, "layered/")+len("layered/"):], e.Line, e.Method, e.Path)
			byRoute[key] = append(byRoute[key], e)
		}
		for key, want := range map[string]string{
			"chi/orders/orders.go:20 POST /v1/orders":                "unprotected chi/cmd/api, chi/cmd/worker, chi/httpapi",
			"chi/orders/orders.go:43 POST /internal/orders/replay":   "exempt chi/cmd/gateway",
			"chi/orders/orders.go:43 POST /public/orders/replay":     "protected chi/cmd/gateway",
			"chi/payments/payments.go:17 POST /payments/charges":     "protected chi/cmd/api, chi/cmd/worker, chi/httpapi",
			"chi/lib/lib.go:12 POST /things":                         "unknown ",
			"gin/orders/orders.go:21 POST /early/orders":             "unprotected gin/cmd/shop",
			"gin/orders/orders.go:21 POST /late/orders":              "protected gin/cmd/shop",
			"fiber/carts/carts.go:11 POST /v2/carts":                 "protected fiber/cmd/storeidem",
			"gorilla/accounts/accounts.go:18 POST /api/accounts":     "unprotected gorilla/cmd/accounts, gorilla/cmd/accountsidem",
			"httprouter/notes/notes.go:12 POST /notes":               "protected httprouter/cmd/notes",
			"strict/things/things.go:16 POST /v1/things":             "unprotected strict/cmd/things",
			"nethttp/items/items.go:19 POST /items":                  "unprotected nethttp/cmd/items",
			"alice/invoices/invoices.go:14 POST /invoices/{id}/void": "unprotected alice/cmd/invoices",
			"nethttp/tables/tables.go:19 POST /tables/orders":        "unprotected nethttp/cmd/items",
			"nethttp/tables/tables.go:24 POST /tables/imports":       "exempt nethttp/cmd/items",
			"nethttp/tables/tables.go:37 ? ":                         "unknown nethttp/cmd/items",
			"gorilla/tables/tables.go:22 PATCH /invoices/{id}":       "unprotected gorilla/cmd/accounts",
			// Routes registered through the application's router types.
			"appweb/userapp/userapp.go:20 POST /v1/users":         "unprotected appweb/cmd/api",
			"appweb/userapp/userapp.go:21 POST /v1/users/import":  "protected appweb/cmd/api",
			"appweb/userapp/userapp.go:25 ? /v1/users/{id}/roles": "unknown appweb/cmd/api",
			"appweb/web/ops.go:13 POST /ops/reindex":              "unprotected appweb/cmd/api, appweb/cmd/twoapps",
			"appweb/cmd/jobs/main.go:25 PATCH /jobs/{id}":         "unprotected ",
			"appweb/orderapp/orderapp.go:21 PATCH /orders/{id}":   "unprotected appweb/cmd/orders",
			"appweb/shop/shop.go:22 POST /api/carts":              "unprotected appweb/cmd/shop",
			"appweb/shop/shop.go:29 POST /coupons":                "unprotected appweb/cmd/shop",
			"appweb/shop/shop.go:35 POST /v2/refunds":             "unprotected appweb/cmd/shop",
			"appweb/loose/loose.go:24 ? ":                         "unknown appweb/cmd/loose",
			"appweb/fibershop/fibershop.go:17 POST /v2/baskets":   "unprotected appweb/cmd/fibershop",
			"appweb/fibershop/fibershop.go:19 POST /orders":       "protected appweb/cmd/fibershop",
			"appweb/cmd/heldlog/main.go:20 POST /transfers":       "unprotected ",
			"appweb/cmd/heldidem/main.go:23 POST /transfers":      "protected ",
			"appweb/cmd/heldidem/main.go:40 POST /payouts":        "unknown ",
			// Instances of the same router type built with different
			// middleware; one whose middleware is not followed.
			"appweb/cmd/twoapps/main.go:30 POST /tickets":      "protected ",
			"appweb/cmd/twoapps/main.go:31 POST /tickets":      "unprotected ",
			"appweb/cmd/twoapps/main.go:42 POST /echo/tickets": "protected ",
			"appweb/cmd/twoapps/main.go:43 POST /echo/tickets": "unprotected ",
			"appweb/cmd/twoapps/main.go:48 POST /echo/checked": "protected ",
			"appweb/cmd/twoapps/main.go:52 POST /echo/bare":    "unknown ",
			"appweb/cmd/resetapp/main.go:22 POST /resets":      "unknown ",
			"appweb/cmd/fiberheld/main.go:18 POST /gifts":      "protected ",
			"appweb/cmd/fiberheld/main.go:19 POST /gifts":      "unprotected ",
			"appweb/cmd/fiberheld/main.go:23 POST /each/gifts": "unknown ",
		} {
			es := byRoute[key]
			if len(es) != 1 {
				t.Errorf("%s: %d entries, want 1", key, len(es))
				continue
			}
			servedIn := strings.ReplaceAll(es[0].ServedIn, "example.com/layered/", "")
			if got := es[0].Status + " " + servedIn; got != want {
				t.Errorf("%s: status and servedIn %q, want %q", key, got, want)
			}
		}
		for key := range byRoute {
			if strings.HasPrefix(key, "chi/payments/payments.go:17 POST /charges") {
				t.Errorf("%s: the entry of the registering package is listed beside the entries of the packages that serve the route", key)
			}
		}
	})

	t.Run("fix", func(t *testing.T) {
		t.Parallel()
		// The module and the platform module it replaces, side by side.
		root := t.TempDir()
		dir := filepath.Join(root, "layered")
		copyTree(t, layered, dir)
		copyTree(t, filepath.Join(layered, "..", "platform"), filepath.Join(root, "platform"))
		r := run(t, dir, bin, "-fix", "./...")
		if r.code != 3 || !strings.Contains(r.stderr, "findings have no suggested fix") {
			t.Errorf("want exit status 3 and the count of findings left\n%s", r)
		}
		fixed, err := os.ReadFile(filepath.Join(dir, "nethttp", "admin", "admin.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(fixed), `mux.Handle("POST /admin/flush", idem.Middleware(http.HandlerFunc(reindex)))`) {
			t.Errorf("nethttp/admin/admin.go, where POST /admin/flush is registered, is not fixed:\n%s", fixed)
		}
		// A route registered through the application's own router type
		// has no fix: the edits for the router's call do not fit the
		// wrapper's.
		for _, f := range []string{"appweb/shop/shop.go", "appweb/userapp/userapp.go", "appweb/cmd/jobs/main.go"} {
			before, _ := os.ReadFile(filepath.Join(layered, f))
			after, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil || string(after) != string(before) {
				t.Errorf("%s was changed by -fix (%v)", f, err)
			}
		}
		again := run(t, dir, bin, "./nethttp/...")
		if strings.Contains(again.stderr, "/admin/flush") {
			t.Errorf("POST /admin/flush is still reported after the fix\n%s", again)
		}
	})
}
