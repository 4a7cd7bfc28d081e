package directives

import (
	"slices"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/passes/config"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		text string
		nil  bool   // not a directive at all
		name string // Name
		// Err: "" for a valid directive, else a substring of the error.
		err    string
		checks []string
		adr    string
		reason string
		args   string
		// invalid: substring of the exemption validation error with the
		// default configuration; "" when the exemption is valid.
		invalid string
	}{
		{text: "//idem:exempt ADR-0042 partner dedups by order id", name: Exempt,
			adr: "ADR-0042", reason: "partner dedups by order id", args: "ADR-0042 partner dedups by order id"},
		{text: "//idem:exempt\tADR-7\tthe provider dedups\tdeliveries", name: Exempt,
			adr: "ADR-7", reason: "the provider dedups\tdeliveries", args: "ADR-7\tthe provider dedups\tdeliveries"},
		{text: "//idem:exempt(handler,failopen) ADR-1 legacy endpoint", name: Exempt,
			checks: []string{"idemhandler", "idemfailopen"}, adr: "ADR-1", reason: "legacy endpoint", args: "ADR-1 legacy endpoint"},
		{text: "//idem:exempt(idemhandler, idemttl) ADR-2 batch import", name: Exempt,
			checks: []string{"idemhandler", "idemttl"}, adr: "ADR-2", reason: "batch import", args: "ADR-2 batch import"},
		{text: "//idem:exempt(overkill) ADR-3 cached read", name: Exempt,
			checks: []string{"idemoverkill"}, adr: "ADR-3", reason: "cached read", args: "ADR-3 cached read"},
		{text: "//idem:exempt(nosuch) ADR-3 r", name: Exempt, err: `unknown check "nosuch"`},
		{text: "//idem:exempt(handler,nosuch) ADR-3 r", name: Exempt, err: `unknown check "nosuch"`},
		{text: "//idem:exempt() ADR-3 r", name: Exempt, err: "unknown check"},
		{text: "//idem:exempt(handler ADR-3 r", name: Exempt, err: "unclosed check list"},
		{text: "//idem:exempt ADR-0042", name: Exempt, adr: "ADR-0042", args: "ADR-0042", invalid: "has no reason"},
		{text: "//idem:exempt", name: Exempt, invalid: "has no ADR id"},
		{text: "//idem:exempt because I said so", name: Exempt, adr: "because", reason: "I said so",
			args: "because I said so", invalid: "has no ADR id matching ADR-[0-9]+"},
		{text: "//idem:exempt ADR-9 retried by the caller // see runbook", name: Exempt,
			adr: "ADR-9", reason: "retried by the caller", args: "ADR-9 retried by the caller"},
		{text: "//idem:exempt ADR-9 // the reason is only a comment", name: Exempt,
			adr: "ADR-9", args: "ADR-9", invalid: "has no reason"},
		{text: "// idem:exempt ADR-9 spaced", err: "has a space after //"},
		{text: "// idem:middleware", err: "write //idem:middleware"},
		{text: "//idem:frobnicate", name: "frobnicate", err: "is not a known directive"},
		{text: "//idem:exemptADR-1 reason", name: Exempt, err: "is not a known directive"},
		{text: "//idem:Exempt ADR-1 reason", err: "is not a known directive"},
		{text: "//idem:", err: "has no directive name"},
		{text: "//idem:harmless", name: Harmless, err: "has no reason"},
		{text: "//idem:harmless // only a comment", name: Harmless, err: "has no reason"},
		{text: "//idem:harmless duplicate welcome emails are fine", name: Harmless, args: "duplicate welcome emails are fine"},
		{text: "//idem:middleware", name: "middleware"},
		{text: "//idem:dedup", name: "dedup"},
		{text: "//idem:middleware(handler)", name: "middleware", err: "takes no check list"},
		{text: "//idem:financial", name: Financial},
		{text: "//idem:readonly", name: Readonly},
		{text: "//idem:mutates", name: Mutates},
		{text: "//idem:contract POST /v1/charges", name: Contract, args: "POST /v1/charges"},
		{text: "//idem:contract PATCH /v1/carts/{cartID} // the cart API", name: Contract, args: "PATCH /v1/carts/{cartID}"},
		{text: "//idem:contract", name: Contract, err: "has 0 words, want a method and a path; write //idem:contract METHOD PATH"},
		{text: "//idem:contract /v1/charges", name: Contract, err: "has 1 words"},
		{text: "//idem:contract POST /v1/charges twice", name: Contract, err: "has 3 words"},
		{text: "//idem:contract post /v1/charges", name: Contract, err: `has method "post", want an upper-case HTTP method`},
		{text: "//idem:contract POST v1/charges", name: Contract, err: `has path "v1/charges", want one that starts with /`},
		{text: "//idem:contract(handler) POST /v1/charges", name: Contract, err: "takes no check list"},
		{text: "// an ordinary comment", nil: true},
		{text: "// idem: prose that mentions idem:", nil: true},
		{text: "//idem", nil: true},
		{text: "//go:build ignore", nil: true},
		{text: "/*idem:exempt ADR-1 block comments are not directives*/", nil: true},
	} {
		d := parse(tc.text, config.CheckNames)
		if tc.nil {
			if d != nil {
				t.Errorf("parse(%q) = %+v, want nil", tc.text, d)
			}
			continue
		}
		if d == nil {
			t.Errorf("parse(%q) = nil", tc.text)
			continue
		}
		if d.Name != tc.name {
			t.Errorf("parse(%q).Name = %q, want %q", tc.text, d.Name, tc.name)
		}
		if tc.err == "" && d.Err != "" || tc.err != "" && !strings.Contains(d.Err, tc.err) {
			t.Errorf("parse(%q).Err = %q, want %q", tc.text, d.Err, tc.err)
		}
		if tc.err != "" {
			continue
		}
		if !slices.Equal(d.Checks, tc.checks) {
			t.Errorf("parse(%q).Checks = %q, want %q", tc.text, d.Checks, tc.checks)
		}
		if method, path := d.ContractRoute(); d.Name == Contract && method+" "+path != tc.args {
			t.Errorf("parse(%q).ContractRoute() = %q, %q, want %q", tc.text, method, path, tc.args)
		}
		if d.ADR != tc.adr || d.Reason != tc.reason || d.Args != tc.args {
			t.Errorf("parse(%q): ADR %q, Reason %q, Args %q; want %q, %q, %q", tc.text, d.ADR, d.Reason, d.Args, tc.adr, tc.reason, tc.args)
		}
		if d.Name != Exempt {
			continue
		}
		invalid := validateExemption(d, config.Default())
		if tc.invalid == "" && invalid != "" || tc.invalid != "" && !strings.Contains(invalid, tc.invalid) {
			t.Errorf("validateExemption(parse(%q)) = %q, want %q", tc.text, invalid, tc.invalid)
		}
	}
}

// FuzzParse checks that the parser never panics, that whatever it accepts
// is well formed, and that an exemption it accepts and the default
// configuration validates has an ADR id and a reason.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"//idem:exempt ADR-0042 partner dedups by order id",
		"//idem:exempt(handler,failopen) ADR-1 legacy endpoint // note",
		"//idem:harmless duplicates are harmless",
		"// idem:middleware",
	} {
		f.Add(s)
	}
	known := []string{"middleware", "consumer", "dedup", "failopen", "ttl", "localstore", Financial, Harmless, Mutates, Readonly, Exempt, Contract}
	f.Fuzz(func(t *testing.T, text string) {
		d := parse(text, config.CheckNames)
		if d == nil {
			if strings.HasPrefix(text, prefix) {
				t.Fatalf("parse(%q) = nil for a comment starting with %s", text, prefix)
			}
			return
		}
		if !strings.HasPrefix(text, prefix) && !strings.HasPrefix(text, "// idem:") {
			t.Fatalf("parse(%q) = %+v for a comment that is not a directive", text, d)
		}
		if d.Name != "" && !strings.HasPrefix(text, prefix+d.Name) {
			t.Fatalf("parse(%q).Name = %q, not the text's", text, d.Name)
		}
		if !d.Valid() {
			return
		}
		if !slices.Contains(known, d.Name) {
			t.Fatalf("parse(%q) accepts unknown directive %q", text, d.Name)
		}
		if strings.Contains(d.Args, "//") || d.Args != strings.TrimSpace(d.Args) {
			t.Fatalf("parse(%q).Args = %q: holds a trailing comment or surrounding space", text, d.Args)
		}
		if d.Name == Harmless && d.Args == "" {
			t.Fatalf("parse(%q) accepts //idem:harmless without a reason", text)
		}
		if method, path := d.ContractRoute(); d.Name == Contract && (method == "" || strings.ToUpper(method) != method || !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \t")) {
			t.Fatalf("parse(%q) accepts route %q %q", text, method, path)
		}
		if d.Name != Exempt {
			if d.Checks != nil || d.ADR != "" || d.Reason != "" {
				t.Fatalf("parse(%q) = %+v: exemption fields on //idem:%s", text, d, d.Name)
			}
			return
		}
		for _, c := range d.Checks {
			if !slices.Contains(config.CheckNames, c) {
				t.Fatalf("parse(%q).Checks holds unknown check %q", text, c)
			}
		}
		if d.ADR != "" && !strings.HasPrefix(d.Args, d.ADR) || !strings.HasSuffix(d.Args, d.Reason) {
			t.Fatalf("parse(%q): ADR %q and Reason %q are not the parts of Args %q", text, d.ADR, d.Reason, d.Args)
		}
		if validateExemption(d, config.Default()) == "" && (d.ADR == "" || d.Reason == "") {
			t.Fatalf("parse(%q) = %+v: a valid exemption without ADR id or reason", text, d)
		}
	})
}
