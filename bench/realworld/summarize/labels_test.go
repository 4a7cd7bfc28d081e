package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCarryAndScore(t *testing.T) {
	services := []service{{
		Name: "svc",
		Meta: map[string]string{"commit": "c1"},
		Findings: []finding{
			{Check: "idemhandler", Posn: "api.go:10:2", Message: "idemhandler: POST /a is served"},
			{Check: "idemhandler", Posn: "api.go:11:2", Message: "idemhandler: POST /b is served"},
		},
	}}
	old := []label{
		{"svc", "c1", "idemhandler", "api.go:10", "idemhandler: POST /a is served", "true", "creates a row"},
		{"svc", "c0", "idemhandler", "api.go:11", "idemhandler: POST /b is served", "false", "another commit"},
	}
	var buf bytes.Buffer
	if err := carryLabels(&buf, services, old); err != nil {
		t.Fatal(err)
	}
	want := "service\tcommit\tcheck\tfile:line\tmessage\tlabel\treason\n" +
		"svc\tc1\tidemhandler\tapi.go:10\tidemhandler: POST /a is served\ttrue\tcreates a row\n" +
		"svc\tc1\tidemhandler\tapi.go:11\tidemhandler: POST /b is served\tTODO\t\n"
	if buf.String() != want {
		t.Fatalf("carried labels:\n%s\nwant:\n%s", buf.String(), want)
	}
	path := filepath.Join(t.TempDir(), "labels.tsv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	labels, err := readLabels(path)
	if err != nil || len(labels) != 2 {
		t.Fatalf("readLabels = %v, %v", labels, err)
	}
	var out bytes.Buffer
	writeScores(&out, labels)
	for _, line := range []string{
		"| idemhandler | 2 | 1 | 0 | 0 | 50 % | (1 not labelled)",
		"| svc | 2 | 1 | 0 | 0 | 50 % | (1 not labelled)",
		"Services with findings at 90 % true or more: 0 ().",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("scores lack %q:\n%s", line, out.String())
		}
	}
}
