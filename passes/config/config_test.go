package config_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/idemlint/idemlint/passes/config"
)

const fullFile = `# every key
checks: [all, -idemoverkill]
middleware: [example.com/platform/idem.Middleware]
consumer-middleware: [example.com/platform/idem.Consumer]
consumers: [example.com/shop/broker.Subscriber.Subscribe]
dedup: [example.com/platform/idem.Store.Claim]
fail-open: [example.com/platform/idem.FailOpen, example.com/platform/idem.Config.FailOpen]
ttl: [example.com/platform/idem.WithTTL, example.com/platform/idem.Config.TTL]
local-store: [example.com/platform/idem.NewMemoryStore]
financial:
  paths: ['(^|/)(payments?|refunds?)(/|$)']
  calls: [example.com/billing.Charge]
min-ttl: 36h
min-ttl-financial: 96h
key-headers: [Idempotency-Key]
naturally-idempotent-methods: [put, Delete, PATCH]
mutating-verbs: [Book, Charge]
adr:
  pattern: 'DEC-[0-9]{4}'
  dir: docs/adr
tests: true
unserved-routes: report
exempt:
  - paths: ['^/(admin/)?(login|logout)$']
    checks: [idemhandler, failopen]
    adr: DEC-0003
    reason: sign-in creates a session; a duplicate is harmless
  - packages: ['example.com/shop/internal/mockserver/...']
    adr: DEC-0009
    reason: test doubles served only in end-to-end tests
`

func TestParseFull(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, ".idemlint.yaml")
	writeADRs(t, filepath.Join(dir, "docs", "adr"), "0003-sessions.md", "0009-mocks.md")
	c, err := config.Parse([]byte(fullFile), file)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != file {
		t.Errorf("Path = %q, want %q", c.Path, file)
	}
	for _, tc := range []struct {
		name      string
		got, want []string
	}{
		{"Middleware", c.Middleware, []string{"example.com/platform/idem.Middleware"}},
		{"ConsumerMiddleware", c.ConsumerMiddleware, []string{"example.com/platform/idem.Consumer"}},
		{"Consumers", c.Consumers, []string{"example.com/shop/broker.Subscriber.Subscribe"}},
		{"Dedup", c.Dedup, []string{"example.com/platform/idem.Store.Claim"}},
		{"FailOpen", c.FailOpen, []string{"example.com/platform/idem.FailOpen", "example.com/platform/idem.Config.FailOpen"}},
		{"TTL", c.TTL, []string{"example.com/platform/idem.WithTTL", "example.com/platform/idem.Config.TTL"}},
		{"LocalStore", c.LocalStore, []string{"example.com/platform/idem.NewMemoryStore"}},
		{"FinancialCalls", c.FinancialCalls, []string{"example.com/billing.Charge"}},
		{"KeyHeaders", c.KeyHeaders, []string{"Idempotency-Key"}},
		{"NaturallyIdempotentMethods", c.NaturallyIdempotentMethods, []string{"PUT", "DELETE", "PATCH"}},
		{"MutatingVerbs", c.MutatingVerbs, []string{"Book", "Charge"}},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	for _, name := range config.CheckNames {
		if got, want := c.Enabled(name), name != "idemoverkill"; got != want {
			t.Errorf("Enabled(%q) = %v, want %v", name, got, want)
		}
	}
	if len(c.FinancialPaths) != 1 || c.FinancialPaths[0].String() != `(^|/)(payments?|refunds?)(/|$)` {
		t.Errorf("FinancialPaths = %v", c.FinancialPaths)
	}
	if !c.FinancialPath("/v1/payments") || c.FinancialPath("/v1/charges") {
		t.Errorf("financial.paths did not replace the defaults")
	}
	if c.MinTTL != 36*time.Hour || c.MinTTLFinancial != 96*time.Hour {
		t.Errorf("MinTTL, MinTTLFinancial = %v, %v", c.MinTTL, c.MinTTLFinancial)
	}
	if !c.NaturallyIdempotent("patch") || c.NaturallyIdempotent("POST") {
		t.Errorf("NaturallyIdempotent is wrong for %q", c.NaturallyIdempotentMethods)
	}
	if !c.ADRPattern.MatchString("DEC-0042") || c.ADRPattern.MatchString("DEC-42") || c.ADRPattern.MatchString("xDEC-0042") || c.ADRPattern.MatchString("DEC-00421") {
		t.Errorf("ADRPattern %v does not match whole ids", c.ADRPattern)
	}
	if want := filepath.Join(dir, "docs", "adr"); c.ADRDir != want {
		t.Errorf("ADRDir = %q, want %q", c.ADRDir, want)
	}
	if !c.Tests {
		t.Errorf("Tests = false")
	}
	if !c.ReportUnserved {
		t.Errorf("ReportUnserved = false")
	}
	if len(c.Exemptions) != 2 {
		t.Fatalf("Exemptions = %+v, want 2", c.Exemptions)
	}
	login, mocks := c.Exemptions[0], c.Exemptions[1]
	if login.Name() != "exempt[0]" || login.Line != 24 || login.ADR != "DEC-0003" || login.Reason != "sign-in creates a session; a duplicate is harmless" ||
		!slices.Equal(login.Checks, []string{"idemhandler", "idemfailopen"}) || len(login.Paths) != 1 || login.Packages != nil {
		t.Errorf("exempt[0] = %+v", login)
	}
	if mocks.Name() != "exempt[1]" || mocks.Line != 28 || mocks.ADR != "DEC-0009" || mocks.Checks != nil ||
		!slices.Equal(mocks.Packages, []string{"example.com/shop/internal/mockserver/..."}) || mocks.Paths != nil {
		t.Errorf("exempt[1] = %+v", mocks)
	}
}

// writeADRs creates dir holding empty ADR documents with the given names.
func writeADRs(t *testing.T, dir string, names ...string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		writeFile(t, filepath.Join(dir, name), "# "+name+"\n")
	}
}

func TestExemptionMatches(t *testing.T) {
	c := mustParse(t, `exempt:
  - paths: ['^/(admin/)?(login|logout)$', '^/auth\.v1\.Auth/']
    checks: [handler]
    adr: ADR-3
    reason: sessions
  - packages: [example.com/shop/internal/mockserver/..., example.com/tools/cmd/seed]
    adr: ADR-9
    reason: test doubles
  - paths: ['^/v1/debug/']
    packages: [example.com/shop/...]
    adr: ADR-10
    reason: debug endpoints of the shop
`)
	login, mocks, debug := c.Exemptions[0], c.Exemptions[1], c.Exemptions[2]
	for _, tc := range []struct {
		x     *config.Exemption
		route string
		pkgs  []string
		want  bool
	}{
		{login, "/login", []string{"example.com/a"}, true},
		{login, "/admin/logout", nil, true},
		{login, "/auth.v1.Auth/SignIn", nil, true},
		{login, "/login/reset", nil, false},
		{login, "", []string{"example.com/a"}, false},                       // no route, or a dynamic path
		{mocks, "", []string{"example.com/shop/internal/mockserver"}, true}, // "/..." also matches the path before it
		{mocks, "/v1/x", []string{"example.com/shop/internal/mockserver/payments"}, true},
		{mocks, "", []string{"example.com/shop/internal/mockserver_test"}, true}, // an external test package
		{mocks, "", []string{"example.com/shop/internal/mockservers"}, false},
		{mocks, "", []string{"example.com/shop/cmd/shop", "example.com/shop/internal/mockserver/api"}, true}, // served elsewhere
		{mocks, "", []string{"example.com/tools/cmd/seed"}, true},
		{mocks, "", []string{"example.com/tools/cmd/seed/x"}, false},
		{debug, "/v1/debug/vars", []string{"example.com/shop/cmd/shop"}, true},
		{debug, "/v1/debug/vars", []string{"example.com/other"}, false}, // every criterion must match
		{debug, "/v1/orders", []string{"example.com/shop/cmd/shop"}, false},
	} {
		if got := tc.x.Matches(tc.route, tc.pkgs...); got != tc.want {
			t.Errorf("%s.Matches(%q, %q) = %v, want %v", tc.x.Name(), tc.route, tc.pkgs, got, tc.want)
		}
	}
	if !login.Applies("idemhandler") || login.Applies("idemttl") || !mocks.Applies("idemttl") {
		t.Errorf("Applies: exempt[0] checks %q, exempt[1] checks %q", login.Checks, mocks.Checks)
	}
}

func TestExemptErrors(t *testing.T) {
	dir := t.TempDir()
	writeADRs(t, filepath.Join(dir, "docs", "adr"), "0003-sessions.md")
	file := filepath.Join(dir, ".idemlint.yaml")
	writeFile(t, file, "")
	checkParseErrors(t, file, []parseError{
		{"exempt: {paths: [x]}\n", []string{".idemlint.yaml:1:", "exempt: want a list of entries"}},
		{"exempt: [ADR-1]\n", []string{"exempt[0]: want a mapping"}},
		{"exempt:\n  - paths: [x]\n    adr: ADR-1\n", []string{".idemlint.yaml:2: exempt[0]: needs reason"}},
		{"exempt:\n  - paths: [x]\n    reason: r\n", []string{".idemlint.yaml:2: exempt[0]: needs adr"}},
		{"exempt:\n  - adr: ADR-1\n    reason: r\n", []string{"exempt[0]: needs paths or packages"}},
		{"exempt:\n  - paths: [x]\n    adr: ADR-1\n    reason: '  '\n", []string{".idemlint.yaml:4: exempt[0].reason: must not be empty"}},
		{"exempt:\n  - paths: ['(']\n    adr: ADR-1\n    reason: r\n", []string{".idemlint.yaml:2: exempt[0].paths[0]:", "not a valid regexp"}},
		{"exempt:\n  - packages: [./internal/mock]\n    adr: ADR-1\n    reason: r\n", []string{"exempt[0].packages[0]:", "not an import path pattern"}},
		{"exempt:\n  - packages: [a]\n    checks: [idemnothing]\n    adr: ADR-1\n    reason: r\n", []string{".idemlint.yaml:3: exempt[0].checks[0]: unknown check"}},
		{"exempt:\n  - packages: [a]\n    checks: []\n    adr: ADR-1\n    reason: r\n", []string{"exempt[0].checks: empty"}},
		{"exempt:\n  - packages: [a]\n    path: [x]\n    adr: ADR-1\n    reason: r\n", []string{".idemlint.yaml:3:", `unknown key "exempt[0].path"`}},
		{"exempt:\n  - packages: [a]\n    adr: 42\n    reason: r\n", []string{"exempt[0].adr: want a string"}},
		// The ADR id is checked like an //idem:exempt directive's, against
		// adr settings that may come after the list.
		{"exempt:\n  - packages: [a]\n    adr: ADR-1\n    reason: r\n  - packages: [b]\n    adr: DEC-3\n    reason: r\nadr:\n  pattern: 'DEC-[0-9]+'\n",
			[]string{`.idemlint.yaml:3: exempt[0].adr: "ADR-1" does not match adr.pattern DEC-[0-9]+`}},
		{"exempt:\n  - packages: [a]\n    adr: ADR-7\n    reason: r\nadr:\n  dir: docs/adr\n",
			[]string{".idemlint.yaml:3: exempt[0].adr: no ADR document for ADR-7 in " + filepath.Join(dir, "docs", "adr")}},
		{"adr:\n  dir: docs/adrs\n", []string{".idemlint.yaml:2: adr.dir: " + filepath.Join(dir, "docs", "adrs") + " does not exist"}},
		{"adr:\n  dir: .idemlint.yaml\n", []string{"adr.dir:", "is not a directory"}},
	})
	c, err := config.Parse([]byte("exempt:\n  - packages: [a]\n    adr: ADR-3\n    reason: r\nadr:\n  dir: docs/adr\n"), file)
	if err != nil || len(c.Exemptions) != 1 {
		t.Errorf("an exemption naming an ADR document: %+v, %v", c, err)
	}
}

func TestDefault(t *testing.T) {
	for _, c := range []*config.Config{config.Default(), mustParse(t, ""), mustParse(t, "# nothing\n"), mustParse(t, "---\n"), mustParse(t, "~\n")} {
		for _, name := range config.CheckNames {
			if !c.Enabled(name) {
				t.Errorf("%q: check %s disabled by default", c.Path, name)
			}
		}
		if c.Enabled("nosuchcheck") {
			t.Errorf("unknown check enabled")
		}
		if c.MinTTL != 24*time.Hour || c.MinTTLFinancial != 72*time.Hour {
			t.Errorf("default TTLs = %v, %v", c.MinTTL, c.MinTTLFinancial)
		}
		if !slices.Equal(c.KeyHeaders, []string{"Idempotency-Key", "X-Idempotency-Key"}) {
			t.Errorf("default KeyHeaders = %q", c.KeyHeaders)
		}
		if !c.NaturallyIdempotent("put") || !c.NaturallyIdempotent("DELETE") || c.NaturallyIdempotent("POST") {
			t.Errorf("default NaturallyIdempotentMethods = %q", c.NaturallyIdempotentMethods)
		}
		if !c.ADRPattern.MatchString("ADR-0042") || c.ADRPattern.MatchString("see ADR-0042") {
			t.Errorf("default ADRPattern = %v", c.ADRPattern)
		}
		if c.ADRDir != "" || c.Tests || len(c.Middleware) != 0 || len(c.FinancialCalls) != 0 {
			t.Errorf("unexpected non-default values: %+v", c)
		}
	}
	if config.Default().Path != "" {
		t.Errorf("Default().Path is not empty")
	}
}

func TestEmptyMethods(t *testing.T) {
	c := mustParse(t, "naturally-idempotent-methods: []\n")
	if c.NaturallyIdempotent("PUT") || c.NaturallyIdempotent("DELETE") {
		t.Errorf("[] still has naturally idempotent methods: %q", c.NaturallyIdempotentMethods)
	}
}

func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		checks string
		want   []string
	}{
		{"[all, -idemoverkill]", without("idemoverkill")},
		{"[idemhandler]", []string{"idemhandler"}},
		{"[-idemttl]", without("idemttl")},
		{"[-idemttl, -idemstore]", without("idemttl", "idemstore")},
		{"[idemhandler, -idemhandler, idemretry]", []string{"idemretry"}},
		{"[-idemretry, all]", config.CheckNames},
		{"[all]", config.CheckNames},
		{"[]", nil},
	} {
		c := mustParse(t, "checks: "+tc.checks+"\n")
		var got []string
		for _, name := range config.CheckNames {
			if c.Enabled(name) {
				got = append(got, name)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("checks: %s enables %q, want %q", tc.checks, got, tc.want)
		}
	}
}

func without(names ...string) []string {
	var res []string
	for _, name := range config.CheckNames {
		if !slices.Contains(names, name) {
			res = append(res, name)
		}
	}
	return res
}

func TestParseErrors(t *testing.T) {
	checkParseErrors(t, ".idemlint.yaml", []parseError{
		{"checks: [all]\nfinancal: {}\n", []string{".idemlint.yaml:2:", `unknown key "financal"`, "known: checks,"}},
		{"adr:\n  pattern: x\n  dri: docs\n", []string{".idemlint.yaml:3:", `unknown key "adr.dri"`, "known: pattern, dir"}},
		{"financial:\n  path: [x]\n", []string{".idemlint.yaml:2:", `unknown key "financial.path"`, "known: paths, calls"}},
		{"tests: \"yes\"\n", []string{".idemlint.yaml:1:", "tests:", `"yes"`}},
		{"tests: yes\n", []string{".idemlint.yaml:1:", "tests:"}},
		{"tests: 1\n", []string{"tests:"}},
		{"unserved-routes: warn\n", []string{".idemlint.yaml:1:", `unserved-routes: want ignore or report, got the string "warn"`}},
		{"unserved-routes: true\n", []string{"unserved-routes: want ignore or report"}},
		{"min-ttl: 5\n", []string{".idemlint.yaml:1:", `min-ttl: "5" is not a duration (want e.g. 24h)`}},
		{"\n\nmin-ttl: 1x\n", []string{`.idemlint.yaml:3: min-ttl: "1x" is not a duration (want e.g. 24h)`}},
		{"min-ttl-financial: 0s\n", []string{"min-ttl-financial:", "positive"}},
		{"min-ttl: -1h\n", []string{"min-ttl:", "positive"}},
		{"min-ttl: [24h]\n", []string{"min-ttl:", "duration"}},
		{"checks: idemhandler\n", []string{".idemlint.yaml:1:", "checks: want a list", "[idemhandler]"}},
		{"financial: [a]\n", []string{".idemlint.yaml:1:", "financial: want a mapping"}},
		{"adr: docs/adr\n", []string{"adr: want a mapping"}},
		{"middleware: example.com/idem.Middleware\n", []string{"middleware: want a list"}},
		{"middleware: [Middleware]\n", []string{"middleware[0]:", `"Middleware" is not a qualified name`}},
		{"dedup: [example.com/idem.(*Store).Claim]\n", []string{"dedup[0]:", "not a qualified name"}},
		{"ttl: [example.com/idem.]\n", []string{"ttl[0]:"}},
		{"local-store: [example.com//idem.New]\n", []string{"local-store[0]:"}},
		{"financial:\n  calls: [example.com/billing]\n", []string{"financial.calls[0]:"}},
		{"fail-open: [5]\n", []string{"fail-open[0]: want a string, got the number 5"}},
		{"consumer-middleware: [[a.B]]\n", []string{"consumer-middleware[0]: want a string"}},
		{"consumers: example.com/broker.Subscriber.Subscribe\n", []string{"consumers: want a list"}},
		{"consumers: [Subscribe]\n", []string{"consumers[0]:", "not a qualified name"}},
		{"financial:\n  paths: ['ok', '(']\n", []string{".idemlint.yaml:2:", "financial.paths[1]:", "not a valid regexp"}},
		{"financial:\n  paths: ['']\n", []string{"financial.paths[0]:", "empty"}},
		{"adr:\n  pattern: '[0-9'\n", []string{".idemlint.yaml:2:", "adr.pattern:", "not a valid regexp"}},
		{"adr:\n  pattern: 'a)|(b'\n", []string{"adr.pattern:", "not a valid regexp"}},
		{"adr:\n  dir: ''\n", []string{"adr.dir:", "empty"}},
		{"adr:\n  dir: 2024\n", []string{"adr.dir: want a string"}},
		{"checks: [all, handler]\n", []string{".idemlint.yaml:1:", `checks[1]: unknown check "handler"`, "idemoverkill", `did you mean "idemhandler"`}},
		{"checks:\n  - -idemtll\n", []string{".idemlint.yaml:2:", `checks[0]: unknown check "-idemtll"`}},
		{"checks: [-all]\n", []string{`unknown check "-all"`}},
		{"naturally-idempotent-methods: [PUT, FETCH]\n", []string{`naturally-idempotent-methods[1]: "FETCH" is not an HTTP method`}},
		{"mutating-verbs: [Create, book]\n", []string{`mutating-verbs[1]: "book" is not a verb`}},
		{"mutating-verbs: Create\n", []string{"mutating-verbs: want a list"}},
		{"key-headers: ['Idempotency Key']\n", []string{"key-headers[0]:", "header"}},
		{"key-headers: []\ntests: true\nkey-headers: [A]\n", []string{".idemlint.yaml:3:", `duplicate key "key-headers"`, "line 1"}},
		{"middleware:\n", []string{"middleware: want a list", "no value"}},
		{"[a, b]\n", []string{".idemlint.yaml:1:", "want a mapping"}},
		{"just a string\n", []string{"want a mapping"}},
		{"checks: [all\n", []string{".idemlint.yaml:", "invalid YAML"}},
		{"a: b: c\n", []string{".idemlint.yaml", "invalid YAML"}},
		{"tests: true\n---\ntests: false\n", []string{"more than one YAML document"}},
		{"? [a]\n: b\n", []string{"keys must be strings"}},
	})
}

// parseError is an invalid configuration and substrings of its error.
type parseError struct {
	in   string
	want []string
}

// checkParseErrors checks that each input, parsed as the file named file,
// fails with an error holding each of its substrings.
func checkParseErrors(t *testing.T, file string, cases []parseError) {
	t.Helper()
	for _, tc := range cases {
		_, err := config.Parse([]byte(tc.in), file)
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", tc.in)
			continue
		}
		for _, want := range tc.want {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("Parse(%q) = %q, want it to contain %q", tc.in, err, want)
			}
		}
	}
}

func TestParseReportsEveryError(t *testing.T) {
	_, err := config.Parse([]byte("tests: 1\nmin-ttl: x\nbogus: 1\n"), "/abs/path/.idemlint.yaml")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"/abs/path/.idemlint.yaml:1: tests:", "/abs/path/.idemlint.yaml:2: min-ttl:", `/abs/path/.idemlint.yaml:3: unknown key "bogus"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestAliases(t *testing.T) {
	c := mustParse(t, "middleware: &m [example.com/idem.Middleware]\nconsumer-middleware: *m\n")
	if !slices.Equal(c.ConsumerMiddleware, []string{"example.com/idem.Middleware"}) {
		t.Errorf("ConsumerMiddleware = %q", c.ConsumerMiddleware)
	}
}

func TestFinancialPath(t *testing.T) {
	c := config.Default()
	for path, want := range map[string]bool{
		"/v1/charges":              true,
		"/v1/charges/{id}/capture": true,
		"/v1/discharge":            false,
		"/orders":                  true,
		"/v1/recorder":             false,
		"/v1/Payments":             true,
		"/pay":                     true,
		"/v1/payment/{id}":         true,
		"/refund/":                 true,
		"/api/ledger":              true,
		"/invoices/:id":            true,
		"/billing":                 true,
		"/checkout/{$}":            true,
		"/wallets":                 true,
		"/withdrawals":             true,
		"/deposit":                 true,
		"/shipments":               true,
		"/fulfilment":              true,
		"/fulfillments/{id}":       true,
		"/transfers":               true,
		"/payouts":                 true,
		"/users":                   false,
		"/v1/payday":               false,
		"/v1/reorder":              false,
		"/v1/orderly":              false,
		"/":                        false,
		"":                         false,
	} {
		// The second answer for the built-in pattern is remembered.
		for round := range 2 {
			if got := c.FinancialPath(path); got != want {
				t.Errorf("FinancialPath(%q) = %v, want %v (round %d)", path, got, want, round+1)
			}
		}
	}
	if none := mustParse(t, "financial:\n  paths: []\n"); none.FinancialPath("/payments") {
		t.Error("financial.paths: [] still matches /payments")
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.yaml")
	if _, err := config.Load(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Load(missing) = %v, want an error naming %s", err, missing)
	}
	file := filepath.Join(dir, ".idemlint.yaml")
	writeFile(t, file, "tests: true\n")
	c, err := config.Load(file)
	if err != nil || !c.Tests || c.Path != file {
		t.Errorf("Load = %+v, %v", c, err)
	}
	writeFile(t, file, "tests: maybe\n")
	if _, err := config.Load(file); err == nil || !strings.Contains(err.Error(), file+":1: tests:") {
		t.Errorf("Load(invalid) = %v, want an error naming the file and key", err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := config.Find(deep); got != "" && strings.HasPrefix(got, root) {
		t.Errorf("Find with no config = %q", got)
	}
	yml := filepath.Join(root, "a", ".idemlint.yml")
	writeFile(t, yml, "")
	if got := config.Find(deep); got != yml {
		t.Errorf("Find = %q, want %q", got, yml)
	}
	yaml := filepath.Join(root, "a", ".idemlint.yaml")
	writeFile(t, yaml, "")
	if got := config.Find(deep); got != yaml {
		t.Errorf("Find with both = %q, want %q", got, yaml)
	}
	inner := filepath.Join(root, "a", "b", ".idemlint.yml")
	writeFile(t, inner, "")
	if got := config.Find(deep); got != inner {
		t.Errorf("Find = %q, want nearest %q", got, inner)
	}
	if got := config.Find(filepath.Join(root, "a")); got != yaml {
		t.Errorf("Find in the config's own directory = %q, want %q", got, yaml)
	}
	// A directory with the config name is not a config file.
	if err := os.Mkdir(filepath.Join(deep, ".idemlint.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := config.Find(deep); got != inner {
		t.Errorf("Find = %q, want %q", got, inner)
	}
	// A symbolic link to a file is a config file; one to a directory is not.
	link := filepath.Join(deep, ".idemlint.yml")
	if err := os.Symlink(filepath.Join(root, "a"), link); err != nil {
		t.Skip(err)
	}
	if got := config.Find(deep); got != inner {
		t.Errorf("Find with a link to a directory = %q, want %q", got, inner)
	}
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(yaml, link); err != nil {
		t.Fatal(err)
	}
	if got := config.Find(deep); got != link {
		t.Errorf("Find with a link to a file = %q, want %q", got, link)
	}
}

func TestFindMemoized(t *testing.T) {
	root := t.TempDir()
	deep, sibling := filepath.Join(root, "a", "b"), filepath.Join(root, "a", "c")
	for _, d := range []string{deep, sibling} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	top := filepath.Join(root, "a", ".idemlint.yaml")
	writeFile(t, top, "")
	config.MemoizeDiscovery()
	t.Cleanup(config.StopMemoizing)
	if got := config.Find(deep); got != top {
		t.Fatalf("Find = %q, want %q", got, top)
	}
	// A file that appears later is not seen: the directories on the way
	// up are remembered, and a sibling shares its parent's answer.
	writeFile(t, filepath.Join(deep, ".idemlint.yaml"), "")
	if got := config.Find(deep); got != top {
		t.Errorf("Find after a file appeared = %q, want the remembered %q", got, top)
	}
	if err := os.Remove(top); err != nil {
		t.Fatal(err)
	}
	if got := config.Find(sibling); got != top {
		t.Errorf("Find in a sibling = %q, want the parent's remembered %q", got, top)
	}
	config.StopMemoizing()
	if got := config.Find(deep); got != filepath.Join(deep, ".idemlint.yaml") {
		t.Errorf("Find without memoizing = %q, want the new file", got)
	}
}

func TestFindNone(t *testing.T) {
	// Nothing is found above a fresh temporary directory unless the
	// machine has a configuration file in one of its ancestors.
	dir := t.TempDir()
	got := config.Find(dir)
	if got != "" && strings.HasPrefix(got, dir) {
		t.Errorf("Find = %q", got)
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".idemlint.yaml")); err == nil {
			t.Skipf("%s has a configuration file", d)
		}
		if _, err := os.Stat(filepath.Join(d, ".idemlint.yml")); err == nil {
			t.Skipf("%s has a configuration file", d)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if got != "" {
		t.Errorf("Find = %q, want \"\"", got)
	}
}

func TestFromSettings(t *testing.T) {
	c, err := config.FromSettings(nil, "")
	if err != nil || c.Path != "" || !c.Enabled("idemhandler") {
		t.Errorf("FromSettings(nil) = %+v, %v", c, err)
	}

	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	c, err = config.FromSettings(map[string]any{
		"checks":     []any{"all", "-idemttl"},
		"middleware": []any{"example.com/idem.Middleware"},
		"financial":  map[string]any{"calls": []any{"example.com/billing.Charge"}},
		"min-ttl":    "48h",
		"adr":        map[string]any{"dir": "testdata"},
		"tests":      true,
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != "golangci-lint settings" || c.Enabled("idemttl") || !c.Enabled("idemretry") ||
		!slices.Equal(c.Middleware, []string{"example.com/idem.Middleware"}) ||
		!slices.Equal(c.FinancialCalls, []string{"example.com/billing.Charge"}) ||
		c.MinTTL != 48*time.Hour || !c.Tests || c.ADRDir != filepath.Join(wd, "testdata") {
		t.Errorf("FromSettings = %+v", c)
	}

	c, err = config.FromSettings(map[string]any{}, "")
	if err != nil || c.Path != "golangci-lint settings" || !c.Enabled("idemexempt") {
		t.Errorf("FromSettings(empty) = %+v, %v", c, err)
	}

	// A relative adr.dir is relative to the directory given: that of the
	// file holding the settings.
	cfgDir := t.TempDir()
	writeADRs(t, filepath.Join(cfgDir, "docs", "adr"), "0001-x.md")
	c, err = config.FromSettings(map[string]any{"adr": map[string]any{"dir": "docs/adr"}}, cfgDir)
	if err != nil || c.ADRDir != filepath.Join(cfgDir, "docs", "adr") {
		t.Errorf("FromSettings with adr.dir docs/adr in %s = %+v, %v", cfgDir, c, err)
	}
	if _, err := config.FromSettings(map[string]any{"adr": map[string]any{"dir": "docs/adr"}}, ""); err == nil || !strings.Contains(err.Error(), "adr.dir: "+filepath.Join(wd, "docs", "adr")+" does not exist") {
		t.Errorf("FromSettings with adr.dir docs/adr here: %v, want an error: no such directory", err)
	}

	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"financal": map[string]any{}}, `golangci-lint settings: unknown key "financal"`},
		{map[string]any{"adr": map[string]any{"dri": "x"}}, `golangci-lint settings: unknown key "adr.dri"`},
		{map[string]any{"tests": "yes"}, `golangci-lint settings: tests: want true or false, got the string "yes"`},
		{map[string]any{"unserved-routes": "always"}, `golangci-lint settings: unserved-routes: want ignore or report, got the string "always"`},
		{map[string]any{"min-ttl": 5}, `golangci-lint settings: min-ttl: "5" is not a duration`},
		{map[string]any{"min-ttl": 1.5}, `golangci-lint settings: min-ttl: "1.5" is not a duration`},
		{map[string]any{"checks": "idemhandler"}, `golangci-lint settings: checks: want a list`},
		{map[string]any{"financial": []any{"a"}}, `golangci-lint settings: financial: want a mapping`},
		{map[any]any{"key-headers": []any{1}}, `golangci-lint settings: key-headers[0]: want a string, got the number 1`},
		{"checks: [all]", "golangci-lint settings: want a mapping"},
		{map[string]any{"middleware": make(chan int)}, "golangci-lint settings: cannot encode settings"},
	} {
		_, err := config.FromSettings(tc.settings, "")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("FromSettings(%v) = %v, want an error containing %q", tc.settings, err, tc.want)
		}
	}
}

func mustParse(t *testing.T, in string) *config.Config {
	t.Helper()
	c, err := config.Parse([]byte(in), ".idemlint.yaml")
	if err != nil {
		t.Fatalf("Parse(%q): %v", in, err)
	}
	return c
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
