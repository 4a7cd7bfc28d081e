package main

// The contract-test gate of the inventory: which mutating routes have a
// duplicate-injection contract test in the test files of the analysed
// packages, and, with -require-contract-tests, a failing exit status for
// those that have none.

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"slices"
	"strings"

	"github.com/idemlint/idemlint/passes/contracts"
)

// contractMissing is the contract column of a route that needs a
// contract test and has none.
const contractMissing = "missing"

// A contractTest is a contract test found in a test file.
type contractTest struct {
	test contracts.Test
	at   string // FILE:LINE, relative to the repository root
	posn token.Position
}

// foundContracts are the contract tests of a run's test packages, and
// what stops some from counting.
type foundContracts struct {
	tests      []contractTest
	unresolved []string // "FILE:LINE: why", for idemtest calls whose route cannot be told
	problems   []string // "FILE:LINE: message", for malformed directives
}

// contractTests finds the contract tests in the test files of the run's
// packages, which the inventory loads with their tests.
func (r *run) contractTests() (*foundContracts, error) {
	var res contracts.Result
	var fset *token.FileSet
	out := &foundContracts{}
	seen := make(map[string]bool) // test files, in a package and its variants
	for _, act := range r.graph.Roots {
		p := act.Package
		var files []*ast.File
		for _, f := range p.Syntax {
			name := p.Fset.File(f.FileStart).Name()
			if strings.HasSuffix(name, "_test.go") && !seen[name] {
				seen[name] = true
				files = append(files, f)
			}
		}
		if len(files) == 0 {
			continue
		}
		fset = p.Fset
		res.Find(p.Fset, files, p.TypesInfo)
	}
	if fset == nil {
		return out, nil
	}
	at := func(pos token.Pos) string {
		posn := fset.Position(pos)
		return fmt.Sprintf("%s:%d", r.rel(posn.Filename), posn.Line)
	}
	for _, t := range res.Tests {
		out.tests = append(out.tests, contractTest{test: t, at: at(t.Pos), posn: fset.Position(t.Pos)})
	}
	slices.SortFunc(out.tests, func(a, b contractTest) int {
		return cmp.Or(cmp.Compare(a.posn.Filename, b.posn.Filename), cmp.Compare(a.posn.Line, b.posn.Line))
	})
	// Each list in source order.
	slices.SortFunc(res.Unresolved, func(a, b contracts.Unresolved) int { return cmp.Compare(a.Pos, b.Pos) })
	slices.SortFunc(res.Problems, func(a, b contracts.Problem) int { return cmp.Compare(a.Pos, b.Pos) })
	for _, u := range res.Unresolved {
		out.unresolved = append(out.unresolved, at(u.Pos)+": idemtest.TestRoute: the analysis cannot tell its route ("+u.Why+"); mark the test //idem:contract METHOD PATH")
	}
	for _, p := range res.Problems {
		out.problems = append(out.problems, at(p.Pos)+": "+p.Message)
	}
	return out, nil
}

// needsContract reports whether the standard asks for a contract test of
// e: an HTTP route that mutates, with a constant path, that no exemption
// covers. A route of any method mutates when its status says so; one
// with a method, also when the analysis cannot tell its protection.
func needsContract(e *entry) bool {
	if e.Kind != "route" || e.Path == "" {
		return false
	}
	switch e.Status {
	case statusProtected, statusUnprotected:
		return true
	case statusUnknown:
		return e.Method != "ANY" && e.Method != "?" // a method the analysis knows
	}
	return false
}

// markContracts sets the contract column of the entries that need a
// contract test: the first test that covers the route, or "missing".
func markContracts(es []entry, found *foundContracts) {
	for i := range es {
		e := &es[i]
		if !needsContract(e) {
			continue
		}
		e.Contract = contractMissing
		for _, t := range found.tests {
			if t.test.Covers(e.Method, e.Path) {
				e.Contract = t.at
				break
			}
		}
	}
}

// requireContracts prints the malformed //idem:contract directives, the
// idemtest calls whose route cannot be told and the routes of es that
// need a contract test and have none, and reports whether the gate
// fails: a route has none, or a directive is malformed.
func requireContracts(es []entry, found *foundContracts, stderr io.Writer) bool {
	for _, p := range found.problems {
		fmt.Fprintln(stderr, p)
	}
	for _, u := range found.unresolved {
		fmt.Fprintln(stderr, u)
	}
	missing := 0
	for i := range es {
		if e := &es[i]; e.Contract == contractMissing {
			fmt.Fprintf(stderr, "%s:%d: %s %s has no contract test\n", e.File, e.Line, e.Method, e.Path)
			missing++
		}
	}
	if missing > 0 {
		fmt.Fprintf(stderr, "idemlint: %d mutating routes have no contract test: write one with idemtest.TestRoute, or mark the test that is one //idem:contract METHOD PATH\n", missing)
	}
	return missing > 0 || len(found.problems) > 0
}
