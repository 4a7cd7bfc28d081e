//go:build linux || darwin

package config

import "syscall"

// isFile reports whether path names something other than a directory, as
// !os.Stat(path).IsDir() does, without os.Stat's allocations: Find makes
// two calls per directory level for every package.
func isFile(path string) bool {
	var st syscall.Stat_t
	for {
		err := syscall.Stat(path, &st)
		if err == syscall.EINTR {
			continue
		}
		return err == nil && st.Mode&syscall.S_IFMT != syscall.S_IFDIR
	}
}
