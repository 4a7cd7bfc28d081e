package main

// The inventory command: `idemlint inventory` lists the entry points of
// the analysed packages (inventory_entries.go reads them from the models
// and the findings as data; inventory_render.go prints them).

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/passes"
)

// inventoryOptions are the flags of the inventory.
type inventoryOptions struct {
	format, config string
	all, require   bool
}

// inventoryFlags returns the flag set of the inventory, filling o; its
// usage goes to w.
func inventoryFlags(o *inventoryOptions, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("idemlint inventory", flag.ContinueOnError)
	fs.SetOutput(w)
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json or markdown")
	fs.BoolVar(&o.all, "all", false, "also list routes that do not mutate (reads, naturally idempotent methods)")
	fs.StringVar(&o.config, "config", "", "path of the idemlint configuration `file`; overrides discovery of .idemlint.yaml")
	fs.BoolVar(&o.require, "require-contract-tests", false, "exit 3 when a mutating, unexempted route has no contract test, and list those routes")
	fs.Usage = func() { inventoryUsage(w, fs) }
	return fs
}

// inventoryUsage prints how to run the inventory.
func inventoryUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `usage: idemlint [-C DIR] inventory [-config FILE] [-format text|json|markdown] [-all] [-require-contract-tests] packages...

The inventory lists every mutating entry point of the packages (HTTP routes
and RPC procedures, queue consumers, retry sites, registrations on routers
idemlint does not know) and its protection status, from the same models
and findings as the checks. It loads the packages with their tests, in
which it finds contract tests. Exit status: 0, or 1 on errors; with
-require-contract-tests, 3 when a route has no contract test or an
//idem:contract directive is malformed.

Flags:
`)
	fs.PrintDefaults()
}

// runInventory implements `idemlint [flags] inventory [flags] packages`.
func runInventory(before, args []string, stdout, stderr io.Writer) int {
	var o inventoryOptions
	fs := inventoryFlags(&o, stderr)
	format, all, cfgPath, require := &o.format, &o.all, &o.config, &o.require
	for _, a := range [][]string{before, args} {
		if err := fs.Parse(a); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitClean
			}
			return exitError
		}
	}
	var print func(io.Writer, []entry) error
	switch *format {
	case "text":
		print = printText
	case "json":
		print = printJSON
	case "markdown":
		print = printMarkdown
	default:
		fmt.Fprintf(stderr, "idemlint inventory: -format=%s: want text, json or markdown\n", *format)
		return exitError
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError
	}
	if err := setConfig(*cfgPath); err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	// The packages with their tests, in which contract tests are found;
	// test files serve no traffic, and have no entries.
	r, err := analyze(inventoryAnalyzers, fs.Args(), true, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	// A test package that fails leaves only the contract column
	// incomplete: the table is still printed, and the gate fails.
	if r.failed && !r.testsFailed {
		return exitError
	}
	found, err := r.contractTests()
	if err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	es := r.entries(*all)
	markContracts(es, found)
	if err := print(stdout, es); err != nil {
		fmt.Fprintln(stderr, "idemlint:", err)
		return exitError
	}
	switch {
	case *require && r.testsFailed:
		fmt.Fprintln(stderr, "idemlint: test packages failed to load: the contract tests cannot all be found")
		return exitError
	case *require && requireContracts(es, found, stderr):
		return exitFindings
	}
	return exitClean
}

// inventoryAnalyzers are the models and checks the inventory reads.
var inventoryAnalyzers = append([]*analysis.Analyzer{passes.Analyzer},
	checkAnalyzers("idemhandler", "idemconsumer", "idemretry", "idembudget", "idemfailopen", "idemttl", "idemstore")...)

// checkAnalyzers returns the analyzers of the named checks, from the
// registry.
func checkAnalyzers(names ...string) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(names))
	for i, name := range names {
		if out[i] = analyzers.Lookup(name); out[i] == nil {
			panic("idemlint: no check " + name)
		}
	}
	return out
}
