// Package typesutil holds the small type and import-path helpers that
// several passes share.
package typesutil

import (
	"go/types"
	"strings"
)

// NamedOf returns the named type t denotes, looking through one pointer
// and aliases, or nil.
func NamedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// NormPath removes major-version elements ("/v5", "/v82") after the first
// element of an import path, so one table row covers every major version.
func NormPath(path string) string {
	if !strings.Contains(path, "/v") {
		return path
	}
	parts := strings.Split(path, "/")
	out := parts[:1]
	for _, p := range parts[1:] {
		if len(p) > 1 && p[0] == 'v' && strings.Trim(p[1:], "0123456789") == "" {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "/")
}
