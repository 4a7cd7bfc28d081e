// Package user registers on a router whose package it does not import:
// the router's type is reached through factory.
package user

import (
	"net/http"

	"unrecognised/factory"
)

func refund(w http.ResponseWriter, r *http.Request) {}

func Routes() {
	factory.New().Post("/v1/refunds", refund) // want `unrecognised POST /v1/refunds on \*app.Router`
}
