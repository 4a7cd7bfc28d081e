// Package plugin registers idemlint as a golangci-lint v2 module plugin
// named idemlint.
//
// The settings under linters.settings.custom.idemlint.settings use the
// schema of .idemlint.yaml; an unknown or ill-typed key fails the run with
// the key's name. Without settings, each package's .idemlint.yaml is found
// as usual.
package plugin

import (
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
		cfg, err := config.FromSettings(settings)
		if err != nil {
			return nil, err
		}
		config.UseSettings(cfg)
	}
	return plugin{}, nil
}

type plugin struct{}

// BuildAnalyzers returns the suite as one analyzer named like the plugin,
// so golangci-lint shows each finding once, named by its check.
func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzers.Suite}, nil
}

// GetLoadMode asks for type information: the checks need types and facts.
func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
