package config_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/passes/config"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// reportTests reports the Tests setting of each file's configuration, to
// show that discovery starts from the package directory under the real
// driver.
var reportTests = &analysis.Analyzer{
	Name:     "reporttests",
	Doc:      "report the tests setting",
	Requires: []*analysis.Analyzer{config.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		cfg := pass.ResultOf[config.Analyzer].(*config.Config)
		for _, file := range pass.Files {
			pass.Reportf(file.Package, "tests=%v", cfg.Tests)
		}
		return nil, nil
	},
}

func TestAnalyzerDiscovery(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), reportTests, "a")
}

// ignore is an analysistest.Testing that discards failures: the
// precedence tests inspect the results themselves.
type ignore struct{}

func (ignore) Errorf(string, ...any) {}

// runConfig runs config.Analyzer on testdata package a, whose directory
// holds a configuration with tests: true.
func runConfig(t *testing.T) (*config.Config, error) {
	t.Helper()
	res := analysistest.Run(ignore{}, analysistest.TestData(), config.Analyzer, "a")
	if len(res) != 1 {
		t.Fatalf("got %d results, want 1", len(res))
	}
	if res[0].Err != nil {
		return nil, res[0].Err
	}
	return res[0].Result.(*config.Config), nil
}

func setFlag(t *testing.T, value string) {
	t.Helper()
	if err := config.Analyzer.Flags.Set("config", value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { config.Analyzer.Flags.Set("config", "") })
}

func TestAnalyzerPrecedence(t *testing.T) {
	dir := t.TempDir()
	off := filepath.Join(dir, "off.yaml")
	writeFile(t, off, "tests: false\nchecks: [idemttl]\n")

	c, err := runConfig(t)
	if err != nil || !c.Tests {
		t.Fatalf("discovery: %+v, %v", c, err)
	}

	settings := config.Default()
	settings.Tests = false
	config.UseSettings(settings)
	t.Cleanup(func() { config.UseSettings(nil) })
	if c, err := runConfig(t); err != nil || c != settings {
		t.Errorf("settings: got %+v, %v, want the settings", c, err)
	}

	setFlag(t, off)
	c, err = runConfig(t)
	if err != nil || c.Tests || c.Path != off || c.Enabled("idemhandler") {
		t.Errorf("-config: got %+v, %v, want %s", c, err, off)
	}

	// An edited file is read again.
	writeFile(t, off, "tests: true\nchecks: [idemttl]\n")
	if c, err := runConfig(t); err != nil || !c.Tests {
		t.Errorf("after edit: got %+v, %v", c, err)
	}

	// A broken or missing file fails the analysis; it never falls back.
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, "checks: [all]\nmin-ttl: 1x\n")
	setFlag(t, bad)
	for range 2 { // the second run uses the cached error
		if _, err := runConfig(t); err == nil || !strings.Contains(err.Error(), bad+`:2: min-ttl: "1x" is not a duration`) {
			t.Errorf("broken config: got %v", err)
		}
	}
	missing := filepath.Join(dir, "missing.yaml")
	setFlag(t, missing)
	if _, err := runConfig(t); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing config: got %v", err)
	}
}
