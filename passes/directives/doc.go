// Package directives defines an analysis pass that parses every //idem:
// directive of a package once and binds it to the source range it covers.
// It does not report diagnostics.
//
// A directive is a line comment of the form //idem:NAME ARGS (no space after
// the slashes). It covers the syntax node it is attached to: the declaration
// or statement on the line below it, the statement whose line it ends, or,
// in a doc comment, the whole function or type.
//
// Directives that describe the platform (middleware, consumer, dedup,
// failopen, ttl, localstore) on package-level objects are exported as
// [Platform] facts, so that every importing package recognises the platform
// without configuration. Configuration entries naming the same objects are
// equivalent. A function of the analysed package whose body applies the
// platform middleware and whose signature is that of a middleware is
// treated as platform middleware too, and exported as such.
package directives
