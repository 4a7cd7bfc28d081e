package typesutil

import "testing"

func TestIsStd(t *testing.T) {
	for path, want := range map[string]bool{
		"fmt":                         true,
		"net/http":                    true,
		"net/http_test":               true,
		"fmt_test":                    true,
		"internal/poll":               true,
		"vendor/golang.org/x/net/dns": true,
		"example.com/net":             false,
		"github.com/go-chi/chi/v5":    false,
		"myapp":                       false,
		"myapp_test":                  false,
		"textual/x":                   false,
		"":                            false,
	} {
		if got := IsStd(path); got != want {
			t.Errorf("IsStd(%q) = %v, want %v", path, got, want)
		}
	}
}
