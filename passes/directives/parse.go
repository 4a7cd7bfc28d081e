package directives

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/idemlint/idemlint/passes/config"
)

// Kind is a set of platform roles that a directive or configuration entry
// gives to a declaration.
type Kind uint8

// Platform roles.
const (
	Middleware Kind = 1 << iota // HTTP idempotency middleware
	Consumer                    // consumer dedup wrapper
	Dedup                       // dedup claim
	FailOpen                    // fail-open option or field
	TTL                         // dedup window option or field
	LocalStore                  // in-process dedup store
)

var kindNames = []struct {
	kind Kind
	name string
}{
	{Middleware, "middleware"},
	{Consumer, "consumer"},
	{Dedup, "dedup"},
	{FailOpen, "failopen"},
	{TTL, "ttl"},
	{LocalStore, "localstore"},
}

func (k Kind) String() string {
	var names []string
	for _, kn := range kindNames {
		if k&kn.kind != 0 {
			names = append(names, kn.name)
		}
	}
	return strings.Join(names, "|")
}

// platformKind returns the platform role named by a directive name, or 0.
func platformKind(name string) Kind {
	for _, kn := range kindNames {
		if kn.name == name {
			return kn.kind
		}
	}
	return 0
}

// Application directive names.
const (
	Exempt    = "exempt"
	Financial = "financial"
	Harmless  = "harmless"
	Mutates   = "mutates"
	Readonly  = "readonly"
	Contract  = "contract" // in a test file: the test is a route's contract test
)

const prefix = "//idem:"

// parse parses the text of one line comment. It returns nil when the
// comment is not meant as a directive. checkNames lists the valid check
// names for exemptions.
func parse(text string, checkNames []string) *Directive {
	if !strings.HasPrefix(text, prefix) {
		rest, ok := strings.CutPrefix(text, "// idem:")
		first, _ := utf8.DecodeRuneInString(rest)
		if !ok || !unicode.IsLower(first) || len(strings.Fields(rest)) == 0 {
			return nil
		}
		name := strings.Fields(rest)[0]
		return &Directive{Err: "// idem:" + name + " has a space after //, so Go tools do not treat it as a directive; write //idem:" + name}
	}
	rest := text[len(prefix):]
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLower(r) })
	if end < 0 {
		end = len(rest)
	}
	d := &Directive{Name: rest[:end]}
	rest = rest[end:]
	if strings.HasPrefix(rest, "(") {
		closing := strings.IndexByte(rest, ')')
		if closing < 0 {
			d.Err = "has an unclosed check list"
			return d
		}
		d.Checks, d.Err = parseChecks(rest[1:closing], checkNames)
		rest = rest[closing+1:]
		if d.Name != Exempt && d.Err == "" {
			d.Err = "takes no check list; only //idem:exempt(check,...) does"
		}
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		d.Err = "is not a known directive"
		if d.Checks != nil {
			d.Err = "needs a space after its check list"
		}
		return d
	}
	if i := strings.Index(rest, " //"); i >= 0 {
		rest = rest[:i] // a trailing comment on the directive
	}
	d.Args = strings.TrimSpace(rest)
	if d.Err != "" {
		return d
	}
	switch d.Name {
	case "":
		d.Err = "//idem: has no directive name"
	case Exempt:
		fields := strings.Fields(d.Args)
		if len(fields) > 0 {
			d.ADR = fields[0]
		}
		if len(fields) > 1 {
			d.Reason = strings.TrimSpace(strings.TrimPrefix(d.Args, d.ADR))
		}
	case Harmless:
		if d.Args == "" {
			d.Err = "has no reason; write //idem:harmless REASON"
		}
	case Contract:
		d.Err = validateContract(d.Args)
	case Financial, Mutates, Readonly:
	default:
		if platformKind(d.Name) == 0 {
			d.Err = "is not a known directive (known: middleware, consumer, dedup, failopen, ttl, localstore, financial, harmless, mutates, readonly, exempt, contract)"
		}
	}
	return d
}

// Parse parses the text of one line comment as a directive, as the pass
// does; it returns nil when the comment is not meant as one.
func Parse(text string) *Directive { return parse(text, config.CheckNames) }

// ContractRoute returns the method and path a valid //idem:contract
// directive names.
func (d *Directive) ContractRoute() (method, path string) {
	if f := strings.Fields(d.Args); len(f) == 2 {
		return f[0], f[1]
	}
	return "", ""
}

// validateContract returns why the arguments of //idem:contract are not
// METHOD PATH, or "".
func validateContract(args string) string {
	const want = "; write //idem:contract METHOD PATH, such as //idem:contract POST /v1/charges"
	fields := strings.Fields(args)
	switch {
	case len(fields) != 2:
		return fmt.Sprintf("has %d words, want a method and a path%s", len(fields), want)
	case strings.ContainsFunc(fields[0], func(r rune) bool { return r < 'A' || r > 'Z' }):
		return fmt.Sprintf("has method %q, want an upper-case HTTP method%s", fields[0], want)
	case !strings.HasPrefix(fields[1], "/"):
		return fmt.Sprintf("has path %q, want one that starts with /%s", fields[1], want)
	}
	return ""
}

// parseChecks parses the check list of //idem:exempt(check,...). The idem
// prefix is optional.
func parseChecks(list string, checkNames []string) ([]string, string) {
	var checks []string
	for _, c := range strings.Split(list, ",") {
		c = strings.TrimSpace(c)
		full := c
		if !strings.HasPrefix(full, "idem") {
			full = "idem" + full
		}
		found := false
		for _, n := range checkNames {
			if n == full {
				found = true
				break
			}
		}
		if !found {
			return nil, "names unknown check " + strconvQuote(c) + " (known: " + strings.Join(checkNames, ", ") + ")"
		}
		checks = append(checks, full)
	}
	return checks, ""
}

func strconvQuote(s string) string { return "\"" + s + "\"" }
