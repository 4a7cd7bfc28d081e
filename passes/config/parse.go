package config

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// settingsPath is the Path of a configuration made from golangci-lint
// settings, and the name used for them in error messages.
const settingsPath = "golangci-lint settings"

// Known keys, in the order of the specification.
var (
	topKeys       = []string{"checks", "middleware", "consumer-middleware", "consumers", "dedup", "fail-open", "ttl", "local-store", "financial", "min-ttl", "min-ttl-financial", "key-headers", "naturally-idempotent-methods", "mutating-verbs", "adr", "tests", "unserved-routes", "exempt"}
	financialKeys = []string{"paths", "calls"}
	adrKeys       = []string{"pattern", "dir"}
	httpMethods   = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"}
)

// Parse parses and validates a configuration file. filename names the file
// in error messages and anchors a relative adr.dir. Every problem is
// reported, one per line, as "FILE:LINE: KEY: PROBLEM".
func Parse(data []byte, filename string) (*Config, error) {
	dir := filepath.Dir(filename)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return parse(data, &parser{file: filename, lines: true, dir: dir})
}

// FromSettings validates golangci-lint plugin settings (the value decoded
// by golangci-lint from its configuration) against the configuration file
// schema. nil settings give the defaults. A relative adr.dir is resolved
// against dir, the directory of the file that holds the settings, or the
// working directory when dir is "".
func FromSettings(settings any, dir string) (*Config, error) {
	if settings == nil {
		return Default(), nil
	}
	data, err := marshal(settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", settingsPath, err)
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, fmt.Errorf("%s: %v", settingsPath, err)
	}
	return parse(data, &parser{file: settingsPath, dir: dir})
}

// marshal encodes settings as YAML, turning a panic of the encoder into an
// error.
func marshal(settings any) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot encode settings: %v", r)
		}
	}()
	data, err = yaml.Marshal(settings)
	if err != nil {
		err = fmt.Errorf("cannot encode settings: %v", err)
	}
	return data, err
}

// Load reads and parses the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading idemlint config: %w", err)
	}
	return Parse(data, path)
}

// parser validates one configuration document and collects its errors.
type parser struct {
	file  string // name of the input in messages
	lines bool   // whether messages carry line numbers
	dir   string // absolute directory that anchors a relative adr.dir
	errs  []error
	// exempt holds the exempt entries until their ADR ids can be
	// checked against adr.pattern and adr.dir.
	exempt []exemptEntry
}

// errorf records a problem at node n.
func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if p.lines && n != nil && n.Line > 0 {
		p.errs = append(p.errs, fmt.Errorf("%s:%d: %s", p.file, n.Line, msg))
	} else {
		p.errs = append(p.errs, fmt.Errorf("%s: %s", p.file, msg))
	}
}

// parse decodes data and validates it into a configuration.
func parse(data []byte, p *parser) (c *Config, err error) {
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, fmt.Errorf("%s: internal error reading the configuration: %v", p.file, r)
		}
	}()
	c = Default()
	c.Path = p.file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return c, nil // empty file
		}
		return nil, p.syntaxError(err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == io.EOF:
	case err != nil:
		return nil, p.syntaxError(err)
	case !isNull(content(&extra)):
		p.errorf(&extra, "more than one YAML document")
		return nil, errors.Join(p.errs...)
	}
	root := content(&doc)
	if !isNull(root) {
		p.mapping(root, "", topKeys, func(key string, v *yaml.Node) { p.top(c, key, v) })
	}
	p.validateExemptions(c, p.exempt)
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return c, nil
}

// syntaxError rewrites a YAML decoding error as "FILE:LINE: PROBLEM".
func (p *parser) syntaxError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if line, err := strconv.Atoi(num); err == nil {
				p.errorf(&yaml.Node{Line: line}, "invalid YAML: %s", after)
				return errors.Join(p.errs...)
			}
		}
	}
	p.errorf(nil, "invalid YAML: %s", msg)
	return errors.Join(p.errs...)
}

// top validates the value of one top-level key into c.
func (p *parser) top(c *Config, key string, v *yaml.Node) {
	switch key {
	case "checks":
		p.checks(c, key, v)
	case "middleware":
		c.Middleware = p.qualifiedNames(key, v)
	case "consumer-middleware":
		c.ConsumerMiddleware = p.qualifiedNames(key, v)
	case "consumers":
		c.Consumers = p.qualifiedNames(key, v)
	case "dedup":
		c.Dedup = p.qualifiedNames(key, v)
	case "fail-open":
		c.FailOpen = p.qualifiedNames(key, v)
	case "ttl":
		c.TTL = p.qualifiedNames(key, v)
	case "local-store":
		c.LocalStore = p.qualifiedNames(key, v)
	case "financial":
		p.mapping(v, key, financialKeys, func(key string, v *yaml.Node) {
			switch key {
			case "financial.paths":
				c.FinancialPaths = p.regexps(key, v)
			case "financial.calls":
				c.FinancialCalls = p.qualifiedNames(key, v)
			}
		})
	case "min-ttl":
		c.MinTTL = p.duration(key, v, c.MinTTL)
	case "min-ttl-financial":
		c.MinTTLFinancial = p.duration(key, v, c.MinTTLFinancial)
	case "key-headers":
		c.KeyHeaders = p.keyHeaders(key, v)
	case "naturally-idempotent-methods":
		c.NaturallyIdempotentMethods = p.methods(key, v)
	case "mutating-verbs":
		c.MutatingVerbs = p.verbs(key, v)
	case "adr":
		p.mapping(v, key, adrKeys, func(key string, v *yaml.Node) {
			switch key {
			case "adr.pattern":
				if s, ok := p.nonEmptyString(key, v); ok {
					c.ADRPattern = p.adrPattern(key, v, s)
				}
			case "adr.dir":
				c.ADRDir = p.adrDir(key, v)
			}
		})
	case "exempt":
		p.exempt = p.exemptions(key, v)
	case "unserved-routes":
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == "ignore":
			c.ReportUnserved = false
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == "report":
			c.ReportUnserved = true
		default:
			p.errorf(v, "%s: want ignore or report, got %s", key, describe(v))
		}
	case "tests":
		if isNull(v) || v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
			p.errorf(v, "%s: want true or false, got %s", key, describe(v))
			return
		}
		b, err := strconv.ParseBool(strings.ToLower(v.Value))
		if err != nil {
			p.errorf(v, "%s: want true or false, got %s", key, describe(v))
			return
		}
		c.Tests = b
	}
}

// content returns the node a document or alias node stands for.
func content(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && i < 100; i++ {
		switch {
		case n.Kind == yaml.DocumentNode && len(n.Content) == 1:
			n = n.Content[0]
		case n.Kind == yaml.AliasNode && n.Alias != nil:
			n = n.Alias
		default:
			return n
		}
	}
	return n
}

// isNull reports whether n is missing, empty or a YAML null.
func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == 0 || n.Kind == yaml.DocumentNode && len(n.Content) == 0 ||
		n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names the kind of value of n for messages.
func describe(n *yaml.Node) string {
	n = content(n)
	switch {
	case isNull(n):
		return "no value"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind != yaml.ScalarNode:
		return "an unexpected value"
	}
	switch n.ShortTag() {
	case "!!str":
		return fmt.Sprintf("the string %q", n.Value)
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	}
	return fmt.Sprintf("%s %q", n.ShortTag(), n.Value)
}

// mapping checks that n is a mapping with string keys drawn from known and
// calls fn with the dotted name and value of each entry.
func (p *parser) mapping(n *yaml.Node, prefix string, known []string, fn func(key string, v *yaml.Node)) {
	n = content(n)
	if n == nil || n.Kind != yaml.MappingNode {
		if prefix == "" {
			p.errorf(n, "want a mapping of settings, got %s", describe(n))
		} else {
			p.errorf(n, "%s: want a mapping (keys: %s), got %s", prefix, strings.Join(known, ", "), describe(n))
		}
		return
	}
	seen := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := content(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			p.errorf(n.Content[i], "%s: keys must be strings, got %s", orTop(prefix), describe(k))
			continue
		}
		name := k.Value
		if prefix != "" {
			name = prefix + "." + k.Value
		}
		if !slices.Contains(known, k.Value) {
			p.errorf(k, "unknown key %q (known: %s)", name, strings.Join(known, ", "))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			if p.lines {
				p.errorf(k, "duplicate key %q (first at line %d)", name, line)
			} else {
				p.errorf(k, "duplicate key %q", name)
			}
			continue
		}
		seen[k.Value] = k.Line
		fn(name, v)
	}
}

func orTop(prefix string) string {
	if prefix == "" {
		return "top level"
	}
	return prefix
}

// item is one string of a list with its node.
type item struct {
	s    string
	node *yaml.Node
	key  string // e.g. "checks[2]"
}

// stringList checks that n is a list of strings. ok is false when n is not
// a list; entries that are not strings are reported and left out.
func (p *parser) stringList(key string, n *yaml.Node) (items []item, ok bool) {
	n = content(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		hint := ""
		if n != nil && n.Kind == yaml.ScalarNode && !isNull(n) {
			hint = fmt.Sprintf(" (write [%s])", n.Value)
		}
		p.errorf(n, "%s: want a list of strings, got %s%s", key, describe(n), hint)
		return nil, false
	}
	items = []item{}
	for i, e := range n.Content {
		ekey := fmt.Sprintf("%s[%d]", key, i)
		e = content(e)
		if e == nil || e.Kind != yaml.ScalarNode || e.ShortTag() != "!!str" {
			p.errorf(e, "%s: want a string, got %s", ekey, describe(e))
			continue
		}
		items = append(items, item{e.Value, e, ekey})
	}
	return items, true
}

// nonEmptyString checks that n is a non-empty string.
func (p *parser) nonEmptyString(key string, n *yaml.Node) (string, bool) {
	n = content(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		p.errorf(n, "%s: want a string, got %s", key, describe(n))
		return "", false
	}
	if n.Value == "" {
		p.errorf(n, "%s: must not be empty", key)
		return "", false
	}
	return n.Value, true
}

// checks validates the checks list into c.enabled. Entries are applied in
// order starting from no check, or from every check when all entries are
// negations.
func (p *parser) checks(c *Config, key string, n *yaml.Node) {
	items, ok := p.stringList(key, n)
	if !ok {
		return
	}
	onlyNegations := len(items) > 0
	for _, it := range items {
		if !strings.HasPrefix(it.s, "-") {
			onlyNegations = false
		}
	}
	enabled := make(map[string]bool, len(CheckNames))
	for _, name := range CheckNames {
		enabled[name] = onlyNegations
	}
	for _, it := range items {
		name, on := strings.CutPrefix(it.s, "-")
		on = !on
		switch {
		case name == "all" && on:
			for _, name := range CheckNames {
				enabled[name] = true
			}
		case slices.Contains(CheckNames, name):
			enabled[name] = on
		default:
			hint := ""
			if slices.Contains(CheckNames, "idem"+name) {
				hint = fmt.Sprintf("; did you mean %q?", strings.Replace(it.s, name, "idem"+name, 1))
			}
			p.errorf(it.node, "%s: unknown check %q (valid: all, %s, or -NAME to disable one)%s",
				it.key, it.s, strings.Join(CheckNames, ", "), hint)
		}
	}
	c.enabled = enabled
}

// qualifiedNames validates a list of fully qualified Go names.
func (p *parser) qualifiedNames(key string, n *yaml.Node) []string {
	items, ok := p.stringList(key, n)
	if !ok {
		return nil
	}
	names := []string{}
	for _, it := range items {
		if !qualified(it.s) {
			p.errorf(it.node, "%s: %q is not a qualified name (want import/path.Name or import/path.Type.Member)", it.key, it.s)
			continue
		}
		names = append(names, it.s)
	}
	return names
}

// qualified reports whether s looks like "import/path.Name" or
// "import/path.Type.Member": a '.' after the last '/', no empty path
// elements or name parts, and an identifier at the end.
func qualified(s string) bool {
	slash := strings.LastIndexByte(s, '/')
	if slash >= 0 && slices.Contains(strings.Split(s[:slash], "/"), "") {
		return false
	}
	parts := strings.Split(s[slash+1:], ".")
	if len(parts) < 2 || !token.IsIdentifier(parts[len(parts)-1]) {
		return false
	}
	for _, part := range parts {
		if part == "" || strings.ContainsFunc(part, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_-~+", r)
		}) {
			return false
		}
	}
	return !strings.ContainsFunc(s, unicode.IsSpace)
}

// regexps validates a list of regular expressions.
func (p *parser) regexps(key string, n *yaml.Node) []*regexp.Regexp {
	items, ok := p.stringList(key, n)
	if !ok {
		return nil
	}
	res := []*regexp.Regexp{}
	for _, it := range items {
		if it.s == "" {
			p.errorf(it.node, "%s: empty pattern", it.key)
			continue
		}
		re, err := regexp.Compile(it.s)
		if err != nil {
			p.errorf(it.node, "%s: %q is not a valid regexp: %s", it.key, it.s, regexpProblem(err))
			continue
		}
		res = append(res, re)
	}
	return res
}

// adrPattern compiles an adr.pattern anchored to match a whole id; it
// returns the default pattern after an error.
func (p *parser) adrPattern(key string, n *yaml.Node, s string) *regexp.Regexp {
	// Compiling s alone first ensures that anchoring wraps all of it.
	_, err := regexp.Compile(s)
	if err == nil {
		var re *regexp.Regexp
		if re, err = regexp.Compile(anchor(s)); err == nil {
			return re
		}
	}
	p.errorf(n, "%s: %q is not a valid regexp: %s", key, s, regexpProblem(err))
	return defaultADRPattern
}

// regexpProblem returns the problem in a regexp compilation error.
func regexpProblem(err error) string {
	return strings.TrimPrefix(err.Error(), "error parsing regexp: ")
}

// duration validates a positive duration; it returns def after an error.
func (p *parser) duration(key string, n *yaml.Node, def time.Duration) time.Duration {
	n = content(n)
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		p.errorf(n, "%s: want a duration (e.g. 24h), got %s", key, describe(n))
		return def
	}
	d, err := time.ParseDuration(n.Value)
	if err != nil {
		p.errorf(n, "%s: %q is not a duration (want e.g. 24h)", key, n.Value)
		return def
	}
	if d <= 0 {
		p.errorf(n, "%s: %q must be positive", key, n.Value)
		return def
	}
	return d
}

// verbs validates a list of method-name verbs: Go identifiers that start
// with an upper-case letter, such as Create or Charge.
func (p *parser) verbs(key string, n *yaml.Node) []string {
	items, ok := p.stringList(key, n)
	if !ok {
		return nil
	}
	verbs := []string{}
	for _, it := range items {
		if !token.IsIdentifier(it.s) || !unicode.IsUpper(rune(it.s[0])) {
			p.errorf(it.node, "%s: %q is not a verb starting with an upper-case letter, like Create", it.key, it.s)
			continue
		}
		verbs = append(verbs, it.s)
	}
	return verbs
}

// keyHeaders validates a list of HTTP header names.
func (p *parser) keyHeaders(key string, n *yaml.Node) []string {
	items, ok := p.stringList(key, n)
	if !ok {
		return nil
	}
	headers := []string{}
	for _, it := range items {
		if it.s == "" || strings.ContainsFunc(it.s, func(r rune) bool { return !isTokenRune(r) }) {
			p.errorf(it.node, "%s: %q is not a valid HTTP header name", it.key, it.s)
			continue
		}
		headers = append(headers, it.s)
	}
	return headers
}

func isASCII(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r >= unicode.MaxASCII })
}

// isTokenRune reports whether r may appear in an HTTP header name
// (RFC 9110 token).
func isTokenRune(r rune) bool {
	return r < unicode.MaxASCII && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		strings.ContainsRune("!#$%&'*+-.^_`|~", r))
}

// methods validates a list of HTTP methods, returned upper-case.
func (p *parser) methods(key string, n *yaml.Node) []string {
	items, ok := p.stringList(key, n)
	if !ok {
		return nil
	}
	methods := []string{}
	for _, it := range items {
		m := strings.ToUpper(it.s)
		if !isASCII(it.s) || !slices.Contains(httpMethods, m) {
			p.errorf(it.node, "%s: %q is not an HTTP method (valid: %s)", it.key, it.s, strings.Join(httpMethods, ", "))
			continue
		}
		methods = append(methods, m)
	}
	return methods
}
