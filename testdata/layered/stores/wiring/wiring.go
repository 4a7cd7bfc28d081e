// Package wiring builds the API for the commands, handing on the store.
package wiring

import (
	"net/http"

	"example.com/layered/stores/api"
	"example.com/platform/idem"
)

// Build returns the API, deduplicating in store.
func Build(store idem.Store) http.Handler { return api.New(store) }
