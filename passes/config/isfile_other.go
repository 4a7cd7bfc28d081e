//go:build !(linux || darwin)

package config

import "os"

// isFile reports whether path names something other than a directory.
func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}
