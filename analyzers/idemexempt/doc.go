// Package idemexempt defines an Analyzer that reports invalid and unused
// idempotency exemptions and malformed //idem: directives.
//
// # Analyzer idemexempt
//
// idemexempt: report exemptions without an ADR or reason, and exemptions that suppress nothing
//
// The only way around the idempotency standard is a written exception: an
// ADR referenced from the code. An exemption is written
//
//	//idem:exempt ADR-ID REASON
//	//idem:exempt(check,...) ADR-ID REASON
//
// on the line above the construct, at the end of its line, or in the doc
// comment of the enclosing function (then it covers the whole function).
// The id must match adr.pattern (default ADR-[0-9]+); with adr.dir set it
// must also name a document in that directory (docs/adr/0042-*.md for
// ADR-0042). The check list is optional; the idem prefix of a check name
// may be left out (failopen = idemfailopen).
//
// idemexempt reports an exemption with no id, no reason, an id with no ADR
// document, or an unknown check name (such an exemption suppresses
// nothing), an exemption that suppressed no finding, and any other
// malformed //idem: directive (unknown name, missing reason, a platform
// directive that annotates no declaration, an //idem:contract outside a
// test file, a space after the slashes).
//
// Exemptions that cover many places at once are entries of the exempt
// setting of the configuration, each with its ADR and reason. The
// standalone command reports an entry that suppressed no finding of its
// run, at the entry's line, when the run can tell: idemexempt and every
// check the entry covers ran, over a pattern ending in /... that names the
// configuration file's directory or one above it.
//
// Bad:
//
//	//idem:exempt the partner retries only once
//	r.Post("/v1/partner/orders", createOrder)
//
// Good:
//
//	//idem:exempt ADR-0042 the partner sends each order exactly once and reconciles nightly
//	r.Post("/v1/partner/orders", createOrder)
package idemexempt
