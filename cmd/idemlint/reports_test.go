package main_test

// Tests of the reports: SARIF, the inventory and baselines, run through
// the binary built by TestMain.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/idemlint/idemlint/analyzers"
)

// needShop downloads the example's dependencies, or skips the test
// outside CI when they cannot be downloaded.
func needShop(t *testing.T) {
	t.Helper()
	needModules(t, shop)
}

// needModules downloads the dependencies of the module in dir, or skips
// the test outside CI when they cannot be downloaded.
func needModules(t *testing.T, dir string) {
	t.Helper()
	if r := run(t, dir, "go", "mod", "download"); r.code != 0 {
		msg := fmt.Sprintf("the dependencies of %s cannot be downloaded (offline?)\n%s", dir, r)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

// The SARIF 2.1.0 structure the tests read: what GitHub code scanning
// requires and what idemlint promises.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				InformationURI string `json:"informationUri"`
				Version        string `json:"version"`
				Rules          []struct {
					ID               string                 `json:"id"`
					ShortDescription sarifText              `json:"shortDescription"`
					FullDescription  sarifText              `json:"fullDescription"`
					Help             sarifText              `json:"help"`
					HelpURI          string                 `json:"helpUri"`
					Default          struct{ Level string } `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
		} `json:"invocations"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Results []sarifResult `json:"results"`
	} `json:"runs"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifResult struct {
	RuleID    string    `json:"ruleId"`
	RuleIndex *int      `json:"ruleIndex"`
	Level     string    `json:"level"`
	Message   sarifText `json:"message"`
	Locations []struct {
		PhysicalLocation *struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
			Region           sarifRegion   `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	BaselineState       string            `json:"baselineState"`
	RelatedLocations    []struct {
		PhysicalLocation struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
		} `json:"physicalLocation"`
		Message *sarifText `json:"message"`
	} `json:"relatedLocations"`
	Fixes []struct {
		Description     sarifText `json:"description"`
		ArtifactChanges []struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
			Replacements     []struct {
				DeletedRegion   sarifRegion `json:"deletedRegion"`
				InsertedContent sarifText   `json:"insertedContent"`
			} `json:"replacements"`
		} `json:"artifactChanges"`
	} `json:"fixes"`
}

// readSARIF parses and validates a SARIF log: the keys GitHub code
// scanning requires, a rule for every check, relative locations that
// name existing files under %SRCROOT%, and fingerprints.
func readSARIF(t *testing.T, r result) (root string, results []sarifResult) {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r)
	}
	if log.Version != "2.1.0" {
		t.Errorf("version %q, want 2.1.0", log.Version)
	}
	if !strings.Contains(log.Schema, "sarif") || !strings.Contains(log.Schema, "2.1.0") {
		t.Errorf("$schema %q does not name SARIF 2.1.0", log.Schema)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "idemlint" || d.InformationURI == "" || d.Version == "" {
		t.Errorf("tool.driver: name %q, informationUri %q, version %q", d.Name, d.InformationURI, d.Version)
	}
	if len(d.Rules) != len(analyzers.Checks) {
		t.Errorf("%d rules, want one per check (%d)", len(d.Rules), len(analyzers.Checks))
	}
	for i, c := range analyzers.Checks {
		if i >= len(d.Rules) {
			break
		}
		rule, a := d.Rules[i], c.Analyzer
		first, _, _ := strings.Cut(a.Doc, "\n")
		if rule.ID != a.Name || rule.ShortDescription.Text != first || rule.FullDescription.Text != a.Doc ||
			rule.Help.Text != a.Doc || rule.HelpURI != a.URL || rule.Default.Level != "warning" {
			t.Errorf("rule %d: %+v does not describe check %s", i, rule, a.Name)
		}
	}
	if len(run.Invocations) != 1 {
		t.Errorf("%d invocations, want 1", len(run.Invocations))
	}
	base, ok := run.OriginalURIBaseIDs["%SRCROOT%"]
	if !ok {
		t.Fatalf("no originalUriBaseIds[%%SRCROOT%%]")
	}
	u, err := url.Parse(base.URI)
	if err != nil || u.Scheme != "file" || !strings.HasSuffix(u.Path, "/") {
		t.Fatalf("%%SRCROOT%% is %q, want a file URI of a directory", base.URI)
	}
	root = filepath.FromSlash(u.Path)
	for _, res := range run.Results {
		if res.RuleIndex == nil || *res.RuleIndex >= len(d.Rules) || d.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %q: ruleIndex does not point at rule %q", res.Message.Text, res.RuleID)
		}
		if res.Level != "warning" || res.Message.Text == "" || !strings.HasPrefix(res.Message.Text, res.RuleID+": ") {
			t.Errorf("result: level %q, message %q", res.Level, res.Message.Text)
		}
		if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation == nil {
			t.Errorf("result %q: want one physical location", res.Message.Text)
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		checkArtifact(t, root, loc.ArtifactLocation)
		if reg := loc.Region; reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine || reg.EndColumn < 1 {
			t.Errorf("result %q: bad region %+v", res.Message.Text, reg)
		}
		if fp := res.PartialFingerprints["idemlint/v1"]; !regexp.MustCompile(`^[0-9a-f]{32}:[1-9][0-9]*$`).MatchString(fp) {
			t.Errorf("result %q: partialFingerprints %v", res.Message.Text, res.PartialFingerprints)
		}
		for _, fix := range res.Fixes {
			if fix.Description.Text == "" || len(fix.ArtifactChanges) == 0 {
				t.Errorf("result %q: empty fix %+v", res.Message.Text, fix)
			}
			for _, ch := range fix.ArtifactChanges {
				checkArtifact(t, root, ch.ArtifactLocation)
				if len(ch.Replacements) == 0 {
					t.Errorf("result %q: fix without replacements", res.Message.Text)
				}
			}
		}
	}
	if t.Failed() {
		t.Logf("%s", r)
	}
	return root, run.Results
}

// checkArtifact checks that a location is relative to %SRCROOT% and names
// a file there.
func checkArtifact(t *testing.T, root string, a sarifArtifact) {
	t.Helper()
	if a.URIBaseID != "%SRCROOT%" || strings.Contains(a.URI, ":") || strings.HasPrefix(a.URI, "/") || strings.Contains(a.URI, "..") {
		t.Errorf("artifactLocation %+v is not relative to %%SRCROOT%%", a)
		return
	}
	path, err := url.PathUnescape(a.URI)
	if err != nil {
		t.Errorf("artifactLocation %q: %v", a.URI, err)
		return
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(path))); err != nil {
		t.Errorf("artifactLocation %q does not name a file under %s: %v", a.URI, root, err)
	}
}

func TestSARIF(t *testing.T) {
	t.Parallel()

	t.Run("vetmod", func(t *testing.T) {
		t.Parallel()
		r := run(t, vetmod, bin, "-format=sarif", "./...")
		if r.code != 3 {
			t.Errorf("want exit status 3 (findings)\n%s", r)
		}
		_, results := readSARIF(t, r)
		if len(results) != 1 {
			t.Fatalf("want 1 result, got %d\n%s", len(results), r)
		}
		res := results[0]
		loc := res.Locations[0].PhysicalLocation
		if !strings.HasSuffix("/"+loc.ArtifactLocation.URI, "/main.go") || loc.Region.StartLine != 56 || loc.Region.StartColumn != 2 ||
			!strings.HasPrefix(res.Message.Text, "idemhandler: POST /v1/payments ") {
			t.Errorf("result %s:%d:%d: %s, want main.go:56:2: idemhandler: POST /v1/payments ...",
				loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, res.Message.Text)
		}
		var inserted strings.Builder
		for _, fix := range res.Fixes {
			for _, ch := range fix.ArtifactChanges {
				for _, rep := range ch.Replacements {
					inserted.WriteString(rep.InsertedContent.Text)
				}
			}
		}
		if !strings.Contains(inserted.String(), "idem.Middleware") {
			t.Errorf("the fix does not insert idem.Middleware: %+v", res.Fixes)
		}
	})

	t.Run("shop", func(t *testing.T) {
		t.Parallel()
		needShop(t)
		want := readShopExpect(t)
		r := run(t, ".", bin, "-C", shop, "-format", "sarif", "./...")
		if r.code != 3 {
			t.Errorf("want exit status 3 (findings)\n%s", r)
		}
		_, results := readSARIF(t, r)
		var text strings.Builder
		for _, res := range results {
			loc := res.Locations[0].PhysicalLocation
			fmt.Fprintf(&text, "%s:%d:%d: %s\n", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, res.Message.Text)
		}
		checkFindings(t, r, text.String(), want)
	})

	t.Run("clean", func(t *testing.T) {
		t.Parallel()
		cfg := writeConfig(t, "checks: [-idemhandler]\n")
		r := run(t, vetmod, bin, "-config", cfg, "-format=sarif", "./...")
		if r.code != 0 {
			t.Errorf("with -config disabling idemhandler: want exit status 0\n%s", r)
		}
		if _, results := readSARIF(t, r); len(results) != 0 {
			t.Errorf("want no result, got %d", len(results))
		}
	})

	t.Run("error", func(t *testing.T) {
		t.Parallel()
		r := run(t, vetmod, bin, "-format=sarif", "-config", "/nonexistent.yaml", "./...")
		if r.code != 1 || !strings.Contains(r.stderr, "/nonexistent.yaml") {
			t.Errorf("want exit status 1 and the file named on stderr\n%s", r)
		}
		var log sarifLog
		if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 ||
			len(log.Runs[0].Invocations) != 1 || log.Runs[0].Invocations[0].ExecutionSuccessful {
			t.Errorf("want a SARIF log whose invocation failed (%v)\n%s", err, r)
		}
	})
}

// TestFormatFlag checks that -format=text and -format=json are the
// multichecker's outputs.
func TestFormatFlag(t *testing.T) {
	t.Parallel()
	want := readExpect(t, filepath.Join(vetmod, "EXPECT.txt"))
	r := run(t, vetmod, bin, "-format", "text", "./...")
	if r.code != 3 {
		t.Errorf("-format text: want exit status 3\n%s", r)
	}
	checkFindings(t, r, r.stderr, want)

	r = run(t, vetmod, bin, "-format=json", "./...")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &tree); r.code != 0 || err != nil || tree["example.com/vetmod"]["idemhandler"] == nil {
		t.Errorf("-format=json: want the -json tree with exit status 0 (%v)\n%s", err, r)
	}

	r = run(t, vetmod, bin, "-format=xml", "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "xml") {
		t.Errorf("-format=xml: want exit status 1 naming the format\n%s", r)
	}
}

// An inventoryEntry is one entry of `idemlint inventory -format=json`.
type inventoryEntry struct {
	Kind       string `json:"kind"`
	Method     string `json:"method"`
	Path       string `json:"path"`
	Framework  string `json:"framework"`
	Handler    string `json:"handler"`
	Package    string `json:"package"`
	ServedIn   string `json:"servedIn"`
	File       string `json:"file"`
	Line       int    `json:"line"`
	Status     string `json:"status"`
	Middleware string `json:"middleware"`
	ADR        string `json:"adr"`
	Detail     string `json:"detail"`
	Finding    string `json:"finding"`
	Financial  string `json:"financial"`
	Contract   string `json:"contract"`

	Receiver   string   `json:"receiver"`
	FailOpen   string   `json:"failOpen"`
	Window     string   `json:"window"`
	Store      string   `json:"store"`
	Issues     []string `json:"issues"`
	Library    string   `json:"library"`
	SourceKind string   `json:"sourceKind"`
	Source     string   `json:"source"`
	Delivery   string   `json:"delivery"`
	Effects    string   `json:"effects"`
	Mechanism  string   `json:"mechanism"`
	Operations []string `json:"operations"`
	Key        string   `json:"key"`
	Unbounded  string   `json:"unbounded"`
	NoBackoff  string   `json:"noBackoff"`
}

// inventoryOf runs `idemlint inventory -format=json` in dir.
func inventoryOf(t *testing.T, dir string, args ...string) []inventoryEntry {
	t.Helper()
	r := run(t, ".", bin, append([]string{"-C", dir, "inventory", "-format=json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("want exit status 0\n%s", r)
	}
	var inv struct {
		Version int              `json:"version"`
		Entries []inventoryEntry `json:"entries"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &inv); err != nil || inv.Version != 1 {
		t.Fatalf("want a JSON inventory of version 1 (%v)\n%s", err, r)
	}
	return inv.Entries
}

// shopInventory is the inventory of the example: every mutating route,
// with its status and what protects or exempts it. Line is found from
// the registration's source text, at.
var shopInventory = map[string]inventoryEntry{
	"POST /v1/charges":         {Framework: "chi", Handler: "h.createCharge", File: "cmd/shop/routes.go", Status: "protected", Middleware: "idem.Middleware"},
	"POST /v1/refunds":         {Framework: "chi", Handler: "h.createRefund", File: "cmd/shop/routes.go", Status: "unprotected"},
	"POST /v1/orders":          {Framework: "chi", Handler: "h.createOrder", File: "cmd/shop/routes.go", Status: "protected", Middleware: "idem.Middleware"},
	"POST /v1/carts/":          {Framework: "chi", Handler: "h.createCart", File: "cmd/shop/routes.go", Status: "unprotected"},
	"POST /v1/webhooks/stripe": {Framework: "chi", Handler: "h.stripeWebhook", File: "cmd/shop/routes.go", Status: "exempt", ADR: "ADR-0007"},
	"POST /admin/reindex":      {Framework: "net/http", Handler: "a.reindex", File: "cmd/shop/admin.go", Status: "unprotected"},
	"POST /admin/rebuild":      {Framework: "net/http", File: "cmd/shop/admin.go", Status: "protected", Middleware: "idem.Middleware"},
}

// shopRegistrations is the source text that registers each route.
var shopRegistrations = map[string]string{
	"POST /v1/charges":         `r.Post("/v1/charges"`,
	"POST /v1/refunds":         `r.Post("/v1/refunds"`,
	"POST /v1/orders":          `.Post("/v1/orders"`,
	"POST /v1/carts/":          `r.Post("/", h.createCart)`,
	"POST /v1/webhooks/stripe": `r.Post("/v1/webhooks/stripe"`,
	"POST /admin/reindex":      `mux.HandleFunc("POST /admin/reindex"`,
	"POST /admin/rebuild":      `mux.Handle("POST /admin/rebuild"`,
}

// shopLines sets the line of each entry of shopInventory from the source.
var shopLines = sync.OnceValue(func() error {
	for key, e := range shopInventory {
		data, err := os.ReadFile(filepath.Join(shop, e.File))
		if err != nil {
			return err
		}
		i := strings.Index(string(data), shopRegistrations[key])
		if i < 0 {
			return fmt.Errorf("%s: no %s", e.File, shopRegistrations[key])
		}
		e.Line = 1 + strings.Count(string(data[:i]), "\n")
		shopInventory[key] = e
	}
	return nil
})

func TestInventory(t *testing.T) {
	t.Parallel()
	needShop(t)
	if err := shopLines(); err != nil {
		t.Fatal(err)
	}

	inventory := func(t *testing.T, args ...string) []inventoryEntry {
		t.Helper()
		return inventoryOf(t, shop, args...)
	}

	t.Run("json", func(t *testing.T) {
		t.Parallel()
		got := make(map[string]inventoryEntry)
		var others []inventoryEntry
		for _, e := range inventory(t, "./...") {
			if e.Kind != "route" && e.Kind != "rpc" {
				others = append(others, e)
				continue
			}
			key := e.Method + " " + e.Path
			if _, dup := got[key]; dup {
				t.Errorf("%s listed twice", key)
			}
			got[key] = e
		}
		for key, w := range shopInventory {
			e, ok := got[key]
			switch {
			case !ok:
				t.Errorf("%s is not listed", key)
			case e.Kind != "route" || e.Framework != w.Framework || e.Status != w.Status || e.Middleware != w.Middleware || e.ADR != w.ADR ||
				!strings.HasSuffix("/"+e.File, "/"+w.File) || filepath.IsAbs(e.File) || e.Line != w.Line ||
				(w.Handler != "" && e.Handler != w.Handler) || e.Package != "example.com/shop/cmd/shop":
				t.Errorf("%s: got %+v, want %+v", key, e, w)
			case (e.Status == "unprotected" || e.Status == "exempt") != strings.HasPrefix(e.Finding, "idemhandler: "+key+" "):
				t.Errorf("%s: status %s with finding %q", key, e.Status, e.Finding)
			}
		}
		// The example may grow: other entries need only a valid status.
		for key, e := range got {
			switch e.Status {
			case "protected", "unprotected", "exempt", "unknown", "not-mutating":
			default:
				t.Errorf("entry %s: status %q", key, e.Status)
			}
		}
		if e := got["POST /v1/webhooks/stripe"]; !strings.Contains(e.Detail, "provider event id") {
			t.Errorf("the exemption's reason is not the detail: %+v", e)
		}
		if e := got["POST /v1/charges"]; e.Financial == "" {
			t.Errorf("a financial path is not marked financial: %+v", e)
		}
		if e := got["POST /admin/reindex"]; e.Financial != "" {
			t.Errorf("a route that is not financial is marked financial: %+v", e)
		}

		// Dedup-store policy of the protected routes.
		if e := got["POST /v1/events"]; e.FailOpen != "idem.FailOpen()" {
			t.Errorf("POST /v1/events: want fail-open idem.FailOpen(): %+v", e)
		}
		if e := got["POST /v1/payouts"]; e.Window != "24h0m0s" || len(e.Issues) != 1 || !strings.HasPrefix(e.Issues[0], "idemttl: ttl 24h0m0s < ") {
			t.Errorf("POST /v1/payouts: want a window of 24h0m0s with an idemttl finding: %+v", e)
		}
		if e := got["POST /v1/charges"]; e.FailOpen != "" || e.Store != "" || len(e.Issues) != 0 {
			t.Errorf("POST /v1/charges: want no policy finding: %+v", e)
		}

		// Retry sites and consumers follow the routes.
		retries := make(map[int]inventoryEntry)
		for _, e := range others {
			switch e.Kind {
			case "retry":
				if e.File == "examples/shop/cmd/shop/carrier.go" || strings.HasSuffix(e.File, "/cmd/shop/carrier.go") {
					retries[e.Line] = e
				}
				switch e.Status {
				case "ok", "unsafe", "unbounded", "no-backoff", "exempt":
				default:
					t.Errorf("retry %s:%d: status %q", e.File, e.Line, e.Status)
				}
			case "consumer":
				switch e.Status {
				case "protected", "unprotected", "exempt", "unknown", "no-effects":
				default:
					t.Errorf("consumer %s:%d: status %q", e.File, e.Line, e.Status)
				}
			default:
				t.Errorf("entry of kind %q: %+v", e.Kind, e)
			}
		}
		carrier, err := os.ReadFile(filepath.Join(shop, "cmd/shop/carrier.go"))
		if err != nil {
			t.Fatal(err)
		}
		lineOf := func(text string) int {
			i := strings.Index(string(carrier), text)
			if i < 0 {
				t.Fatalf("carrier.go: no %s", text)
			}
			// The retry loop's for keyword follows the function's header.
			j := strings.Index(string(carrier[i:]), "\tfor ")
			return 1 + strings.Count(string(carrier[:i+j]), "\n")
		}
		if e := retries[lineOf("func (c *carrier) book(")]; e.Mechanism != "retry loop" || e.Key != "fixed" || e.Status != "ok" || len(e.Operations) != 1 || !strings.HasPrefix(e.Operations[0], "POST https://carrier.example.com/v1/shipments") {
			t.Errorf("carrier.book: want a retry loop with a fixed key, ok: %+v", e)
		}
		if e := retries[lineOf("func (c *carrier) cancelPickup(")]; e.Key != "none" || e.Status != "unsafe" || !strings.HasPrefix(e.Finding, "idemretry: retry loop retries POST ") {
			t.Errorf("carrier.cancelPickup: want an unsafe retry without a key: %+v", e)
		}

		// The example's kafka-go consumers, when present.
		if _, err := os.Stat(filepath.Join(shop, "cmd/shop/consumers.go")); err == nil {
			consumers := make(map[string]inventoryEntry)
			for _, e := range others {
				if e.Kind == "consumer" {
					consumers[e.Library+" "+e.SourceKind+" "+e.Source] = e
				}
			}
			if e := consumers["kafka-go topic orders"]; e.Status != "unprotected" || e.Delivery != "at-least-once" || !strings.HasPrefix(e.Finding, `idemconsumer: kafka-go consumer of topic "orders" `) {
				t.Errorf(`kafka-go consumer of topic "orders": want unprotected, at least once: %+v`, e)
			}
			if e := consumers["kafka-go topic refunds"]; e.Status != "protected" || !strings.HasPrefix(e.Middleware, "dedup claim ") {
				t.Errorf(`kafka-go consumer of topic "refunds": want protected by a dedup claim: %+v`, e)
			}
		}
	})

	t.Run("all", func(t *testing.T) {
		t.Parallel()
		status := make(map[string]string)
		for _, e := range inventory(t, "-all", "./...") {
			status[e.Method+" "+e.Path] = e.Status + " " + e.Detail
		}
		for key, want := range map[string]string{
			"GET /healthz":                   "not-mutating read",
			"PUT /v1/customers/{customerID}": "not-mutating naturally idempotent",
			"DELETE /v1/carts/{cartID}":      "not-mutating naturally idempotent",
			"POST /v1/refunds":               "unprotected ",
		} {
			if status[key] != want {
				t.Errorf("with -all, %s: got %q, want %q", key, status[key], want)
			}
		}
	})

	t.Run("text", func(t *testing.T) {
		t.Parallel()
		r := run(t, ".", bin, "-C", shop, "inventory", "./...")
		if r.code != 0 {
			t.Fatalf("want exit status 0\n%s", r)
		}
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if len(lines) < 1+len(shopInventory) || !regexp.MustCompile(`^METHOD +PATH +FRAMEWORK +HANDLER +LOCATION +STATUS +BY +DETAIL( +FINANCIAL)?( +FAIL-OPEN)?( +WINDOW)?( +STORE)?( +CONTRACT)?$`).MatchString(lines[0]) {
			t.Fatalf("want a header and at least %d rows\n%s", len(shopInventory), r)
		}
		for key, w := range shopInventory {
			method, path, _ := strings.Cut(key, " ")
			row := regexp.MustCompile(`(?m)^` + method + ` +` + regexp.QuoteMeta(path) + ` +` + regexp.QuoteMeta(w.Framework) + ` +\S+ +` +
				`(\S+/)?` + regexp.QuoteMeta(fmt.Sprintf("%s:%d", w.File, w.Line)) + ` +` + w.Status + `( +` + regexp.QuoteMeta(w.Middleware+w.ADR) + `)?`)
			if !row.MatchString(r.stdout) {
				t.Errorf("no row for %s (%s)", key, w.Status)
			}
		}
		// The retry table follows the route table.
		if !regexp.MustCompile(`(?m)^\n^MECHANISM +OPERATIONS +KEY +LOCATION +STATUS`).MatchString(r.stdout) ||
			!regexp.MustCompile(`(?m)^retry loop +POST https://carrier\.example\.com/v1/shipments/cancel-pickup\S* .* +none +\S*carrier\.go:\d+ +unsafe$`).MatchString(r.stdout) {
			t.Errorf("no retry table")
		}
		if t.Failed() {
			t.Logf("%s", r)
		}
	})

	t.Run("markdown", func(t *testing.T) {
		t.Parallel()
		r := run(t, ".", bin, "-C", shop, "inventory", "-format", "markdown", "./...")
		if r.code != 0 {
			t.Fatalf("want exit status 0\n%s", r)
		}
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if len(lines) < 2+len(shopInventory) || !strings.HasPrefix(lines[0], "| method | path | framework | handler | location | status | by | detail |") ||
			strings.Count(lines[0], "|") != strings.Count(lines[1], "|") || strings.Trim(lines[1], "| -") != "" {
			t.Fatalf("want a markdown table of at least %d rows\n%s", len(shopInventory), r)
		}
		for key, w := range shopInventory {
			method, path, _ := strings.Cut(key, " ")
			prefix := fmt.Sprintf("| `%s` | `%s` | %s | ", method, path, w.Framework)
			found := false
			for _, l := range lines[2:] {
				if strings.HasPrefix(l, prefix) && strings.Contains(l, fmt.Sprintf("%s:%d` | %s |", w.File, w.Line, w.Status)) {
					found = true
				}
			}
			if !found {
				t.Errorf("no row for %s (%s)\n%s", key, w.Status, r)
			}
		}
		if !regexp.MustCompile("(?m)^\n^\\| mechanism \\| operations \\| key \\| location \\| status \\|").MatchString(r.stdout) ||
			!strings.Contains(r.stdout, "| `retry loop` | `POST https://carrier.example.com/v1/shipments") {
			t.Errorf("no retry table\n%s", r)
		}
	})

	t.Run("vetmod config", func(t *testing.T) {
		t.Parallel()
		// -config before the subcommand; the disabled check still
		// finds the route unprotected.
		cfg := writeConfig(t, "checks: [-idemhandler]\n")
		r := run(t, vetmod, bin, "-config", cfg, "inventory", "-format=json", "./...")
		if r.code != 0 || !regexp.MustCompile(`"path": "/v1/payments",[^}]*"status": "unprotected"`).MatchString(r.stdout) ||
			!regexp.MustCompile(`"path": "/v1/refunds",[^}]*"status": "protected"`).MatchString(r.stdout) {
			t.Errorf("want /v1/payments unprotected and /v1/refunds protected\n%s", r)
		}
		bad := writeConfig(t, "no-such-key: 1\n")
		r = run(t, vetmod, bin, "inventory", "-config", bad, "./...")
		if r.code != 1 || !strings.Contains(r.stderr, "no-such-key") {
			t.Errorf("with an invalid configuration: want exit status 1 naming the key\n%s", r)
		}
	})
}

// TestInventoryConsumers lists the consumers of the module that imports
// the real consumer libraries.
func TestInventoryConsumers(t *testing.T) {
	t.Parallel()
	dir := "../../testdata/realconsume"
	needModules(t, dir)
	type want struct{ status, by, source, delivery, handler, window, store string }
	got := make(map[string]inventoryEntry)
	for _, e := range inventoryOf(t, dir, "./...") {
		if e.Kind != "consumer" {
			t.Errorf("entry of kind %q: %+v", e.Kind, e)
			continue
		}
		got[fmt.Sprintf("%s:%d", filepath.Base(e.File), e.Line)] = e
	}
	for at, w := range map[string]want{
		"kafkago.go:20":   {status: "unprotected", source: "orders", delivery: "at-least-once"},
		"kafkago.go:32":   {status: "protected", by: "dedup claim RedisStore.Claim"},
		"amqp.go:10":      {status: "unprotected", source: "mails"},
		"nats.go:15":      {status: "unprotected", source: "events.created"},
		"sarama.go:14":    {status: "unprotected", source: "ledger", handler: "ConsumeClaim"},
		"sqs.go:30":       {status: "protected", by: "dedup claim RedisStore.Claim", handler: "onRefundClaimed"},
		"watermill.go:31": {status: "protected", by: "middleware.Deduplicator", source: "invoices", window: "1m0s", store: "the default in-memory repository"},
	} {
		e, ok := got[at]
		switch {
		case !ok:
			t.Errorf("%s: no consumer", at)
		case e.Status != w.status || e.Middleware != w.by || (w.source != "" && e.Source != w.source) ||
			(w.delivery != "" && e.Delivery != w.delivery) || (w.handler != "" && e.Handler != w.handler) ||
			e.Window != w.window || !strings.HasPrefix(e.Store, w.store):
			t.Errorf("%s: got %+v, want %+v", at, e, w)
		case e.Status == "unprotected" && (!strings.HasPrefix(e.Finding, "idemconsumer: ") || e.Effects == ""):
			t.Errorf("%s: unprotected without a finding or its effect: %+v", at, e)
		}
	}
	if e := got["watermill.go:31"]; len(e.Issues) != 2 {
		t.Errorf("watermill.go:31: want the idemttl and idemstore findings: %+v", e)
	}
}

// TestInventoryUnrecognised lists the registrations on a router the
// analysis does not know, which no check reports.
func TestInventoryUnrecognised(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod": "module example.com/unrec\n\ngo 1.26\n",
		"router/router.go": `package router

import "net/http"

// Router dispatches by itself: no router idemlint knows is under it.
type Router struct{ routes map[string]http.HandlerFunc }

func New() *Router { return &Router{routes: map[string]http.HandlerFunc{}} }

func (r *Router) Post(path string, h http.HandlerFunc) { r.routes["POST "+path] = h }
func (r *Router) Get(path string, h http.HandlerFunc)  { r.routes["GET "+path] = h }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if h, ok := r.routes[req.Method+" "+req.URL.Path]; ok {
		h(w, req)
	}
}
`,
		"main.go": `package main

import (
	"net/http"

	"example.com/unrec/router"
)

func create(w http.ResponseWriter, r *http.Request) {}

func main() {
	r := router.New()
	r.Post("/v1/orders", create)
	r.Get("/v1/orders", create)
}
`,
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check := func(es []inventoryEntry, get bool) {
		t.Helper()
		var rows []string
		for _, e := range es {
			if e.Kind == "unrecognised" {
				rows = append(rows, fmt.Sprintf("%s %s %s %s %s:%d %s", e.Method, e.Path, e.Receiver, e.Handler, e.File, e.Line, e.Status))
			}
		}
		want := []string{"POST /v1/orders *router.Router create main.go:13 unrecognised"}
		if get {
			want = append(want, "GET /v1/orders *router.Router create main.go:14 unrecognised")
		}
		if strings.Join(rows, "\n") != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
		}
	}
	check(inventoryOf(t, dir, "./..."), false)
	check(inventoryOf(t, dir, "-all", "./..."), true)
	if r := run(t, dir, bin, "./..."); r.code != 0 || r.stdout != "" {
		t.Errorf("an unrecognised router is reported\n%s", r)
	}
}

// editFile rewrites a file of dir with edit.
func editFile(t *testing.T, dir, name string, edit func(string) string) {
	t.Helper()
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := edit(string(data))
	if out == string(data) {
		t.Fatalf("%s: the edit changed nothing", name)
	}
	if err := os.WriteFile(path, []byte(out), 0o666); err != nil {
		t.Fatal(err)
	}
}

func TestBaseline(t *testing.T) {
	t.Parallel()
	needShop(t)
	want := readShopExpect(t)
	dir := copyDir(t, shop)
	base := filepath.Join(t.TempDir(), "idemlint-baseline.json")

	r := run(t, dir, bin, "-baseline", base, "-write-baseline", "./...")
	if r.code != 0 {
		t.Fatalf("-write-baseline: want exit status 0\n%s", r)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Version  int `json:"version"`
		Findings []struct {
			Fingerprint, Check, File, Function, Message string
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &file); err != nil || file.Version != 1 || len(file.Findings) != len(want) {
		t.Fatalf("want a baseline of version 1 with the example's %d findings (%v)\n%s", len(want), err, data)
	}
	checks := make(map[string]bool)
	for _, c := range analyzers.Checks {
		checks[c.Analyzer.Name] = true
	}
	for _, f := range file.Findings {
		if !checks[f.Check] || !strings.HasPrefix(f.Message, f.Check+": ") || filepath.IsAbs(f.File) || f.Function == "" || f.Fingerprint == "" {
			t.Errorf("baseline entry %+v", f)
		}
	}

	quiet := func(t *testing.T, what string) {
		t.Helper()
		r := run(t, dir, bin, "-baseline", base, "./...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("%s: want exit status 0 and no output\n%s", what, r)
		}
	}
	quiet(t, "unchanged code")

	// Rewriting the baseline gives the same file.
	again := filepath.Join(t.TempDir(), "again.json")
	run(t, dir, bin, "-baseline", again, "-write-baseline", "./...")
	if data2, _ := os.ReadFile(again); string(data2) != string(data) {
		t.Errorf("the baseline is not stable:\n%s\nthen\n%s", data, data2)
	}

	// Lines move: the baseline still holds.
	shifted := make(map[string]bool)
	for i, e := range want {
		if !shifted[e.file] {
			editFile(t, dir, e.file, func(s string) string { return "\n\n\n\n\n" + s })
			shifted[e.file] = true
		}
		want[i].line += 5
	}
	r = run(t, dir, bin, "./...")
	checkFindings(t, r, r.stderr, want)
	quiet(t, "shifted lines")

	// A new unprotected route, and a second registration identical to a
	// recorded one: both are new.
	editFile(t, dir, "cmd/shop/routes.go", func(s string) string {
		return strings.Replace(s, "\tr.Post(\"/v1/refunds\", h.createRefund)\n",
			"\tr.Post(\"/v1/refunds\", h.createRefund)\n\tr.Post(\"/v1/returns\", h.createRefund)\n\tr.Post(\"/v1/refunds\", h.createRefund)\n", 1)
	})
	r = run(t, dir, bin, "-baseline", base, "./...")
	if r.code != 3 {
		t.Errorf("with new findings: want exit status 3\n%s", r)
	}
	routes, err := os.ReadFile(filepath.Join(dir, "cmd/shop/routes.go"))
	if err != nil {
		t.Fatal(err)
	}
	line := 1 + strings.Count(string(routes[:strings.Index(string(routes), `"/v1/returns"`)]), "\n")
	checkFindings(t, r, r.stdout+r.stderr, []expectation{
		{file: "cmd/shop/routes.go", line: line, col: 2, prefix: "idemhandler: POST /v1/returns "},
		{file: "cmd/shop/routes.go", line: line + 1, col: 2, prefix: "idemhandler: POST /v1/refunds "},
	})

	// The same through SARIF: only the new findings, marked new.
	r = run(t, dir, bin, "-baseline", base, "-format=sarif", "./...")
	if r.code != 3 {
		t.Errorf("-format=sarif with new findings: want exit status 3\n%s", r)
	}
	_, results := readSARIF(t, r)
	if len(results) != 2 {
		t.Fatalf("want the 2 new results, got %d\n%s", len(results), r)
	}
	for _, res := range results {
		if res.BaselineState != "new" {
			t.Errorf("result %q: baselineState %q, want new", res.Message.Text, res.BaselineState)
		}
	}
}

// TestReportRoot checks the root report paths are relative to: the
// repository holding the module, else the module, when its sources were
// unpacked inside the tree of an unrelated repository.
func TestReportRoot(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	outer := t.TempDir()
	if r := run(t, outer, "git", "init", "-q"); r.code != 0 {
		t.Fatalf("git init: %s", r)
	}
	dir := filepath.Join(outer, "unpacked", "vetmod")
	copyTree(t, vetmod, dir)
	copyTree(t, filepath.Join(vetmod, "..", "platform"), filepath.Join(outer, "unpacked", "platform"))
	for _, tc := range []struct {
		name, want string
	}{
		{"untracked module", "main.go"},
		{"tracked module", "unpacked/vetmod/main.go"},
	} {
		if tc.name == "tracked module" {
			if r := run(t, outer, "git", "add", "."); r.code != 0 {
				t.Fatalf("git add: %s", r)
			}
		}
		r := run(t, dir, bin, "-format=sarif", "./...")
		_, results := readSARIF(t, r)
		if len(results) == 0 {
			t.Fatalf("%s: no result\n%s", tc.name, r)
		}
		if got := results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != tc.want {
			t.Errorf("%s: result in %q, want %q", tc.name, got, tc.want)
		}
	}
}
