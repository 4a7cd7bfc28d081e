package main

// Entries of the exempt setting that suppress nothing. An //idem:exempt
// directive is judged by idemexempt in its package; an entry of the
// exempt setting can cover any package and route, so only a driver that
// sees every finding of a run can tell that it suppressed nothing.

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/passes/config"
)

// unusedExemptions returns a finding of idemexempt, at its line of the
// configuration file, for each entry of the exempt setting that
// suppressed no finding of the run. An entry is judged only when
// idemexempt and every check it applies to ran, the analysis did not
// fail, and the run covers the configuration: a package pattern ending
// in /... names its directory or a directory above it.
func (r *run) unusedExemptions(patterns []string) []*finding {
	if r.failed {
		return nil
	}
	ran := make(map[string]bool)
	used := make(map[[2]any]bool) // {configuration file, entry index}
	type use struct {
		cfg *config.Config
		pkg string // the first root package it governs
	}
	var configs []use
	seen := make(map[string]bool)
	for _, act := range r.graph.Roots {
		ran[act.Analyzer.Name] = true
		cfg, err := config.ForDir(packageDir(act))
		if err != nil {
			continue
		}
		if fs, ok := act.Result.(*report.Findings); ok {
			for _, f := range fs.List {
				if x := f.Exemption; x != nil && x.Config != nil {
					used[[2]any{cfg.Path, x.Config.Index}] = true
				}
			}
		}
		if !seen[cfg.Path] && len(cfg.Exemptions) > 0 {
			seen[cfg.Path] = true
			configs = append(configs, use{cfg, act.Package.ID})
		}
	}
	var out []*finding
	for _, u := range configs {
		if !ran["idemexempt"] || !u.cfg.Enabled("idemexempt") || !covers(r.graph, patterns, filepath.Dir(u.cfg.Path)) {
			continue
		}
		for _, x := range u.cfg.Exemptions {
			checks := x.Checks
			if checks == nil {
				checks = config.CheckNames
			}
			if used[[2]any{u.cfg.Path, x.Index}] || slices.ContainsFunc(checks, func(c string) bool { return !ran[c] }) {
				continue
			}
			posn := token.Position{Filename: u.cfg.Path, Line: x.Line}
			f := &finding{
				check:   "idemexempt",
				pkg:     u.pkg,
				posn:    posn,
				end:     posn,
				message: fmt.Sprintf("idemexempt: %s (%s) suppresses nothing in this run (no finding of its checks on its paths and packages); remove it", x.Name(), x.ADR),
				file:    r.rel(u.cfg.Path),
			}
			f.function = "(config)"
			f.fingerprint = fingerprint(f.check, f.file, f.function, f.message)
			out = append(out, f)
		}
	}
	return out
}

// packageDir returns the directory of a root action's package.
func packageDir(act *checker.Action) string {
	if files := act.Package.GoFiles; len(files) > 0 {
		return filepath.Dir(files[0])
	}
	return ""
}

// covers reports whether a run of the package patterns covers every
// package below dir: one of them is dir/..., or ... of a directory above
// it, as a directory (./..., ../svc/...) or an import path of a root
// package's module (example.com/shop/...).
func covers(g *checker.Graph, patterns []string, dir string) bool {
	for _, p := range patterns {
		base, ok := strings.CutSuffix(p, "...")
		if !ok || (base != "" && !strings.HasSuffix(base, "/")) {
			continue
		}
		base = strings.TrimSuffix(base, "/")
		var dirs []string
		switch {
		case base == "" || base == "." || strings.HasPrefix(base, "./") || strings.HasPrefix(base, "../") || base == ".." || filepath.IsAbs(base):
			if abs, err := filepath.Abs(base); err == nil {
				dirs = append(dirs, abs)
			}
		default:
			for _, act := range g.Roots {
				m := act.Package.Module
				if m == nil || m.Dir == "" {
					continue
				}
				if rest, ok := strings.CutPrefix(base, m.Path); ok && (rest == "" || rest[0] == '/') {
					dirs = append(dirs, filepath.Join(m.Dir, filepath.FromSlash(rest)))
				}
			}
		}
		for _, d := range dirs {
			if rel, err := filepath.Rel(d, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
				return true
			}
		}
	}
	return false
}
