// Package editors holds the tests of idemlint in editors: a gopls built with
// idemlint's checks (scripts/build-gopls.sh) and run on the example service.
// The tests build gopls, so they are skipped with -short; a cold build takes
// a few minutes on two cores.
package editors
