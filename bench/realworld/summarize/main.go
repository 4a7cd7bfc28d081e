// Command summarize reads the outputs of bench/realworld/run.sh and prints,
// in Markdown, per service: the inventory's POST and PATCH routes, routes of
// any method and RPC procedures by status, the reasons given for unknown
// routes, consumers and retry sites by status, and every finding (check,
// file:line, message) of idemlint -json, once per position and message.
//
//	go run ./bench/realworld/summarize [-findings=false] OUTDIR
//	go run ./bench/realworld/summarize -carry OLD.tsv OUTDIR > NEW.tsv
//	go run ./bench/realworld/summarize -score LABELS.tsv
//
// -carry prints a labels file for the run, with the verdicts of an earlier
// labels file kept for the findings it judged; -score prints the verdicts
// of a labels file by check and by service.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// routeStatuses are the columns of the route tables, in order.
var routeStatuses = []string{"protected", "unprotected", "exempt", "unknown", "not-mutating", "unrecognised"}

// entry is one inventory entry (the fields summarize reads).
type entry struct {
	Kind      string `json:"kind"`
	Method    string `json:"method"`
	Path      string `json:"path"`
	Framework string `json:"framework"`
	Receiver  string `json:"receiver"`
	Package   string `json:"package"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Status    string `json:"status"`
	Detail    string `json:"detail"`
	Library   string `json:"library"`
	Source    string `json:"source"`
	Mechanism string `json:"mechanism"`
}

type inventory struct {
	Version int     `json:"version"`
	Entries []entry `json:"entries"`
}

// finding is one diagnostic of idemlint -json.
type finding struct {
	Check   string
	Posn    string // file:line:col, relative to the module directory when under it
	Message string
}

// analysisError is an "error" entry of idemlint -json.
type analysisError struct {
	Package, Check, Message string
}

// service is what summarize knows of one service.
type service struct {
	Name     string
	Meta     map[string]string
	Inv      inventory // entries made distinct by distinct
	Listed   int       // entries as listed
	Conflict int       // registrations listed with more than one status
	InvErr   string
	Findings []finding // unique by check, position and message, sorted
	Raw      int       // findings before removing duplicates
	Errors   []analysisError
	FindErr  string
	Stderr   map[string]string // command ("findings", "inventory") -> stderr
}

// parseMeta reads the tab-separated key/value lines run.sh writes.
func parseMeta(r io.Reader) (map[string]string, error) {
	m := map[string]string{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			m[k] = v
		}
	}
	return m, sc.Err()
}

// parseFindings reads the output of idemlint -json: package -> check ->
// either a list of diagnostics or {"error": ...}. Positions under dir are
// made relative to it. Findings are returned unique (a package and its test
// variant report the same finding twice) and sorted; raw counts them all.
func parseFindings(data []byte, dir string) (fs []finding, raw int, errs []analysisError, err error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, 0, nil, err
	}
	seen := map[finding]bool{}
	for pkg, checks := range tree {
		for check, v := range checks {
			var e struct {
				Error string `json:"error"`
			}
			if len(v) > 0 && v[0] == '{' {
				if err := json.Unmarshal(v, &e); err != nil {
					return nil, 0, nil, fmt.Errorf("%s %s: %v", pkg, check, err)
				}
				errs = append(errs, analysisError{pkg, check, e.Error})
				continue
			}
			var ds []struct {
				Category string `json:"category"`
				Posn     string `json:"posn"`
				Message  string `json:"message"`
			}
			if err := json.Unmarshal(v, &ds); err != nil {
				return nil, 0, nil, fmt.Errorf("%s %s: %v", pkg, check, err)
			}
			for _, d := range ds {
				raw++
				c := d.Category
				if c == "" {
					c = check
				}
				f := finding{c, relPosn(d.Posn, dir), d.Message}
				if !seen[f] {
					seen[f] = true
					fs = append(fs, f)
				}
			}
		}
	}
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		if pa, pb := posnKey(a.Posn), posnKey(b.Posn); pa != pb {
			return pa < pb
		}
		return a.Message < b.Message
	})
	sort.Slice(errs, func(i, j int) bool {
		return errs[i].Package+errs[i].Check < errs[j].Package+errs[j].Check
	})
	return fs, raw, errs, nil
}

// relPosn makes an absolute file:line:col relative to dir when it is under it.
func relPosn(posn, dir string) string {
	if dir == "" {
		return posn
	}
	if rest, ok := strings.CutPrefix(posn, strings.TrimSuffix(dir, "/")+"/"); ok {
		return rest
	}
	return posn
}

// posnKey orders file:line:col by file, then numerically by line and column.
func posnKey(posn string) string {
	parts := strings.Split(posn, ":")
	for i := len(parts) - 1; i >= 1 && i >= len(parts)-2; i-- {
		if n, err := strconv.Atoi(parts[i]); err == nil {
			parts[i] = fmt.Sprintf("%08d", n)
		}
	}
	return strings.Join(parts, ":")
}

// fileLine drops the column of file:line:col.
func fileLine(posn string) string {
	parts := strings.Split(posn, ":")
	if len(parts) >= 3 {
		if _, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
			return strings.Join(parts[:len(parts)-1], ":")
		}
	}
	return posn
}

func load(dir, name string) service {
	s := service{Name: name, Meta: map[string]string{}, Stderr: map[string]string{}}
	if f, err := os.Open(filepath.Join(dir, name+".meta")); err == nil {
		s.Meta, _ = parseMeta(f)
		f.Close()
	}
	if data, err := os.ReadFile(filepath.Join(dir, name+".inventory.json")); err != nil {
		s.InvErr = err.Error()
	} else if err := json.Unmarshal(data, &s.Inv); err != nil {
		s.InvErr = "cannot parse inventory: " + err.Error()
	} else {
		s.Listed = len(s.Inv.Entries)
		s.Inv.Entries, s.Conflict = distinct(s.Inv.Entries)
	}
	if data, err := os.ReadFile(filepath.Join(dir, name+".findings.json")); err != nil {
		s.FindErr = err.Error()
	} else if fs, raw, errs, err := parseFindings(data, s.Meta["dir"]); err != nil {
		s.FindErr = "cannot parse findings: " + err.Error()
	} else {
		s.Findings, s.Raw, s.Errors = fs, raw, errs
	}
	for _, cmd := range []string{"findings", "inventory"} {
		if data, err := os.ReadFile(filepath.Join(dir, name+"."+cmd+".stderr")); err == nil {
			if t := strings.TrimSpace(string(data)); t != "" {
				s.Stderr[cmd] = t
			}
		}
	}
	return s
}

// precedence orders statuses when one registration is listed more than
// once (say, unknown where it is registered and decided where its router is
// served): a decided status wins over unknown.
var precedence = map[string]int{
	"unprotected": 0, "exempt": 1, "protected": 2, "not-mutating": 3,
	"unsafe": 0, "unbounded": 1, "no-backoff": 2, "ok": 3,
	"no-effects": 3, "at-most-once": 4, "unrecognised": 5, "unknown": 6,
}

func rank(status string) int {
	if r, ok := precedence[status]; ok {
		return r
	}
	return 5
}

// distinct keeps one entry per entry point, the one with the most decided
// status, in the order of first listing, and counts the entry points listed
// with more than one status. Entries are one entry point when they agree on
// kind, method, library, source, mechanism and position, and one path ends
// with the other: a route is listed with the path its own package sees
// ("/login", or "" for a group's root) where it is registered and with its
// full path ("/api/users/login") where its router is served.
func distinct(entries []entry) (out []entry, conflicts int) {
	type key struct {
		kind, method, library, source, mechanism, file string
		line                                           int
	}
	groups := map[key][]int{} // indexes into out
	var statuses []map[string]bool
	for _, e := range entries {
		k := key{e.Kind, e.Method, e.Library, e.Source, e.Mechanism, e.File, e.Line}
		i := -1
		for _, j := range groups[k] {
			if strings.HasSuffix(out[j].Path, e.Path) || strings.HasSuffix(e.Path, out[j].Path) {
				i = j
				break
			}
		}
		if i < 0 {
			groups[k] = append(groups[k], len(out))
			out = append(out, e)
			statuses = append(statuses, map[string]bool{e.Status: true})
			continue
		}
		statuses[i][e.Status] = true
		// Keep the most decided status, and the longer (fuller) path.
		if rank(e.Status) < rank(out[i].Status) || rank(e.Status) == rank(out[i].Status) && len(e.Path) > len(out[i].Path) {
			out[i] = e
		}
	}
	for _, st := range statuses {
		if len(st) > 1 {
			conflicts++
		}
	}
	return out, conflicts
}

// routeClass is the row a route entry counts in: "POST/PATCH", "ANY", "RPC",
// or "" for entries of other kinds and methods.
func routeClass(e entry) string {
	switch {
	case e.Kind == "rpc":
		return "RPC"
	case e.Kind != "route" && e.Kind != "unrecognised":
		return ""
	case e.Method == "POST" || e.Method == "PATCH":
		return "POST/PATCH"
	case e.Method == "ANY":
		return "ANY"
	}
	return ""
}

type counts map[string]int

func (c counts) total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// tally counts the service's entries by class and status.
func tally(s service) (routes map[string]counts, consumers, retries counts) {
	routes = map[string]counts{"POST/PATCH": {}, "ANY": {}, "RPC": {}}
	consumers, retries = counts{}, counts{}
	for _, e := range s.Inv.Entries {
		switch e.Kind {
		case "consumer":
			consumers[e.Status]++
		case "retry":
			retries[e.Status]++
		default:
			if c := routeClass(e); c != "" {
				routes[c][e.Status]++
			}
		}
	}
	return routes, consumers, retries
}

func statusList(c counts) string {
	if len(c) == 0 {
		return "–"
	}
	var keys []string
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, c[k]))
	}
	return strings.Join(parts, ", ")
}

func md(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func main() {
	showFindings := flag.Bool("findings", true, "list every finding of every service")
	carry := flag.String("carry", "", "instead, print a labels file for the run's findings, keeping the verdicts of this earlier labels file for the findings it has (the others are TODO)")
	score := flag.String("score", "", "instead, print the verdicts of this labels file by check and by service (OUTDIR is not read)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: summarize [-findings=false] OUTDIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *score != "" {
		labels, err := readLabels(*score)
		if err != nil {
			fmt.Fprintf(os.Stderr, "summarize: %v\n", err)
			os.Exit(1)
		}
		writeScores(os.Stdout, labels)
		return
	}
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	metas, err := filepath.Glob(filepath.Join(dir, "*.meta"))
	if err != nil || len(metas) == 0 {
		fmt.Fprintf(os.Stderr, "summarize: no *.meta files in %s\n", dir)
		os.Exit(1)
	}
	var services []service
	for _, m := range metas {
		services = append(services, load(dir, strings.TrimSuffix(filepath.Base(m), ".meta")))
	}
	sort.Slice(services, func(i, j int) bool { return services[i].Name < services[j].Name })
	if *carry != "" {
		old, err := readLabels(*carry)
		if err == nil {
			err = carryLabels(os.Stdout, services, old)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "summarize: %v\n", err)
			os.Exit(1)
		}
		return
	}
	write(os.Stdout, services, *showFindings)
}

func write(w io.Writer, services []service, showFindings bool) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	commits := map[string]bool{}
	for _, s := range services {
		commits[s.Meta["idemlint"]] = true
	}
	var cs []string
	for c := range commits {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	p("idemlint %s; %d services.\n\n", strings.Join(cs, ", "), len(services))

	for _, class := range []string{"POST/PATCH", "ANY", "RPC"} {
		title := class + " routes"
		if class == "RPC" {
			title = "RPC procedures"
		}
		p("### %s by inventory status\n\n", title)
		if class != "POST/PATCH" {
			p("Services with none are left out.\n\n")
		}
		p("| service | %s | total |\n|---|%s---|\n", strings.Join(routeStatuses, " | "), strings.Repeat("---|", len(routeStatuses)))
		sum := counts{}
		for _, s := range services {
			routes, _, _ := tally(s)
			c := routes[class]
			var cells []string
			for _, st := range routeStatuses {
				cells = append(cells, strconv.Itoa(c[st]))
				sum[st] += c[st]
			}
			for st, n := range c { // statuses the table has no column for
				if !contains(routeStatuses, st) {
					cells[len(cells)-1] += fmt.Sprintf(" (+%d %s)", n, st)
					sum[st] += n
				}
			}
			if c.total() == 0 && class != "POST/PATCH" {
				continue // rows of services with none are left out
			}
			p("| %s | %s | %d |\n", s.Name, strings.Join(cells, " | "), c.total())
		}
		var cells []string
		for _, st := range routeStatuses {
			cells = append(cells, fmt.Sprintf("**%d**", sum[st]))
		}
		p("| **total** | %s | **%d** |\n\n", strings.Join(cells, " | "), sum.total())
	}

	p("### Consumers and retries by status; findings by check\n\n")
	p("| service | consumers | retries | findings (unique) | as printed | by check | errors |\n|---|---|---|---|---|---|---|\n")
	allCons, allRetries, allChecks := counts{}, counts{}, counts{}
	rawTotal, uniqTotal := 0, 0
	for _, s := range services {
		_, cons, retries := tally(s)
		byCheck := counts{}
		for _, f := range s.Findings {
			byCheck[f.Check]++
			allChecks[f.Check]++
		}
		for k, v := range cons {
			allCons[k] += v
		}
		for k, v := range retries {
			allRetries[k] += v
		}
		rawTotal += s.Raw
		uniqTotal += len(s.Findings)
		errs := len(s.Errors)
		if s.FindErr != "" || s.InvErr != "" || s.Meta["findings_rc"] != "0" || s.Meta["inventory_rc"] != "0" {
			errs++
		}
		p("| %s | %s | %s | %d | %d | %s | %d |\n", s.Name, statusList(cons), statusList(retries), len(s.Findings), s.Raw, statusList(byCheck), errs)
	}
	p("| **total** | %s | %s | **%d** | %d | %s | |\n\n", statusList(allCons), statusList(allRetries), uniqTotal, rawTotal, statusList(allChecks))

	p("### Why routes are unknown\n\n")
	reasons := map[string]counts{}
	for _, s := range services {
		for _, e := range s.Inv.Entries {
			if routeClass(e) != "" && e.Status == "unknown" {
				if reasons[e.Detail] == nil {
					reasons[e.Detail] = counts{}
				}
				reasons[e.Detail][s.Name]++
			}
		}
	}
	var rs []string
	for r := range reasons {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return reasons[rs[i]].total() > reasons[rs[j]].total() })
	p("| reason | routes | services |\n|---|---|---|\n")
	for _, r := range rs {
		p("| %s | %d | %s |\n", md(r), reasons[r].total(), md(statusList(reasons[r])))
	}
	p("\n")

	p("### Unrecognised registrations (unsupported routers)\n\n")
	p("| service | receiver | POST/PATCH | ANY | all listed |\n|---|---|---|---|---|\n")
	none := true
	for _, s := range services {
		byRecv := map[string]counts{}
		for _, e := range s.Inv.Entries {
			if e.Kind == "unrecognised" {
				if byRecv[e.Receiver] == nil {
					byRecv[e.Receiver] = counts{}
				}
				byRecv[e.Receiver][routeClass(e)]++
			}
		}
		var recvs []string
		for r := range byRecv {
			recvs = append(recvs, r)
		}
		sort.Strings(recvs)
		for _, r := range recvs {
			c := byRecv[r]
			p("| %s | `%s` | %d | %d | %d |\n", s.Name, r, c["POST/PATCH"], c["ANY"], c.total())
			none = false
		}
	}
	if none {
		p("| (none) | | | | |\n")
	}
	p("\n")

	p("### Runs\n\n")
	p("Inventory entries: as listed, distinct entry points (the tables above count these), and entry points listed with more than one status.\n\n")
	p("| service | repository | commit | module dir | exit (-json, inventory) | seconds (-json, inventory) | inventory entries (listed, distinct, conflicting) |\n|---|---|---|---|---|---|---|\n")
	for _, s := range services {
		m := s.Meta
		p("| %s | %s | %s | %s | %s, %s | %s, %s | %d, %d, %d |\n", s.Name, m["repo"], short(m["commit"]), m["subdir"], m["findings_rc"], m["inventory_rc"], m["findings_seconds"], m["inventory_seconds"], s.Listed, len(s.Inv.Entries), s.Conflict)
	}
	p("\n")
	var problems []string
	for _, s := range services {
		if s.FindErr != "" {
			problems = append(problems, fmt.Sprintf("%s: findings: %s", s.Name, s.FindErr))
		}
		if s.InvErr != "" {
			problems = append(problems, fmt.Sprintf("%s: inventory: %s", s.Name, s.InvErr))
		}
		for _, e := range s.Errors {
			problems = append(problems, fmt.Sprintf("%s: %s %s: %s", s.Name, e.Package, e.Check, e.Message))
		}
		for _, cmd := range []string{"findings", "inventory"} {
			if t := s.Stderr[cmd]; t != "" {
				problems = append(problems, fmt.Sprintf("%s: stderr of %s run: %s", s.Name, cmd, firstLines(t, 5)))
			}
		}
	}
	if len(problems) > 0 {
		p("Errors and messages:\n\n")
		for _, pr := range problems {
			p("- %s\n", md(pr))
		}
		p("\n")
	}

	if !showFindings {
		return
	}
	for _, s := range services {
		if len(s.Findings) == 0 {
			continue
		}
		p("### Findings: %s\n\n| check | file:line | message |\n|---|---|---|\n", s.Name)
		for _, f := range s.Findings {
			p("| %s | %s | %s |\n", f.Check, fileLine(f.Posn), md(f.Message))
		}
		p("\n")
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)", len(lines)-n))
	}
	return strings.Join(lines, " / ")
}
