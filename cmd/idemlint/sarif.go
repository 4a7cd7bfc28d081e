package main

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/idemlint/idemlint/analyzers"
)

// SARIF 2.1.0, the subset idemlint writes. Field names follow the
// standard: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	// fingerprintKey names idemlint's fingerprint in partialFingerprints.
	fingerprintKey = "idemlint/v1"
	informationURI = "https://github.com/idemlint/idemlint"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 sarifMessage       `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifProperties    `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	BaselineState       string            `json:"baselineState,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifMessage `json:"insertedContent"`
}

// writeSARIF writes the findings as a SARIF log of one run. Every check
// is a rule. With newOnly, the findings are those a baseline did not
// hold, marked baselineState "new".
func writeSARIF(w io.Writer, r *run, found []*finding, newOnly bool) error {
	doc := sarifLog{Schema: sarifSchema, Version: sarifVersion}
	sr := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "idemlint",
			InformationURI: informationURI,
			Version:        version(),
			Rules:          []sarifRule{},
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: !r.failed}},
		ColumnKind:  "utf16CodeUnits",
		Results:     []sarifResult{},
	}
	if u, base := uri(r.root); base == "" {
		sr.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: {URI: strings.TrimSuffix(u, "/") + "/"}}
	}
	for _, e := range r.errors {
		sr.Invocations[0].ToolExecutionNotifications = append(sr.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifMessage{Text: e}})
	}
	index := make(map[string]int)
	for i, c := range analyzers.Checks {
		a := c.Analyzer
		index[a.Name] = i
		short, _, _ := strings.Cut(a.Doc, "\n")
		sr.Tool.Driver.Rules = append(sr.Tool.Driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifMessage{Text: short},
			FullDescription:      sarifMessage{Text: a.Doc},
			Help:                 sarifMessage{Text: a.Doc},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifConfiguration{Level: "warning"},
			Properties:           sarifProperties{Tags: []string{"idempotency"}},
		})
	}

	lines := newLineCache()
	occurrence := make(map[string]int)
	for _, f := range found {
		ruleIndex, ok := index[f.check]
		if !ok {
			return fmt.Errorf("%s: finding of unknown check %q", f.posn, f.check)
		}
		occurrence[f.fingerprint]++
		res := sarifResult{
			RuleID:    f.check,
			RuleIndex: ruleIndex,
			Level:     "warning",
			Message:   sarifMessage{Text: f.message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifact(f.file),
				Region:           lines.region(f.posn, f.end),
			}}},
			// Identical findings in one function are told apart by
			// their order, as GitHub does for its own line hashes.
			PartialFingerprints: map[string]string{fingerprintKey: fmt.Sprintf("%s:%d", f.fingerprint, occurrence[f.fingerprint])},
		}
		if newOnly {
			res.BaselineState = "new"
		}
		for i, rel := range f.related {
			p, q := f.fset.Position(rel.Pos), f.fset.Position(rel.End)
			if !q.IsValid() {
				q = p
			}
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               i + 1,
				PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifact(r.rel(p.Filename)), Region: lines.region(p, q)},
				Message:          &sarifMessage{Text: rel.Message},
			})
		}
		for _, fix := range f.fixes {
			sf := sarifFix{Description: sarifMessage{Text: fix.Message}}
			changes := make(map[string]int) // file -> index in ArtifactChanges
			for _, edit := range fix.TextEdits {
				start, end := f.fset.Position(edit.Pos), f.fset.Position(edit.End)
				if !end.IsValid() {
					end = start
				}
				file := r.rel(start.Filename)
				i, ok := changes[file]
				if !ok {
					i = len(sf.ArtifactChanges)
					changes[file] = i
					sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(file)})
				}
				sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, sarifReplacement{
					DeletedRegion:   lines.region(start, end),
					InsertedContent: sarifMessage{Text: string(edit.NewText)},
				})
			}
			if len(sf.ArtifactChanges) > 0 {
				res.Fixes = append(res.Fixes, sf)
			}
		}
		sr.Results = append(sr.Results, res)
	}
	doc.Runs = []sarifRun{sr}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func artifact(rel string) sarifArtifactLocation {
	u, base := uri(rel)
	return sarifArtifactLocation{URI: u, URIBaseID: base}
}

// version returns the version of the idemlint module in the binary.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// A lineCache converts go/token positions (byte columns) to SARIF
// regions (UTF-16 code unit columns, the SARIF default), reading each
// file once.
type lineCache struct {
	files map[string][]byte
}

func newLineCache() *lineCache { return &lineCache{files: make(map[string][]byte)} }

func (c *lineCache) region(start, end token.Position) sarifRegion {
	return sarifRegion{
		StartLine:   start.Line,
		StartColumn: c.column(start),
		EndLine:     end.Line,
		EndColumn:   c.column(end),
	}
}

// column returns the 1-based UTF-16 column of p; the byte column when
// the file cannot be read.
func (c *lineCache) column(p token.Position) int {
	data, ok := c.files[p.Filename]
	if !ok {
		data, _ = os.ReadFile(p.Filename)
		c.files[p.Filename] = data
	}
	lineStart := p.Offset - (p.Column - 1)
	if p.Column < 1 || lineStart < 0 || p.Offset > len(data) {
		return max(p.Column, 1)
	}
	units := 0
	for b := data[lineStart:p.Offset]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if n := utf16.RuneLen(r); n > 0 {
			units += n
		} else {
			units++
		}
	}
	return units + 1
}
