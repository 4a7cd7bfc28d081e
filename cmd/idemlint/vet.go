package main

// Units of go vet and go fix. The go command asks the tool for its flags
// in the directory it was started in, then runs the tool once per package
// in the package's directory, passing the flags as written and a unit
// configuration file. Two things the multichecker cannot do are done here
// before it runs:
//
//   - A relative -config names a file relative to the directory go vet was
//     started in. No unit says which that was (the go command sets PWD to
//     the package's directory), so the tool records it when asked for its
//     flags, under the go command's process id, and each unit reads it.
//   - An invalid configuration stops the unit with the error, exit status
//     1: go vet prints it under the package's name and caches nothing.
//     Left to the multichecker, the checks' errors reach go vet as JSON,
//     and go vet caches the facts of the failed run without its output,
//     so that the next go vet is silent and succeeds; and a unit run for
//     facts only would leave a facts file without facts in the cache,
//     which later runs, with the configuration fixed, would read.

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/idemlint/idemlint/passes/config"
)

// invocationRecord returns the file that records the directory of the go
// command with process id pid, in the user's cache directory.
func invocationRecord(pid int) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "idemlint", "vet", strconv.Itoa(pid)), nil
}

// recordInvocation records the current directory as the directory of the
// go command that started the tool, and removes records older than a
// day. Errors are ignored: a relative -config is then relative to each
// package's directory.
func recordInvocation() {
	wd, err := os.Getwd()
	if err != nil {
		return
	}
	path, err := invocationRecord(os.Getppid())
	if err != nil {
		return
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	tmp := fmt.Sprintf("%s.%d", path, os.Getpid())
	if os.WriteFile(tmp, []byte(wd), 0o600) == nil && os.Rename(tmp, path) != nil {
		os.Remove(tmp)
	}
}

// invocationDir returns the directory recorded by recordInvocation for
// the go command that started the tool, or "".
func invocationDir() string {
	path, err := invocationRecord(os.Getppid())
	if err != nil {
		return ""
	}
	data, err := os.ReadFile(path)
	if err != nil || !filepath.IsAbs(string(data)) {
		return ""
	}
	return string(data)
}

// vetUnit prepares the run of a unit of go vet or go fix, whose arguments
// are args (the unit's configuration file last). It returns the arguments
// with a relative -config made absolute against dir, the directory go vet
// was started in (unchanged when dir is ""). It loads the configuration
// of the unit's package and, if it is invalid, prints the error to stderr
// and returns ok false; so also when the unit is run only for facts,
// whose file go vet would cache, without facts, for later runs.
func vetUnit(args []string, dir string, stderr io.Writer) (_ []string, ok bool) {
	args = append([]string(nil), args...)
	path := ""
	for i := 0; i < len(args)-1; i++ {
		flagName, value, hasValue := strings.Cut(args[i], "=")
		if flagName != "-config" && flagName != "--config" {
			continue
		}
		at := i
		if !hasValue {
			i++
			at, value = i, args[i]
		}
		if value != "" && !filepath.IsAbs(value) && dir != "" {
			value = filepath.Join(dir, value)
			if hasValue {
				args[at] = flagName + "=" + value
			} else {
				args[at] = value
			}
		}
		path = value
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return args, true // the multichecker reports it
	}
	var unit struct{ Dir string } // the package's directory
	if json.Unmarshal(data, &unit) != nil || unit.Dir == "" {
		return args, true
	}
	if path != "" {
		if err := config.Analyzer.Flags.Set("config", path); err != nil {
			return args, true
		}
	}
	if _, err := config.ForDir(unit.Dir); err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return args, false
	}
	return args, true
}
