package main

import (
	"flag"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/analyzers"
)

// flagNames returns the names of the flags of the standalone driver and
// of the inventory, from their flag sets, so that the lists below cannot
// drift from the code. Check flags (-NAME) are returned apart.
func flagNames() (standalone, inventory, checks []string) {
	isCheck := make(map[string]bool)
	for _, c := range analyzers.Checks {
		isCheck[c.Analyzer.Name] = true
	}
	var o options
	standaloneFlags(&o, io.Discard).VisitAll(func(f *flag.Flag) {
		if isCheck[f.Name] {
			checks = append(checks, f.Name)
		} else {
			standalone = append(standalone, f.Name)
		}
	})
	var inv inventoryOptions
	inventoryFlags(&inv, io.Discard).VisitAll(func(f *flag.Flag) {
		inventory = append(inventory, f.Name)
	})
	return standalone, inventory, checks
}

// TestHelp checks that idemlint help and idemlint -h describe idemlint
// and name every flag, subcommand and check.
func TestHelp(t *testing.T) {
	standalone, inventory, checks := flagNames()
	if len(checks) != len(analyzers.Checks) {
		t.Errorf("%d check flags for %d checks", len(checks), len(analyzers.Checks))
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"-help"}} {
		var stdout, stderr strings.Builder
		code, handled := dispatch(args, &stdout, &stderr)
		if !handled || code != exitClean {
			t.Errorf("dispatch(%q) = %d, %v; want status 0", args, code, handled)
		}
		out := stdout.String() + stderr.String()
		// What idemlint is, how to run it, its subcommands and hosts.
		want := []string{
			"idempotency standard",
			"idemlint [-C DIR] [flags] packages...",
			"idemlint [-C DIR] inventory [flags] packages...",
			"idemlint help",
			"-C DIR",
			"go vet -vettool=",
			"go fix -fixtool=",
			"-NAME, -NAME=false",
			"Exit status",
			"Inventory flags",
		}
		for _, name := range checks {
			want = append(want, "\n  "+name+" ")
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%q does not print %q:\n%s", args, w, out)
			}
		}
		for _, name := range standalone {
			if !describes(out, name) {
				t.Errorf("%q does not describe flag -%s:\n%s", args, name, out)
			}
		}
		_, inv, _ := strings.Cut(out, "Inventory flags")
		for _, name := range inventory {
			if !describes(inv, name) {
				t.Errorf("%q does not describe inventory flag -%s:\n%s", args, name, out)
			}
		}
	}

	var stdout, stderr strings.Builder
	if code, _ := dispatch([]string{"help", "inventory"}, &stdout, &stderr); code != exitClean {
		t.Errorf("idemlint help inventory: status %d, %s", code, stderr.String())
	}
	for _, name := range inventory {
		if !describes(stdout.String(), name) {
			t.Errorf("idemlint help inventory does not describe -%s:\n%s", name, stdout.String())
		}
	}
}

// describes reports whether usage text lists flag -name, as
// flag.PrintDefaults does: "  -name" alone or followed by its argument.
func describes(text, name string) bool {
	return strings.Contains(text, "\n  -"+name+" ") || strings.Contains(text, "\n  -"+name+"\n")
}

// TestFlagsDocumented checks that docs/hosts.md, the reference of the
// command line, names every flag of the standalone driver and of the
// inventory.
func TestFlagsDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/hosts.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	standalone, inventory, _ := flagNames()
	for _, name := range append(standalone, inventory...) {
		// -c is not -config: the name ends at a character that cannot
		// continue it.
		if !regexp.MustCompile("[`\\[ ]-" + regexp.QuoteMeta(name) + "[^a-zA-Z0-9-]").MatchString(doc) {
			t.Errorf("docs/hosts.md does not describe flag -%s", name)
		}
	}
	for _, s := range []string{"-NAME", "inventory", "idemlint help", "-C DIR"} {
		if !strings.Contains(doc, s) {
			t.Errorf("docs/hosts.md does not mention %q", s)
		}
	}
}
