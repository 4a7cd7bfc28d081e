package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const findingsJSON = `{
	"example.com/svc/api": {
		"idemhandler": [
			{"category": "idemhandler", "posn": "/src/svc/api/routes.go:12:2", "message": "idemhandler: POST /v1/x is served without idempotency middleware"}
		],
		"idemexempt": {"error": "invalid configuration"}
	},
	"example.com/svc/api [example.com/svc/api.test]": {
		"idemhandler": [
			{"category": "idemhandler", "posn": "/src/svc/api/routes.go:12:2", "message": "idemhandler: POST /v1/x is served without idempotency middleware"},
			{"category": "idemhandler", "posn": "/src/svc/api/routes.go:9:2", "message": "idemhandler: PATCH /v1/y is served without idempotency middleware"}
		]
	},
	"example.com/svc/worker": {
		"idemconsumer": [
			{"category": "idemconsumer", "posn": "/elsewhere/consumer.go:30:5", "message": "idemconsumer: kafka-go consumer"}
		]
	}
}`

func TestParseFindings(t *testing.T) {
	fs, raw, errs, err := parseFindings([]byte(findingsJSON), "/src/svc")
	if err != nil {
		t.Fatal(err)
	}
	if raw != 4 {
		t.Errorf("raw = %d, want 4", raw)
	}
	want := []finding{
		{"idemconsumer", "/elsewhere/consumer.go:30:5", "idemconsumer: kafka-go consumer"},
		{"idemhandler", "api/routes.go:9:2", "idemhandler: PATCH /v1/y is served without idempotency middleware"},
		{"idemhandler", "api/routes.go:12:2", "idemhandler: POST /v1/x is served without idempotency middleware"},
	}
	if len(fs) != len(want) {
		t.Fatalf("findings = %v, want %v", fs, want)
	}
	for i := range want {
		if fs[i] != want[i] {
			t.Errorf("finding %d = %v, want %v", i, fs[i], want[i])
		}
	}
	if len(errs) != 1 || errs[0].Check != "idemexempt" || errs[0].Message != "invalid configuration" {
		t.Errorf("errors = %v", errs)
	}
	if got := fileLine(fs[2].Posn); got != "api/routes.go:12" {
		t.Errorf("fileLine = %q", got)
	}
}

func TestParseFindingsRejectsGarbage(t *testing.T) {
	if _, _, _, err := parseFindings([]byte(`{"p": {"c": [1]}}`), ""); err == nil {
		t.Error("no error for a diagnostic that is not an object")
	}
}

const inventoryJSON = `{"version": 1, "entries": [
	{"kind": "route", "method": "POST", "path": "/a", "framework": "chi", "file": "api/r.go", "line": 3, "status": "unknown", "detail": "router not served"},
	{"kind": "route", "method": "PATCH", "path": "/b", "framework": "chi", "file": "api/r.go", "line": 4, "status": "unprotected"},
	{"kind": "route", "method": "ANY", "path": "/c", "framework": "net/http", "file": "api/r.go", "line": 5, "status": "not-mutating"},
	{"kind": "route", "method": "PUT", "path": "/d", "framework": "chi", "file": "api/r.go", "line": 6, "status": "unknown", "detail": "router not served"},
	{"kind": "unrecognised", "method": "POST", "path": "/e", "receiver": "*web.App", "file": "api/r.go", "line": 7, "status": "unrecognised"},
	{"kind": "rpc", "method": "RPC", "path": "/pkg.S/Create", "framework": "grpc", "file": "main.go", "line": 9, "status": "unprotected"},
	{"kind": "consumer", "library": "kafka-go", "file": "c.go", "line": 1, "status": "unprotected"},
	{"kind": "retry", "mechanism": "retry.Do", "file": "r.go", "line": 2, "status": "ok"},
	{"kind": "route", "method": "PATCH", "path": "/b", "framework": "chi", "file": "api/r.go", "line": 4, "status": "unknown", "detail": "router not served"},
	{"kind": "route", "method": "PATCH", "path": "/v1/b", "framework": "chi", "file": "api/r.go", "line": 4, "status": "unprotected"},
	{"kind": "rpc", "method": "RPC", "path": "/pkg.S/Delete", "framework": "grpc", "file": "main.go", "line": 9, "status": "unprotected"}
]}`

func TestSummary(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"svc.meta":           "name\tsvc\nrepo\texample/svc\ncommit\t0123456789abcdef\nsubdir\t.\nidemlint\tabc\ndir\t/src/svc\nfindings_rc\t0\ninventory_rc\t0\n",
		"svc.findings.json":  findingsJSON,
		"svc.inventory.json": inventoryJSON,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := load(dir, "svc")
	if s.Listed != 11 || len(s.Inv.Entries) != 9 || s.Conflict != 1 {
		t.Errorf("listed %d, distinct %d, conflicting %d; want 11, 9, 1", s.Listed, len(s.Inv.Entries), s.Conflict)
	}
	routes, cons, retries := tally(s)
	if got := routes["POST/PATCH"]; got["unknown"] != 1 || got["unprotected"] != 1 || got["unrecognised"] != 1 || got.total() != 3 {
		t.Errorf("POST/PATCH = %v", got)
	}
	if routes["ANY"]["not-mutating"] != 1 || routes["RPC"]["unprotected"] != 2 {
		t.Errorf("routes = %v", routes)
	}
	if cons["unprotected"] != 1 || retries["ok"] != 1 {
		t.Errorf("consumers = %v, retries = %v", cons, retries)
	}
	var out bytes.Buffer
	write(&out, []service{s}, true)
	for _, want := range []string{
		"| svc | 0 | 1 | 0 | 1 | 0 | 1 | 3 |",
		"| router not served | 1 | svc 1 |",
		"| svc | `*web.App` | 1 | 0 | 1 |",
		"| idemhandler | api/routes.go:12 | idemhandler: POST /v1/x",
		"svc: example.com/svc/api idemexempt: invalid configuration",
		"| 0, 0 | ,  | 11, 9, 1 |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out.String())
		}
	}
}
