package config_test

import (
	"strings"
	"testing"

	"github.com/idemlint/idemlint/passes/config"
)

func FuzzParse(f *testing.F) {
	f.Add([]byte(fullFile))
	f.Add([]byte("checks: [-idemttl]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := config.Parse(data, ".idemlint.yaml")
		if err == nil && (c == nil || c.ADRPattern == nil || c.MinTTL <= 0 || c.MinTTLFinancial <= 0) {
			t.Fatalf("Parse(%q) = %+v without error", data, c)
		}
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("Parse(%q) panicked: %v", data, err)
		}
		if err != nil && c != nil {
			t.Fatalf("Parse(%q) returned a config and an error", data)
		}
	})
}
