// Package viadep imports neither context nor a database: its loops reach
// a dependency only through store.
package viadep

import (
	"errors"
	"time"

	"idembudget/viadep/store"
)

func saveForever() {
	for { // want `idembudget: retry loop has no bound`
		if err := store.Insert(); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

func parse(s string) error {
	if s == "" {
		return errors.New("empty")
	}
	return nil
}

// parseForever talks to nothing: not a retry.
func parseForever(next func() string) {
	for {
		if err := parse(next()); err == nil {
			return
		}
	}
}
