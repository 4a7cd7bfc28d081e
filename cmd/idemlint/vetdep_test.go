package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestVetDependency checks how the tool tells go vet's runs on
// dependencies, whose diagnostics go vet discards, from the others.
func TestVetDependency(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
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
