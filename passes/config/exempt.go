package config

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/idemlint/idemlint/internal/lazyre"
)

// An Exemption is one entry of the exempt setting: an organisation-wide
// exception, with its ADR, for the routes whose path matches Paths and
// the packages matching Packages. Every criterion given must match.
type Exemption struct {
	Index int // the entry's position in the list, from 0
	// Line is the entry's line in the configuration file, or 0 for
	// golangci-lint settings.
	Line     int
	Paths    []*regexp.Regexp // route paths (HTTP paths, RPC full names)
	Packages []string         // import path patterns, "..." a wildcard
	Checks   []string         // full check names; nil means every check
	ADR      string
	Reason   string

	packages []*regexp.Regexp
}

// Name names the entry as messages do: "exempt[1]".
func (x *Exemption) Name() string { return fmt.Sprintf("exempt[%d]", x.Index) }

// Applies reports whether the exemption covers findings of check.
func (x *Exemption) Applies(check string) bool {
	return x.Checks == nil || slices.Contains(x.Checks, check)
}

// Matches reports whether the exemption covers a finding in one of the
// packages pkgs (import paths), on the route with the given path ("" for
// a finding on no route, or on a route whose path is not constant).
func (x *Exemption) Matches(route string, pkgs ...string) bool {
	if len(x.Paths) > 0 && (route == "" || !slices.ContainsFunc(x.Paths, func(re *regexp.Regexp) bool { return re.MatchString(route) })) {
		return false
	}
	if len(x.packages) > 0 {
		return slices.ContainsFunc(pkgs, func(pkg string) bool {
			base := strings.TrimSuffix(pkg, "_test") // an external test package belongs to its package
			return slices.ContainsFunc(x.packages, func(re *regexp.Regexp) bool {
				return re.MatchString(pkg) || re.MatchString(base)
			})
		})
	}
	return true
}

// packagePattern compiles an import path pattern as the go command
// matches one: "..." matches any string, and a pattern ending in "/..."
// also matches the path before it.
func packagePattern(pattern string) *regexp.Regexp {
	re := strings.ReplaceAll(regexp.QuoteMeta(pattern), `\.\.\.`, `.*`)
	if rest, ok := strings.CutSuffix(re, `/.*`); ok {
		re = rest + `(/.*)?`
	}
	return regexp.MustCompile(`^` + re + `$`)
}

// exemptKeys are the keys of an exempt entry.
var exemptKeys = []string{"paths", "packages", "checks", "adr", "reason"}

// exemptEntry is an exempt entry read before its ADR id can be checked:
// adr.pattern and adr.dir may come later in the file.
type exemptEntry struct {
	x       *Exemption
	adrNode *yaml.Node
}

// exemptions reads the exempt list; validate checks the ADR ids once the
// whole file is read.
func (p *parser) exemptions(key string, n *yaml.Node) []exemptEntry {
	n = content(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: want a list of entries (keys: %s), got %s", key, strings.Join(exemptKeys, ", "), describe(n))
		return nil
	}
	var entries []exemptEntry
	for i, e := range n.Content {
		x := &Exemption{Index: i, Line: e.Line}
		ekey := x.Name()
		if !p.lines {
			x.Line = 0
		}
		entry := exemptEntry{x: x}
		var hasADR, hasReason bool
		p.mapping(e, ekey, exemptKeys, func(key string, v *yaml.Node) {
			switch strings.TrimPrefix(key, ekey+".") {
			case "paths":
				x.Paths = p.regexps(key, v)
			case "packages":
				x.Packages, x.packages = p.packagePatterns(key, v)
			case "checks":
				x.Checks = p.exemptChecks(key, v)
			case "adr":
				hasADR = true
				if s, ok := p.nonEmptyString(key, v); ok {
					x.ADR, entry.adrNode = s, content(v)
				}
			case "reason":
				hasReason = true
				if s, ok := p.nonEmptyString(key, v); ok {
					x.Reason = strings.TrimSpace(s)
					if x.Reason == "" {
						p.errorf(v, "%s: must not be empty", key)
					}
				}
			}
		})
		if content(e) == nil || content(e).Kind != yaml.MappingNode {
			continue // reported by mapping
		}
		if len(x.Paths) == 0 && len(x.Packages) == 0 {
			p.errorf(e, "%s: needs paths or packages (the routes or packages it exempts)", ekey)
		}
		if !hasADR {
			p.errorf(e, "%s: needs adr (the id of the ADR that records the exception)", ekey)
		}
		if !hasReason {
			p.errorf(e, "%s: needs reason (why the exception is safe)", ekey)
		}
		entries = append(entries, entry)
	}
	return entries
}

// packagePatterns validates a list of import path patterns.
func (p *parser) packagePatterns(key string, n *yaml.Node) ([]string, []*regexp.Regexp) {
	items, ok := p.stringList(key, n)
	if !ok {
		return nil, nil
	}
	var pats []string
	var res []*regexp.Regexp
	for _, it := range items {
		if it.s == "" || strings.HasPrefix(it.s, ".") || strings.HasPrefix(it.s, "/") || strings.ContainsFunc(it.s, func(r rune) bool { return r <= ' ' || r == '\\' }) {
			p.errorf(it.node, "%s: %q is not an import path pattern (want e.g. example.com/shop/internal/mockserver/...)", it.key, it.s)
			continue
		}
		pats = append(pats, it.s)
		res = append(res, packagePattern(it.s))
	}
	return pats, res
}

// exemptChecks validates the checks of an exempt entry: check names, the
// idem prefix optional as in //idem:exempt(check,...).
func (p *parser) exemptChecks(key string, n *yaml.Node) []string {
	items, ok := p.stringList(key, n)
	if !ok {
		return nil
	}
	if len(items) == 0 {
		p.errorf(content(n), "%s: empty; leave it out to exempt every check", key)
		return nil
	}
	checks := []string{}
	for _, it := range items {
		name := it.s
		if !strings.HasPrefix(name, "idem") {
			name = "idem" + name
		}
		if !slices.Contains(CheckNames, name) {
			p.errorf(it.node, "%s: unknown check %q (valid: %s)", it.key, it.s, strings.Join(CheckNames, ", "))
			continue
		}
		checks = append(checks, name)
	}
	return checks
}

// validateExemptions checks the ADR id of every exempt entry against the
// configuration's adr.pattern and adr.dir, as an //idem:exempt
// directive's, and keeps the valid entries.
func (p *parser) validateExemptions(c *Config, entries []exemptEntry) {
	for _, e := range entries {
		x, key := e.x, e.x.Name()+".adr"
		switch {
		case x.ADR == "":
			continue // reported
		case !c.ADRPattern.MatchString(x.ADR):
			p.errorf(e.adrNode, "%s: %q does not match adr.pattern %s", key, x.ADR, c.ADRPatternText())
			continue
		case !c.HasADRDocument(x.ADR):
			p.errorf(e.adrNode, "%s: no ADR document for %s in %s", key, x.ADR, c.ADRDir)
			continue
		}
		c.Exemptions = append(c.Exemptions, x)
	}
}

// adrDir validates adr.dir: it must name a directory.
func (p *parser) adrDir(key string, n *yaml.Node) string {
	s, ok := p.nonEmptyString(key, n)
	if !ok {
		return ""
	}
	if !filepath.IsAbs(s) {
		s = filepath.Join(p.dir, s)
	}
	s = filepath.Clean(s)
	fi, err := os.Stat(s)
	switch {
	case err != nil && os.IsNotExist(err):
		p.errorf(content(n), "%s: %s does not exist (every exemption would name a missing ADR)", key, s)
		return ""
	case err != nil:
		p.errorf(content(n), "%s: %v", key, err)
		return ""
	case !fi.IsDir():
		p.errorf(content(n), "%s: %s is not a directory", key, s)
		return ""
	}
	return s
}

// ADRPatternText returns adr.pattern as written (the default: ADR-[0-9]+).
func (c *Config) ADRPatternText() string {
	return strings.TrimSuffix(strings.TrimPrefix(c.ADRPattern.String(), "^(?:"), ")$")
}

// HasADRDocument reports whether adr.dir holds a document for the ADR id:
// a file whose name contains the id, or starts with the id's number
// ("0042-x.md" for ADR-42). It is true when adr.dir is not set.
func (c *Config) HasADRDocument(id string) bool {
	if c.ADRDir == "" {
		return true
	}
	v, ok := adrDirs.Load(c.ADRDir)
	if !ok {
		var names []string
		if entries, err := os.ReadDir(c.ADRDir); err == nil {
			for _, e := range entries {
				names = append(names, e.Name())
			}
		}
		v, _ = adrDirs.LoadOrStore(c.ADRDir, names)
	}
	num := -1
	if m := digits().FindAllString(id, -1); len(m) > 0 {
		num, _ = strconv.Atoi(m[len(m)-1])
	}
	for _, name := range v.([]string) {
		if strings.Contains(strings.ToLower(name), strings.ToLower(id)) {
			return true
		}
		lead := name
		if i := strings.IndexFunc(name, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
			lead = name[:i]
		}
		if n, err := strconv.Atoi(lead); err == nil && n == num && filepath.Ext(name) != "" {
			return true
		}
	}
	return false
}

var (
	adrDirs sync.Map // dir -> []string (file names)
	digits  = lazyre.New(`[0-9]+`)
)
