// Package moduletest checks analyzers, and the hosts that run them, on
// module fixtures: directories with a go.mod of their own, laid out like
// services, built against real third-party modules.
//
// Expectations are // want comments, as with analysistest: a comment
// `// want "RE" `RE`...` on a line says that the line has exactly one
// diagnostic matching each regular expression. Unlike analysistest, the
// comments of every Go file of the module are read, and every diagnostic
// of the run, whichever package reported it, is matched against them: a
// route registered in one package is decided, and reported, where its
// router is served.
package moduletest

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"text/scanner"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// A Diagnostic is one finding as a host prints it.
type Diagnostic struct {
	File    string // slash-separated, relative to the module's directory
	Line    int
	Col     int
	Message string
	Related []string // "FILE:LINE: MESSAGE" of related information
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Col, d.Message)
}

// A Want is one expected diagnostic: on Line of File, matching RE.
type Want struct {
	File string
	Line int
	RE   *regexp.Regexp
}

func (w Want) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.RE) }

// Download fetches the modules the fixture in dir requires, through the
// configured proxy: packages.Load and the go command's test runs do not.
func Download(t testing.TB, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = Env()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
}

// Env is the environment of the go command in a fixture: its go.sum is
// complete, but its own go.mod may list fewer modules than a build needs.
func Env() []string { return append(os.Environ(), "GOFLAGS=-mod=mod") }

// Run analyzes the packages of the module in dir matching patterns with
// the analyzers, in one process, as the standalone driver does, and
// checks the diagnostics of every package against the // want comments of
// every file of the module. It returns the diagnostics.
func Run(t testing.TB, dir string, as []*analysis.Analyzer, patterns ...string) []Diagnostic {
	t.Helper()
	Download(t, dir)
	cfg := &packages.Config{Dir: dir, Mode: packages.LoadAllSyntax | packages.NeedModule, Env: Env()}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	})
	if t.Failed() {
		t.FailNow()
	}
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(dir)
	// A finding two packages report (a router served by two commands)
	// is shown once, as the standalone driver shows it.
	var got []Diagnostic
	seen := make(map[string]bool)
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
			continue
		}
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			posn := fset.Position(d.Pos)
			diag := Diagnostic{File: rel(abs, posn.Filename), Line: posn.Line, Col: posn.Column, Message: d.Message}
			for _, r := range d.Related {
				p := fset.Position(r.Pos)
				diag.Related = append(diag.Related, fmt.Sprintf("%s:%d: %s", rel(abs, p.Filename), p.Line, r.Message))
			}
			if k := diag.String(); !seen[k] {
				seen[k] = true
				got = append(got, diag)
			}
		}
	}
	Check(t, Wants(t, dir), got)
	return got
}

// Check checks that got holds, for each want, exactly one diagnostic on
// its line matching it, and nothing else.
func Check(t testing.TB, wants []Want, got []Diagnostic) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range wants {
		n := 0
		for i, d := range got {
			if !used[i] && d.File == w.File && d.Line == w.Line && w.RE.MatchString(d.Message) {
				used[i] = true
				n++
				break
			}
		}
		if n == 0 {
			t.Errorf("%s: no diagnostic was reported matching %q", fmt.Sprintf("%s:%d", w.File, w.Line), w.RE)
		}
	}
	for i, d := range got {
		if !used[i] {
			t.Errorf("unexpected diagnostic %s", d)
		}
	}
}

// Wants returns the expectations of every Go file below dir.
func Wants(t testing.TB, dir string) []Want {
	t.Helper()
	var wants []Want
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name := rel(dir, path)
		for i, line := range strings.Split(string(data), "\n") {
			_, rest, ok := strings.Cut(line, "// want ")
			if !ok {
				continue
			}
			res, err := parse(rest)
			if err != nil {
				t.Errorf("%s:%d: %v", name, i+1, err)
				continue
			}
			for _, re := range res {
				wants = append(wants, Want{File: name, Line: i + 1, RE: re})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return wants
}

// parse parses the quoted regular expressions of a // want comment.
func parse(text string) ([]*regexp.Regexp, error) {
	var s scanner.Scanner
	s.Init(strings.NewReader(text))
	s.Mode = scanner.ScanStrings | scanner.ScanRawStrings
	s.Error = func(*scanner.Scanner, string) {}
	var out []*regexp.Regexp
	for tok := s.Scan(); tok != scanner.EOF; tok = s.Scan() {
		if tok != scanner.String && tok != scanner.RawString {
			return nil, fmt.Errorf("want a quoted regular expression, got %q", s.TokenText())
		}
		lit, err := strconv.Unquote(s.TokenText())
		if err != nil {
			return nil, err
		}
		re, err := regexp.Compile(lit)
		if err != nil {
			return nil, err
		}
		out = append(out, re)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no regular expression")
	}
	return out, nil
}

var outputLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (idem[a-z]*: .*)$`)

// Parse returns the idem diagnostics a host printed, one
// "FILE:LINE:COL: MESSAGE" per line, with files made relative to dir.
func Parse(dir, out string) []Diagnostic {
	abs, _ := filepath.Abs(dir)
	var ds []Diagnostic
	for line := range strings.Lines(out) {
		m := outputLine.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
		if m == nil {
			continue
		}
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		file := m[1]
		if filepath.IsAbs(file) {
			file = rel(abs, file)
		}
		ds = append(ds, Diagnostic{File: filepath.ToSlash(file), Line: l, Col: c, Message: m[4]})
	}
	return ds
}

// rel returns path relative to dir, slash-separated.
func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}
