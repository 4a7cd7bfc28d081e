package main

// The renderers of the inventory: text, Markdown and JSON.

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/idemlint/idemlint/analyzers/report"
)

// inventoryVersion is the version of the JSON inventory format. Fields
// may be added without a new version; none is renamed or removed.
const inventoryVersion = 1

// An inventory is the JSON document of `idemlint inventory -format=json`.
type inventory struct {
	Version int     `json:"version"`
	Entries []entry `json:"entries"`
}

// MarshalJSON leaves out the fields that do not apply to the entry's
// kind, but keeps the path of a route, "" when it is not constant.
func (e entry) MarshalJSON() ([]byte, error) {
	type plain entry
	if group(&e) == 0 {
		return json.Marshal(plain(e))
	}
	// The outer, empty path hides the entry's.
	return json.Marshal(struct {
		plain
		Path string `json:"path,omitempty"`
	}{plain: plain(e)})
}

// A column is one column of the text and markdown tables.
type column struct {
	header string
	value  func(*entry) string
}

// group returns the table of an entry's kind.
func group(e *entry) int {
	switch e.Kind {
	case "consumer":
		return 1
	case "retry":
		return 2
	}
	return 0
}

// tables are the columns of the tables, by group: routes (and RPCs and
// unrecognised registrations), consumers, retries.
var tables = [][]column{
	{
		{"METHOD", func(e *entry) string {
			if len(e.BranchMethods) > 0 {
				return e.Method + " (" + strings.Join(e.BranchMethods, ",") + ")"
			}
			return e.Method
		}},
		{"PATH", func(e *entry) string { return report.DisplayPath(e.Path) }},
		{"FRAMEWORK", func(e *entry) string {
			if e.Framework == "" {
				return e.Receiver
			}
			return e.Framework
		}},
		{"HANDLER", func(e *entry) string { return e.Handler }},
		locationColumn, statusColumn, byColumn, detailColumn, financialColumn,
		failOpenColumn, windowColumn, storeColumn,
		{"CONTRACT", func(e *entry) string { return e.Contract }},
	},
	{
		{"LIBRARY", func(e *entry) string { return e.Library }},
		{"SOURCE", func(e *entry) string {
			if e.Source == "" {
				return e.SourceKind + " (dynamic)"
			}
			return e.SourceKind + " " + strconv.Quote(e.Source)
		}},
		{"DELIVERY", func(e *entry) string { return e.Delivery }},
		{"HANDLER", func(e *entry) string { return e.Handler }},
		locationColumn, statusColumn, byColumn, detailColumn, financialColumn,
		windowColumn, storeColumn,
	},
	{
		{"MECHANISM", func(e *entry) string { return e.Mechanism }},
		{"OPERATIONS", func(e *entry) string { return strings.Join(e.Operations, ", ") }},
		{"KEY", func(e *entry) string { return e.Key }},
		locationColumn, statusColumn, byColumn, detailColumn, financialColumn,
		{"BOUND", func(e *entry) string {
			if e.Unbounded != "" {
				return e.Unbounded
			}
			return e.Bound
		}},
		{"BACKOFF", func(e *entry) string { return e.NoBackoff }},
	},
}

var (
	locationColumn  = column{"LOCATION", func(e *entry) string { return fmt.Sprintf("%s:%d", e.File, e.Line) }}
	statusColumn    = column{"STATUS", func(e *entry) string { return e.Status }}
	detailColumn    = column{"DETAIL", func(e *entry) string { return e.Detail }}
	financialColumn = column{"FINANCIAL", func(e *entry) string { return e.Financial }}
	byColumn        = column{"BY", func(e *entry) string {
		if e.ADR != "" {
			return e.ADR
		}
		return e.Middleware
	}}
	failOpenColumn = column{"FAIL-OPEN", func(e *entry) string { return note(e.FailOpen, e.failOpenNote) }}
	windowColumn   = column{"WINDOW", func(e *entry) string { return note(e.Window, e.windowNote) }}
	storeColumn    = column{"STORE", func(e *entry) string { return note(e.Store, e.storeNote) }}
)

func note(v, n string) string {
	if v == "" || n == "" {
		return v
	}
	return v + " (" + n + ")"
}

// visible returns the columns of a table that have a value in some entry.
func visible(table []column, es []entry) []column {
	var cols []column
	for _, c := range table {
		for i := range es {
			if c.value(&es[i]) != "" {
				cols = append(cols, c)
				break
			}
		}
	}
	return cols
}

// groups splits the sorted entries into their tables.
func groups(es []entry) [][]entry {
	var out [][]entry
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && group(&es[j]) == group(&es[i]) {
			j++
		}
		out = append(out, es[i:j])
		i = j
	}
	return out
}

func printText(w io.Writer, es []entry) error {
	if len(es) == 0 {
		_, err := fmt.Fprintln(w, "no mutating entry points")
		return err
	}
	var buf strings.Builder
	for n, g := range groups(es) {
		if n > 0 {
			buf.WriteString("\n")
		}
		tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
		cols := visible(tables[group(&g[0])], g)
		for i, c := range cols {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, c.header)
		}
		fmt.Fprintln(tw)
		for i := range g {
			for j, c := range cols {
				if j > 0 {
					fmt.Fprint(tw, "\t")
				}
				fmt.Fprint(tw, c.value(&g[i]))
			}
			fmt.Fprintln(tw)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for line := range strings.Lines(buf.String()) {
		if _, err := fmt.Fprintln(w, strings.TrimRight(line, " \n")); err != nil {
			return err
		}
	}
	return nil
}

func printJSON(w io.Writer, es []entry) error {
	if es == nil {
		es = []entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(inventory{Version: inventoryVersion, Entries: es})
}

// codeColumns are the columns the Markdown table prints as code.
var codeColumns = map[string]bool{
	"METHOD": true, "PATH": true, "HANDLER": true, "LOCATION": true, "BY": true,
	"SOURCE": true, "MECHANISM": true, "OPERATIONS": true,
}

func printMarkdown(w io.Writer, es []entry) error {
	if len(es) == 0 {
		_, err := fmt.Fprintln(w, "No mutating entry points.")
		return err
	}
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	for n, g := range groups(es) {
		if n > 0 {
			b.WriteString("\n")
		}
		cols := visible(tables[group(&g[0])], g)
		var cells []string
		for _, c := range cols {
			cells = append(cells, strings.ToLower(c.header))
		}
		row(cells)
		cells = cells[:0]
		for range cols {
			cells = append(cells, "---")
		}
		row(cells)
		for i := range g {
			cells = cells[:0]
			for _, c := range cols {
				v := c.value(&g[i])
				if codeColumns[c.header] && v != "" {
					v = "`" + strings.ReplaceAll(v, "`", "'") + "`"
				}
				cells = append(cells, strings.ReplaceAll(v, "|", `\|`))
			}
			row(cells)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
