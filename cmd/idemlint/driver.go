package main

// The driver of the standalone command: plain runs, SARIF output,
// baselines and the inventory run the checks through the public
// go/analysis/checker API over packages loaded by go/packages, so they
// all see the same findings. go vet and go fix stay on the multichecker.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/idemlint/idemlint/passes/config"
)

// Exit statuses, as the standalone driver's.
const (
	exitClean    = 0
	exitError    = 1
	exitFindings = 3
)

// dispatch chooses the path of a run from its arguments (after -C): the
// inventory and help subcommands, or the standalone driver. It returns
// handled false for the runs the multichecker serves: the units of go vet
// and go fix (a configuration file, -flags, -V).
func dispatch(args []string, stdout, stderr io.Writer) (code int, handled bool) {
	i := 0
	for i < len(args) {
		a := args[i]
		if a == "--" || len(a) < 2 || a[0] != '-' {
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "flags" || name == "V" {
			return 0, false // go vet asks the tool about itself
		}
		i++
		if !hasValue && takesValue[name] && i < len(args) {
			i++ // the flag's value
		}
	}
	switch {
	case i < len(args) && args[i] == "inventory":
		return runInventory(args[:i], args[i+1:], stdout, stderr), true
	case i < len(args) && args[i] == "help":
		return runHelp(args[i+1:], stdout, stderr), true
	case len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg"):
		return 0, false // a unit of go vet or go fix
	}
	return runStandalone(args, stdout, stderr), true
}

// takesValue are the flags before a subcommand that take a value.
var takesValue = map[string]bool{
	"format": true, "config": true, "baseline": true, "c": true, "cpuprofile": true, "memprofile": true,
}

// setConfig sets the config pass's -config flag, which every path shares.
func setConfig(path string) error {
	if path == "" {
		return nil
	}
	return config.Analyzer.Flags.Set("config", path)
}

// A run is the outcome of analyzing a set of packages.
type run struct {
	root   string // repository root: git toplevel, else the current directory
	graph  *checker.Graph
	errors []string // analysis errors, each once
	failed bool     // packages failed to load or an analysis failed
	// testsFailed is whether only test variants of packages failed: the
	// results of the packages themselves are whole.
	testsFailed bool
}

// analyze loads the packages matching patterns with go/packages and runs
// the analyzers on them, printing load and analysis errors to stderr. It
// returns an error only when nothing could be analyzed.
func analyze(as []*analysis.Analyzer, patterns []string, tests bool, stderr io.Writer) (*run, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: tests}
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(initial) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	r := &run{root: repoRoot()}
	failedIn := make(map[string]bool) // IDs of packages that failed
	// Print package errors like the go command, to stderr.
	packages.Visit(initial, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			fmt.Fprintln(stderr, e)
			failedIn[p.ID] = true
		}
	})
	r.graph, err = checker.Analyze(as, initial, nil)
	if err != nil {
		return nil, err
	}
	// Print each error once, and only the causes: an action whose
	// prerequisites failed says nothing new. Every check of every package
	// returns an invalid configuration as its error, and a failing check
	// names itself in its error.
	var causes, consequences []string
	seen := make(map[string]bool)
	for act := range r.graph.All() {
		if act.Err == nil {
			continue
		}
		failedIn[act.Package.ID] = true
		msg := "idemlint: " + act.Err.Error()
		if seen[msg] {
			continue
		}
		seen[msg] = true
		if strings.HasPrefix(act.Err.Error(), "failed prerequisites: ") {
			consequences = append(consequences, msg)
		} else {
			causes = append(causes, msg)
		}
	}
	r.failed = len(failedIn) > 0
	r.testsFailed = r.failed
	for id := range failedIn {
		if !strings.HasSuffix(id, ".test]") && !strings.HasSuffix(id, ".test") {
			r.testsFailed = false
		}
	}
	r.errors = causes
	if len(causes) == 0 {
		r.errors = consequences
	}
	for _, msg := range r.errors {
		fmt.Fprintln(stderr, msg)
	}
	return r, nil
}

// A finding is one diagnostic of a root action, as the standalone driver
// shows it.
type finding struct {
	check       string
	pkg         string // the ID of the package that reported it first
	posn, end   token.Position
	message     string
	fixes       []analysis.SuggestedFix
	related     []analysis.RelatedInformation
	fset        *token.FileSet
	file        string // slash-separated, relative to the repository root
	function    string // enclosing function: "Recv.Name", "Name" or "(package)"
	fingerprint string
}

// findings returns the diagnostics of the root actions, each once: a
// file can belong to several packages (a package and its test variant),
// and a route to routers served in several packages. They are sorted by
// position.
func (r *run) findings() []*finding {
	files := r.syntax()
	type key struct {
		pos, end token.Position
		check    string
		message  string
	}
	seen := make(map[key]bool)
	var out []*finding
	for _, act := range r.graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			check := d.Category
			if check == "" {
				check = act.Analyzer.Name
			}
			f := &finding{
				check:   check,
				pkg:     act.Package.ID,
				posn:    fset.Position(d.Pos),
				end:     fset.Position(d.End),
				message: d.Message,
				fixes:   d.SuggestedFixes,
				related: d.Related,
				fset:    fset,
			}
			if !f.end.IsValid() {
				f.end = f.posn
			}
			k := key{f.posn, f.end, check, d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			f.file = r.rel(f.posn.Filename)
			f.function = enclosingFunc(files[f.posn.Filename], f.posn.Offset)
			f.fingerprint = fingerprint(f.check, f.file, f.function, f.message)
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.posn.Offset != b.posn.Offset {
			return a.posn.Offset < b.posn.Offset
		}
		if a.check != b.check {
			return a.check < b.check
		}
		return a.message < b.message
	})
	return out
}

// fingerprint identifies a finding across edits that move it: its check,
// file, enclosing function and message (which names the route or
// consumer), not its line.
func fingerprint(check, file, function, message string) string {
	h := sha256.New()
	for _, s := range []string{check, file, function, message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// syntax returns the parsed files of the run's packages, by file name:
// a finding may be at a line of another package than the one reporting
// it.
func (r *run) syntax() map[string]*ast.File {
	files := make(map[string]*ast.File)
	for act := range r.graph.All() {
		for _, f := range act.Package.Syntax {
			if name := act.Package.Fset.File(f.FileStart).Name(); files[name] == nil {
				files[name] = f
			}
		}
	}
	return files
}

// enclosingFunc names the function declaration of f holding the byte
// offset off: "Recv.Name" for a method, "Name" for a function,
// "(package)" outside functions or when f is nil.
func enclosingFunc(f *ast.File, off int) string {
	if f != nil {
		pos := f.FileStart + token.Pos(off)
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos >= fd.End() {
				continue
			}
			if fd.Recv != nil && len(fd.Recv.List) > 0 {
				if recv := recvName(fd.Recv.List[0].Type); recv != "" {
					return recv + "." + fd.Name.Name
				}
			}
			return fd.Name.Name
		}
	}
	return "(package)"
}

// recvName returns the type name of a receiver: T for T, *T, T[P], *T[P].
func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// repoRoot returns the root that report paths are relative to: the git
// top-level directory holding the current directory when the repository
// holds the current module, else the root of that module, else the
// current directory.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	var gomod string
	if out, err := exec.Command("go", "env", "GOMOD").Output(); err == nil {
		if p := strings.TrimSpace(string(out)); filepath.IsAbs(p) && p != os.DevNull {
			gomod = p
		}
	}
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if top := strings.TrimSpace(string(out)); err == nil && top != "" && filepath.IsAbs(top) {
		// The repository, unless it does not hold the module: sources
		// unpacked inside another repository's tree.
		if gomod == "" || exec.Command("git", "ls-files", "--error-unmatch", gomod).Run() == nil {
			return filepath.Clean(top)
		}
	}
	if gomod != "" {
		return filepath.Dir(gomod)
	}
	return wd
}

// rel returns filename relative to the repository root, slash-separated;
// a file outside the root keeps its absolute path.
func (r *run) rel(filename string) string {
	if filename == "" {
		return ""
	}
	if rel, ok := relTo(r.root, filename); ok {
		return rel
	}
	// git reports the root with symbolic links resolved.
	root, err1 := filepath.EvalSymlinks(r.root)
	file, err2 := filepath.EvalSymlinks(filename)
	if err1 == nil && err2 == nil {
		if rel, ok := relTo(root, file); ok {
			return rel
		}
	}
	return filepath.ToSlash(filename)
}

func relTo(root, filename string) (string, bool) {
	rel, err := filepath.Rel(root, filename)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// uri returns the URI of a file relative to the root as SARIF wants it:
// relative and percent-encoded with a base id, or an absolute file URI
// for a file outside the root.
func uri(rel string) (string, string) {
	if path.IsAbs(rel) || filepath.IsAbs(rel) {
		p := filepath.ToSlash(rel)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // file:///C:/src
		}
		return (&url.URL{Scheme: "file", Path: p}).String(), ""
	}
	return (&url.URL{Path: rel}).EscapedPath(), srcRoot
}
