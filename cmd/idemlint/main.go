// Command idemlint checks Go code against the idempotency standard:
// mutating routes and consumers without the platform's dedup, retries
// around non-idempotent calls, unsafe dedup-store settings, and
// exemptions without an ADR.
//
// Standalone:
//
//	idemlint [-C DIR] [-config FILE] [-fix [-diff]] [-json] [-c N] [-test=false] [-NAME[=false]] packages...
//
// As a vet tool, or a fix tool:
//
//	go vet -vettool=$(command -v idemlint) [-config=FILE] ./...
//	go fix -fixtool=$(command -v idemlint) ./...
//
// Reports:
//
//	idemlint -format=sarif ./... > idemlint.sarif
//	idemlint inventory [-format=text|json|markdown] [-all] [-require-contract-tests] [-config FILE] ./...
//	idemlint -baseline FILE [-write-baseline] ./...
//
// Help: idemlint help (or -h) describes every flag and subcommand;
// idemlint help CHECK prints a check's documentation.
//
// Exit status: 0 when clean, 3 when there are findings, 1 on error (bad
// configuration, packages that do not load).
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/idemlint/idemlint/analyzers"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/config"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("idemlint: ")
	chdir()
	// One run: configuration files do not come and go while it lasts.
	config.MemoizeDiscovery()
	code, handled := dispatch(os.Args[1:], os.Stdout, os.Stderr)
	if handled {
		os.Exit(code)
	}
	if slices.Contains(os.Args[1:], "-flags") {
		recordInvocation() // go vet asks for the flags where it was started
	} else if len(os.Args) > 1 && strings.HasSuffix(os.Args[len(os.Args)-1], ".cfg") {
		args, ok := vetUnit(os.Args[1:], invocationDir(), os.Stderr)
		if !ok {
			os.Exit(1)
		}
		os.Args = append(os.Args[:1], args...)
	}
	passes.SetFactsOnly(vetDependency(os.Args[1:]))
	// -config sets the config pass's own flag, so the standalone driver and
	// go vet (which asks the tool for its flags) both accept it.
	flag.Var(config.Analyzer.Flags.Lookup("config").Value, "config", "path of the idemlint configuration `file`; overrides discovery of .idemlint.yaml")
	multichecker.Main(analyzers.All()...)
}

// vetDependency reports whether go vet runs the tool on a package only for
// its facts (a dependency of the packages being vetted): the last argument
// is the unit's configuration file, and it says VetxOnly. go vet discards
// the diagnostics of such runs.
func vetDependency(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false // the driver reports it
	}
	var unit struct{ VetxOnly bool }
	return json.Unmarshal(data, &unit) == nil && unit.VetxOnly
}

// chdir handles a leading -C DIR, like the go command: change to DIR
// before anything else.
func chdir() {
	if len(os.Args) < 3 || os.Args[1] != "-C" {
		return
	}
	if err := os.Chdir(os.Args[2]); err != nil {
		log.Fatal(err)
	}
	os.Args = append(os.Args[:1], os.Args[3:]...)
}
