package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// A label is one row of a labels file: a finding judged by hand.
type label struct {
	Service, Commit, Check, FileLine, Message, Verdict, Reason string
}

var labelHeader = []string{"service", "commit", "check", "file:line", "message", "label", "reason"}

// readLabels reads a labels file (tab-separated, labelHeader's columns).
func readLabels(path string) ([]label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, len(labelHeader)
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var out []label
	for i, row := range rows {
		if i == 0 && row[0] == "service" {
			continue
		}
		out = append(out, label{row[0], row[1], row[2], row[3], row[4], row[5], row[6]})
	}
	return out, nil
}

// carryLabels writes a labels file for the findings of services: each
// finding keeps the verdict and reason of the row of old with the same
// service, service commit, position and message; the others are TODO.
func carryLabels(w io.Writer, services []service, old []label) error {
	known := make(map[[4]string]label, len(old))
	for _, l := range old {
		known[[4]string{l.Service, l.Commit, l.FileLine, l.Message}] = l
	}
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	if err := cw.Write(labelHeader); err != nil {
		return err
	}
	for _, s := range services {
		for _, f := range s.Findings {
			fl := fileLine(f.Posn)
			verdict, reason := "TODO", ""
			if l, ok := known[[4]string{s.Name, s.Meta["commit"], fl, f.Message}]; ok {
				verdict, reason = l.Verdict, l.Reason
			}
			if err := cw.Write([]string{s.Name, s.Meta["commit"], f.Check, fl, f.Message, verdict, reason}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeScores prints, in Markdown, the verdicts of labels by check and by
// service, and the services at 90 % true or more.
func writeScores(w io.Writer, labels []label) {
	type tally struct{ n, t, f, u, todo int }
	add := func(m map[string]*tally, k, verdict string) {
		if m[k] == nil {
			m[k] = &tally{}
		}
		c := m[k]
		c.n++
		switch verdict {
		case "true":
			c.t++
		case "false":
			c.f++
		case "unsure":
			c.u++
		default:
			c.todo++
		}
	}
	byCheck, byService, total := map[string]*tally{}, map[string]*tally{}, map[string]*tally{}
	for _, l := range labels {
		add(byCheck, l.Check, l.Verdict)
		add(byService, l.Service, l.Verdict)
		add(total, "total", l.Verdict)
	}
	row := func(name string, c *tally) string {
		ratio := "–"
		if c.n > 0 {
			ratio = fmt.Sprintf("%d %%", (100*c.t+c.n/2)/c.n)
		}
		s := fmt.Sprintf("| %s | %d | %d | %d | %d | %s |", name, c.n, c.t, c.f, c.u, ratio)
		if c.todo > 0 {
			s += fmt.Sprintf(" (%d not labelled)", c.todo)
		}
		return s + "\n"
	}
	keys := func(m map[string]*tally) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	for _, part := range []struct {
		title string
		m     map[string]*tally
	}{{"check", byCheck}, {"service", byService}} {
		fmt.Fprintf(w, "| %s | findings | true | false | unsure | true ratio |\n|---|---|---|---|---|---|\n", part.title)
		for _, k := range keys(part.m) {
			fmt.Fprint(w, row(k, part.m[k]))
		}
		if t := total["total"]; t != nil {
			fmt.Fprint(w, row("**total**", t))
		}
		fmt.Fprintln(w)
	}
	var high []string
	for _, k := range keys(byService) {
		if c := byService[k]; c.n > 0 && 10*c.t >= 9*c.n {
			high = append(high, fmt.Sprintf("%s %d/%d", k, c.t, c.n))
		}
	}
	fmt.Fprintf(w, "Services with findings at 90 %% true or more: %d (%s).\n", len(high), strings.Join(high, ", "))
}
