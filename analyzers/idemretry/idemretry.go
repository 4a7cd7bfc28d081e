package idemretry

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/ast"
	"go/printer"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/retries"
)

//go:embed doc.go
var doc string

// Check finds the problems idemretry reports.
var Check = &report.Check{Name: "idemretry", Find: find}

// Analyzer reports retries of non-idempotent operations and per-attempt keys.
var Analyzer = &analysis.Analyzer{
	Name:       "idemretry",
	Doc:        checkdoc.MustExtract(doc, "idemretry"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemretry",
	Run:        safe.Run("idemretry", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	var findings []*report.Finding
	rs, err := passes.Of(pass).Retries()
	if err != nil {
		return nil, err
	}
	for _, r := range rs.Retries {
		safe.At(pass, r.Pos)
		for _, op := range r.Ops {
			if op.Keyed {
				continue
			}
			why := op.Why
			if why == "" {
				why = fmt.Sprintf("a retried %s can apply twice", method(op.Desc))
			}
			findings = append(findings, &report.Finding{
				Pos: r.Pos, End: r.End,
				Message: fmt.Sprintf("%s retries %s without an idempotency key (%s); %s", r.Mechanism, op.Desc, why, op.KeyHint),
				Subject: report.Subject{Retry: r},
				Reason:  report.NoKey,
			})
		}
		for _, m := range r.Mints {
			f := &report.Finding{
				Pos: m.Pos, End: m.End,
				Message: fmt.Sprintf("idempotency key minted by %s inside the retried code of %s (every attempt of %s sends a new key, so the attempts are not deduplicated); mint the key once before the retry",
					m.Minter, r.Mechanism, m.Op.Desc),
				Subject: report.Subject{Retry: r},
				Reason:  report.KeyPerAttempt,
			}
			if fix := hoist(pass, r, m); fix != nil {
				f.Fixes = []analysis.SuggestedFix{*fix}
			}
			findings = append(findings, f)
		}
	}
	return findings, nil
}

// method returns the HTTP method of an operation description, or "call".
func method(desc string) string {
	if m, _, ok := strings.Cut(desc, " "); ok && m != "" && m == strings.ToUpper(m) {
		return m
	}
	return "call"
}

// hoist moves the statement minting a key to just before the retry, when
// the statement is alone on its lines and its name is free there.
func hoist(pass *analysis.Pass, r *retries.Retry, m *retries.Mint) *analysis.SuggestedFix {
	st, anchor := m.Hoist, r.Anchor
	if st == nil || anchor == nil {
		return nil
	}
	id, ok := st.Lhs[0].(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if scope := pass.Pkg.Scope().Innermost(anchor.Pos()); scope == nil || scope.Lookup(id.Name) != nil {
		return nil
	} else if _, obj := scope.LookupParent(id.Name, anchor.Pos()); obj != nil && obj.Parent() != types.Universe {
		return nil
	}
	// the key may use nothing declared by the retry statement itself (a
	// loop variable, an if statement's init)
	inner := false
	ast.Inspect(st.Rhs[0], func(n ast.Node) bool {
		if x, ok := n.(*ast.Ident); ok {
			if obj := pass.TypesInfo.Uses[x]; obj != nil && anchor.Pos() <= obj.Pos() && obj.Pos() < anchor.End() {
				inner = true
			}
		}
		return !inner
	})
	if inner {
		return nil
	}
	tf := pass.Fset.File(st.Pos())
	if tf == nil || tf != pass.Fset.File(anchor.Pos()) {
		return nil
	}
	first, last := tf.Line(st.Pos()), tf.Line(st.End())
	if last >= tf.LineCount() {
		return nil
	}
	col := pass.Fset.Position(anchor.Pos()).Column
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, pass.Fset, st); err != nil {
		return nil
	}
	text := buf.String()
	if strings.Contains(text, "\n") {
		return nil
	}
	anchorLine := tf.LineStart(tf.Line(anchor.Pos()))
	return &analysis.SuggestedFix{
		Message: "Mint the idempotency key once before the retry",
		TextEdits: []analysis.TextEdit{
			{Pos: anchorLine, End: anchorLine, NewText: []byte(strings.Repeat("\t", col-1) + text + "\n")},
			{Pos: tf.LineStart(first), End: tf.LineStart(last + 1)},
		},
	}
}
