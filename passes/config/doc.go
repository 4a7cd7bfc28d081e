// Package config defines an analysis pass that loads and validates the
// idemlint configuration of a package. It does not report diagnostics.
//
// The configuration of a package comes from, in order of precedence:
//
//  1. the file named by the analyzer's -config flag;
//  2. settings installed with [UseSettings] (the golangci-lint plugin);
//  3. the first .idemlint.yaml or .idemlint.yml found by walking up from
//     the package's directory to the filesystem root (.yaml wins when both
//     exist in one directory);
//  4. the built-in defaults ([Default]).
//
// The standard library and the modules of the module cache, analysed only
// for facts, always have the built-in defaults: the user's configuration
// does not govern them.
//
// A configuration file that cannot be read or does not validate fails the
// analysis with an error naming the file, the line and the key; it never
// degrades to the defaults. Other analyzers obtain the result as a
// *[Config] through pass.ResultOf[Analyzer] and must treat it as read-only:
// one value is shared by every package that uses the same file.
package config
