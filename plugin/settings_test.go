package plugin

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSettingsDir checks how the plugin finds the directory of the
// golangci-lint configuration file that holds its settings.
func TestSettingsDir(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	root, _ := filepath.EvalSymlinks(t.TempDir())
	sub := filepath.Join(root, "service", "api")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".golangci.yml", filepath.Join("service", ".golangci.json")} {
		if err := os.WriteFile(filepath.Join(root, name), []byte("version: \"2\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(sub)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, filepath.Join(root, "service")}, // the nearest, as golangci-lint searches
		{[]string{"run", "./..."}, filepath.Join(root, "service")},
		{[]string{"run", "-c", "/etc/lint/golangci.yml", "./..."}, "/etc/lint"},
		{[]string{"run", "--config", "ci/golangci.yml"}, "ci"},
		{[]string{"run", "--config=ci/golangci.yml"}, "ci"},
		{[]string{"run", "-c=ci/golangci.yml"}, "ci"},
		{[]string{"run", "-cci/golangci.yml"}, "ci"},
		{[]string{"run", "--", "-c", "x/y.yml"}, filepath.Join(root, "service")},
	} {
		if got := settingsDir(tc.args); got != tc.want {
			t.Errorf("settingsDir(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
	if err := os.Remove(filepath.Join(root, "service", ".golangci.json")); err != nil {
		t.Fatal(err)
	}
	if got := settingsDir(nil); got != root {
		t.Errorf("settingsDir(nil) = %q, want %q", got, root)
	}
	if err := os.Remove(filepath.Join(root, ".golangci.yml")); err != nil {
		t.Fatal(err)
	}
	if got := settingsDir(nil); got != "" {
		t.Errorf("settingsDir(nil) without a configuration file = %q, want \"\"", got)
	}
}
