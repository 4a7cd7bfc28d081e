// Package checklist is the one list of idemlint's checks: their names, in
// documentation order, and what each needs besides its code. The registry
// (package analyzers) builds the suite in this order, the configuration
// validates check names against it, and idemexempt learns from it whose
// findings exemptions may suppress.
package checklist

// A Check describes one check of the suite.
type Check struct {
	Name string
	// Options are the configuration keys the check reads besides checks,
	// tests and exempt.
	Options []string
	// Exemptible is set for the checks whose findings an exemption may
	// suppress: every check but idemexempt, which reports the exemptions.
	Exemptible bool
}

// Checks lists every check, in documentation order.
var Checks = []Check{
	{"idemhandler", []string{"middleware", "dedup", "naturally-idempotent-methods", "mutating-verbs"}, true},
	{"idemconsumer", []string{"consumers", "consumer-middleware", "dedup", "financial.calls", "mutating-verbs"}, true},
	{"idemfailopen", []string{"middleware", "fail-open", "financial.paths", "financial.calls", "naturally-idempotent-methods"}, true},
	{"idemttl", []string{"middleware", "ttl", "min-ttl", "min-ttl-financial", "financial.paths", "financial.calls", "naturally-idempotent-methods"}, true},
	{"idemstore", []string{"middleware", "local-store", "naturally-idempotent-methods"}, true},
	{"idemretry", []string{"key-headers", "naturally-idempotent-methods", "mutating-verbs"}, true},
	{"idembudget", nil, true},
	{"idemoverkill", []string{"middleware", "dedup"}, true},
	{"idemexempt", []string{"adr.pattern", "adr.dir"}, false},
}

// Names returns the names of every check, in documentation order.
func Names() []string {
	names := make([]string, len(Checks))
	for i, c := range Checks {
		names[i] = c.Name
	}
	return names
}

// Lookup returns the check named name.
func Lookup(name string) (Check, bool) {
	for _, c := range Checks {
		if c.Name == name {
			return c, true
		}
	}
	return Check{}, false
}
