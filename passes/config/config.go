package config

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/idemlint/idemlint/internal/checklist"
	"github.com/idemlint/idemlint/internal/lazyre"
)

// CheckNames lists every public check, in documentation order: the names
// of checklist.Checks, the one list of checks.
var CheckNames = checklist.Names()

// Built-in patterns. The financial path pattern matches one of the financial
// words of the specification, singular or plural, as a whole path segment,
// ignoring case.
const (
	defaultFinancialPathPattern = `(?i)(^|/)(pays?|payments?|charges?|refunds?|transfers?|payouts?|ledgers?|invoices?|billings?|checkouts?|wallets?|withdraws?|withdrawals?|deposits?|orders?|shipments?|fulfill?ments?)(/|$|\{)`
	defaultADRPatternText       = `ADR-[0-9]+`
)

var (
	defaultFinancialPath = lazyre.New(defaultFinancialPathPattern)
	defaultADRPattern    = regexp.MustCompile(anchor(defaultADRPatternText))

	// defaultFinancialPaths remembers the built-in pattern's answer for
	// each route path: a monorepo repeats its paths in service after
	// service, and the match costs microseconds.
	defaultFinancialPaths sync.Map // string -> bool
)

// anchor makes pattern match only a whole string.
func anchor(pattern string) string { return `^(?:` + pattern + `)$` }

// Config is the validated idemlint configuration of a package. Values
// returned by the analyzer are shared between packages: do not modify them.
type Config struct {
	// Path is the file the configuration came from: "" for the built-in
	// defaults, "golangci-lint settings" for plugin settings.
	Path string

	// Fully qualified names as written in the configuration, in the form
	// "import/path.Name" or "import/path.Type.Member".
	Middleware         []string // HTTP idempotency middleware (//idem:middleware)
	ConsumerMiddleware []string // consumer dedup wrappers (//idem:consumer)
	Consumers          []string // functions and methods that register an at-least-once consumer handler
	Dedup              []string // dedup claims (//idem:dedup)
	FailOpen           []string // fail-open options and fields (//idem:failopen)
	TTL                []string // dedup window options and fields (//idem:ttl)
	LocalStore         []string // in-process stores (//idem:localstore)

	// FinancialPaths match financial route paths: financial.paths, or nil
	// for the built-in pattern.
	FinancialPaths []*regexp.Regexp
	// FinancialCalls are the configured money-moving functions, in addition
	// to the built-in ones (which this package does not list).
	FinancialCalls []string

	MinTTL          time.Duration // minimum dedup window (default 24h)
	MinTTLFinancial time.Duration // minimum dedup window on financial routes (default 72h)

	// KeyHeaders are the idempotency key headers, as written.
	KeyHeaders []string
	// NaturallyIdempotentMethods are upper-case HTTP methods that are not
	// reported as mutating; an explicit empty list means none.
	NaturallyIdempotentMethods []string

	// ADRPattern matches a whole ADR id (the pattern is anchored).
	ADRPattern *regexp.Regexp
	// ADRDir is the absolute directory holding ADR documents, "" when unset.
	ADRDir string
	// Exemptions are the entries of the exempt setting, each valid.
	Exemptions []*Exemption

	// MutatingVerbs are the verbs that make a call through an interface a
	// side effect (key mutating-verbs, which replaces the default list).
	MutatingVerbs []string

	// Tests reports findings in _test.go files.
	Tests bool

	// ReportUnserved reports, where they are registered, the routes whose
	// router no analysed package serves, when their visible chain lacks
	// the platform middleware (key unserved-routes: report).
	ReportUnserved bool

	enabled map[string]bool // enabled checks
}

// DefaultMutatingVerbs are the verbs that, at the start of an interface
// method's name, make a call through the interface a side effect.
var DefaultMutatingVerbs = []string{
	"Create", "Insert", "Update", "Delete", "Save", "Put", "Add", "Remove", "Set",
	"Charge", "Pay", "Refund", "Transfer", "Capture", "Send", "Publish", "Enqueue",
	"Emit", "Notify", "Increment", "Debit", "Credit", "Reserve", "Place", "Submit",
	"Ship", "Cancel", "Provision",
}

// Default returns the built-in configuration: every check enabled.
func Default() *Config {
	c := &Config{
		MinTTL:                     24 * time.Hour,
		MinTTLFinancial:            72 * time.Hour,
		KeyHeaders:                 []string{"Idempotency-Key", "X-Idempotency-Key"},
		NaturallyIdempotentMethods: []string{"PUT", "DELETE"},
		MutatingVerbs:              DefaultMutatingVerbs,
		ADRPattern:                 defaultADRPattern,
		enabled:                    make(map[string]bool, len(CheckNames)),
	}
	for _, name := range CheckNames {
		c.enabled[name] = true
	}
	return c
}

// Enabled reports whether the named check is enabled by the checks setting.
func (c *Config) Enabled(check string) bool { return c.enabled[check] }

// NaturallyIdempotent reports whether the HTTP method, in any case, is
// configured as naturally idempotent.
func (c *Config) NaturallyIdempotent(method string) bool {
	return slices.Contains(c.NaturallyIdempotentMethods, strings.ToUpper(method))
}

// FinancialPath reports whether any financial pattern matches the route
// path.
func (c *Config) FinancialPath(path string) bool {
	if c.FinancialPaths == nil {
		if m, ok := defaultFinancialPaths.Load(path); ok {
			return m.(bool)
		}
		m := defaultFinancialPath().MatchString(path)
		defaultFinancialPaths.Store(path, m)
		return m
	}
	for _, re := range c.FinancialPaths {
		if re.MatchString(path) {
			return true
		}
	}
	return false
}
