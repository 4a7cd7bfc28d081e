package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/passes/config"
)

// TestVetDependency checks how the tool tells go vet's runs on
// dependencies, whose diagnostics go vet discards, from the others.
func TestVetDependency(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string { return writeIn(t, dir, name, content) }
	dep := write("dep.cfg", `{"ID": "net", "ImportPath": "net", "VetxOnly": true}`)
	root := write("root.cfg", `{"ID": "example.com/shop", "ImportPath": "example.com/shop", "VetxOnly": false}`)
	broken := write("broken.cfg", `{"VetxOnly": tru`)
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{dep}, true},
		{[]string{"-json", dep}, true},
		{[]string{root}, false},
		{[]string{broken}, false},
		{[]string{filepath.Join(dir, "missing.cfg")}, false},
		{[]string{"./..."}, false},
		{nil, false},
	} {
		if got := vetDependency(tc.args); got != tc.want {
			t.Errorf("vetDependency(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestVetUnit checks how a unit's -config is resolved against the
// directory go vet was started in, and that an invalid configuration
// stops the unit.
func TestVetUnit(t *testing.T) {
	t.Cleanup(func() { config.Analyzer.Flags.Set("config", "") })
	dir := t.TempDir()
	pkg := filepath.Join(dir, "pkg")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) string { return writeIn(t, dir, name, content) }
	unit := write("unit.cfg", `{"ID": "example.com/pkg", "Dir": "`+pkg+`", "VetxOnly": true}`)
	write("ci.yaml", "checks: [all]\n")
	bad := write("bad.yaml", "checks: [all]\nbogus: 1\n")
	for _, tc := range []struct {
		args, want []string
		invocation string
		ok         bool
	}{
		{[]string{"-config=ci.yaml", unit}, []string{"-config=" + filepath.Join(dir, "ci.yaml"), unit}, dir, true},
		{[]string{"--config", "ci.yaml", "-json", unit}, []string{"--config", filepath.Join(dir, "ci.yaml"), "-json", unit}, dir, true},
		{[]string{"-config=" + bad, unit}, []string{"-config=" + bad, unit}, dir, false},
		{[]string{"-config=bad.yaml", unit}, []string{"-config=" + bad, unit}, dir, false},
		{[]string{"-config=ci.yaml", unit}, []string{"-config=ci.yaml", unit}, "", false}, // not recorded: pkg/ci.yaml
		{[]string{"-configx=ci.yaml", unit}, []string{"-configx=ci.yaml", unit}, dir, true},
	} {
		config.Analyzer.Flags.Set("config", "")
		var stderr strings.Builder
		got, ok := vetUnit(tc.args, tc.invocation, &stderr)
		if !slices.Equal(got, tc.want) || ok != tc.ok {
			t.Errorf("vetUnit(%q, %q) = %q, %v; want %q, %v", tc.args, tc.invocation, got, ok, tc.want, tc.ok)
		}
		if !ok && !strings.HasPrefix(stderr.String(), "idemlint: ") {
			t.Errorf("vetUnit(%q): stderr %q, want the error", tc.args, stderr.String())
		}
	}
}

// writeIn writes a file of dir and returns its path.
func writeIn(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
