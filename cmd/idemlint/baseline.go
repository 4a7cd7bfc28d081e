package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
)

// baselineVersion is the version of the baseline file format.
const baselineVersion = 1

// A baselineFile is the JSON baseline: the findings accepted when it was
// written. Identical findings (same check, file, function and message)
// appear once per occurrence, so the file is a multiset.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// A baselineEntry is one accepted finding. Fingerprint is derived from
// the other fields. There is no line: the baseline survives code moving
// within its file and function.
type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Check       string `json:"check"`
	File        string `json:"file"`
	Function    string `json:"function"`
	Message     string `json:"message"`
}

// writeBaseline records found in the file at path, sorted so that the
// file is stable and its diffs readable.
func writeBaseline(path string, found []*finding) error {
	b := baselineFile{Version: baselineVersion, Findings: []baselineEntry{}}
	for _, f := range found {
		b.Findings = append(b.Findings, baselineEntry{
			Fingerprint: f.fingerprint,
			Check:       f.check,
			File:        f.file,
			Function:    f.function,
			Message:     f.message,
		})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Function != y.Function {
			return x.Function < y.Function
		}
		if x.Check != y.Check {
			return x.Check < y.Check
		}
		return x.Message < y.Message
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o666)
}

// A baseline counts the accepted occurrences of each fingerprint.
type baseline map[string]int

// readBaseline reads a baseline file written by writeBaseline.
func readBaseline(path string) (baseline, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%v (write the baseline first with -write-baseline)", err)
	}
	if err != nil {
		return nil, err
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not an idemlint baseline: %v", path, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d, want %d (rewrite it with -write-baseline)", path, b.Version, baselineVersion)
	}
	counts := make(baseline)
	for _, e := range b.Findings {
		// The fingerprint is recomputed, so an edited entry still
		// matches what its fields say.
		counts[fingerprint(e.Check, e.File, e.Function, e.Message)]++
	}
	return counts, nil
}

// filter returns the findings the baseline does not account for: each
// entry absorbs one finding with its fingerprint.
func (b baseline) filter(found []*finding) []*finding {
	left := make(map[string]int, len(b))
	for k, n := range b {
		left[k] = n
	}
	var out []*finding
	for _, f := range found {
		if left[f.fingerprint] > 0 {
			left[f.fingerprint]--
			continue
		}
		out = append(out, f)
	}
	return out
}
