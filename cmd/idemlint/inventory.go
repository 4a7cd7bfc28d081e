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

// runInventory implements `idemlint [flags] inventory [flags] packages`.
func runInventory(before, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("idemlint inventory", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output `format`: text, json or markdown")
	all := fs.Bool("all", false, "also list routes that do not mutate (reads, naturally idempotent methods)")
	cfgPath := fs.String("config", "", "path of the idemlint configuration `file`; overrides discovery of .idemlint.yaml")
	require := fs.Bool("require-contract-tests", false, "exit 3 when a mutating, unexempted route has no contract test, and list those routes")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: idemlint [-C DIR] inventory [-config FILE] [-format text|json|markdown] [-all] [-require-contract-tests] packages...\n")
		fs.PrintDefaults()
	}
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
