// Package optkit builds platform options in another package.
package optkit

import "example.com/platform/idem"

// FromConfig turns a configuration into an option.
func FromConfig(c idem.Config) idem.Option {
	return func(dst *idem.Config) { *dst = c }
}
