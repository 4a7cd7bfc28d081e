// Package plugin registers idemlint as a golangci-lint v2 module plugin
// named idemlint.
//
// The settings under linters.settings.custom.idemlint.settings use the
// schema of .idemlint.yaml; an unknown or ill-typed key fails the run with
// the key's name. A relative path in them (adr.dir) is relative to the
// golangci-lint configuration file that holds them, wherever golangci-lint
// runs. Without settings, each package's .idemlint.yaml is found as usual.
package plugin

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/passes/config"
)

func init() {
	register.Plugin("idemlint", New)
}

// New builds the plugin from its raw settings.
func New(settings any) (register.LinterPlugin, error) {
	if m, ok := settings.(map[string]any); ok && len(m) == 0 {
		settings = nil
	}
	if settings != nil {
		cfg, err := config.FromSettings(settings, settingsDir(os.Args[1:]))
		if err != nil {
			return nil, err
		}
		config.UseSettings(cfg)
	}
	return plugin{}, nil
}

// settingsDir returns the directory of the golangci-lint configuration
// file, which golangci-lint does not tell its plugins: the file named by
// --config (-c) on its command line args, else the first .golangci.json,
// .toml, .yaml or .yml found, in golangci-lint's order, in the current
// directory, a directory above it or the home directory. golangci-lint
// also looks from the directory of the first package pattern before the
// directories above the current one; here a file there is not found
// unless it is in one of those. It returns "" (the current directory)
// when there is none.
func settingsDir(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		var path string
		switch {
		case a == "--config" || a == "-c":
			if i+1 < len(args) {
				path = args[i+1]
			}
		case strings.HasPrefix(a, "--config="):
			path = strings.TrimPrefix(a, "--config=")
		case strings.HasPrefix(a, "-c") && !strings.HasPrefix(a, "--"):
			path = strings.TrimPrefix(strings.TrimPrefix(a, "-c"), "=")
		default:
			continue
		}
		if strings.HasPrefix(path, "~/") {
			if home, err := os.UserHomeDir(); err == nil {
				path = filepath.Join(home, path[2:])
			}
		}
		return filepath.Dir(path)
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	var dirs []string
	for dir := wd; ; dir = filepath.Dir(dir) {
		dirs = append(dirs, dir)
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, home)
	}
	for _, dir := range dirs {
		for _, ext := range []string{"json", "toml", "yaml", "yml"} {
			if fi, err := os.Stat(filepath.Join(dir, ".golangci."+ext)); err == nil && !fi.IsDir() {
				return dir
			}
		}
	}
	return ""
}

type plugin struct{}

// BuildAnalyzers returns the suite as one analyzer named like the plugin,
// so golangci-lint shows each finding once, named by its check.
func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzers.Suite}, nil
}

// GetLoadMode asks for type information: the checks need types and facts.
func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
