// Package serve holds a test that serves the apps of this module in
// process and checks that the routes idemhandler reports are exactly the
// routes a duplicate request reaches the database through.
package serve
