package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// An edit replaces the bytes [start, end) of a file.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of each finding, or with
// diff prints the changes as a unified diff. A fix whose edits overlap
// the edits of a fix applied before it in the same file is skipped. It
// returns the number of findings left without an applied fix.
func applyFixes(found []*finding, diff bool, stdout io.Writer) (int, error) {
	byFile := make(map[string][]edit)
	left := 0
	for _, f := range found {
		if len(f.fixes) == 0 {
			left++
			continue
		}
		var edits []edit
		var file string
		ok := true
		for _, te := range f.fixes[0].TextEdits {
			p, q := f.fset.Position(te.Pos), f.fset.Position(te.End)
			if !q.IsValid() {
				q = p
			}
			if file == "" {
				file = p.Filename
			}
			if p.Filename != file || q.Filename != file || q.Offset < p.Offset {
				ok = false
				break
			}
			edits = append(edits, edit{p.Offset, q.Offset, string(te.NewText)})
		}
		if !ok || file == "" || conflicts(byFile[file], edits) {
			left++
			continue
		}
		byFile[file] = append(byFile[file], edits...)
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		old, err := os.ReadFile(name)
		if err != nil {
			return left, err
		}
		fixed, err := applyEdits(old, byFile[name])
		if err != nil {
			return left, fmt.Errorf("%s: %v", name, err)
		}
		if diff {
			fmt.Fprint(stdout, unifiedDiff(name, string(old), string(fixed)))
			continue
		}
		if err := os.WriteFile(name, fixed, 0o666); err != nil {
			return left, err
		}
	}
	return left, nil
}

// conflicts reports whether an edit of b overlaps one of a; identical
// edits do not conflict (two findings may carry the same fix).
func conflicts(a, b []edit) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				continue
			}
			if x.start < y.end && y.start < x.end || (x.start == y.start && x.end == x.start && y.end == y.start) {
				return true
			}
		}
	}
	return false
}

// applyEdits applies non-overlapping edits to src; duplicates count once.
func applyEdits(src []byte, edits []edit) ([]byte, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var out bytes.Buffer
	last := 0
	for i, e := range edits {
		if i > 0 && e == edits[i-1] {
			continue
		}
		if e.start < last || e.end > len(src) {
			return nil, fmt.Errorf("edit at offset %d out of order or out of range", e.start)
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// unifiedDiff returns the unified diff of a file's old and new text, with
// three lines of context.
func unifiedDiff(name, old, new string) string {
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s (old)\n+++ %s (new)\n", name, name)
	const context = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines
		// after the last change closer than 2*context lines.
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*context {
				break
			}
		}
		end = min(len(ops), end+context+1)
		aStart, bStart, aLen, bLen := ops[start].a, ops[start].b, 0, 0
		var body strings.Builder
		for _, op := range ops[start:end] {
			body.WriteByte(op.kind)
			body.WriteString(op.line)
			if !strings.HasSuffix(op.line, "\n") {
				body.WriteString("\n\\ No newline at end of file\n")
			}
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n%s", aStart+1, aLen, bStart+1, bLen, body.String())
		i = end
	}
	return out.String()
}

// A lineOp is one line of a diff: ' ' kept, '-' removed, '+' added; a
// and b are the line's index in the old and new text.
type lineOp struct {
	kind byte
	line string
	a, b int
}

// diffLines returns the line operations turning a into b, by the longest
// common subsequence. Fixes edit a few lines of one file: the common
// prefix and suffix are kept apart, so the table covers only the lines
// between them.
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	var ops []lineOp
	for i := 0; i < pre; i++ {
		ops = append(ops, lineOp{' ', a[i], i, i})
	}
	// lcs[i][j] is the length of the common subsequence of ma[i:], mb[j:].
	lcs := make([][]int32, len(ma)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(mb)+1)
	}
	for i := len(ma) - 1; i >= 0; i-- {
		for j := len(mb) - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			ops = append(ops, lineOp{' ', ma[i], pre + i, pre + j})
			i++
			j++
		case j < len(mb) && (i == len(ma) || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, lineOp{'+', mb[j], pre + i, pre + j})
			j++
		default:
			ops = append(ops, lineOp{'-', ma[i], pre + i, pre + j})
			i++
		}
	}
	for k := 0; k < suf; k++ {
		ops = append(ops, lineOp{' ', a[len(a)-suf+k], len(a) - suf + k, len(b) - suf + k})
	}
	return ops
}

// splitLines splits s after each newline.
func splitLines(s string) []string {
	var out []string
	for line := range strings.Lines(s) {
		out = append(out, line)
	}
	return out
}
