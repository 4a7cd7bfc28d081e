// Package factory hands out the router of package app without declaring
// a router of its own.
package factory

import "unrecognised/app"

// New returns a router.
func New() *app.Router { return &app.Router{} }
