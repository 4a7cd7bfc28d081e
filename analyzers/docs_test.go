package analyzers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/idemlint/idemlint/analyzers"
)

// docFiles returns README.md and docs/*.md, relative to this directory.
func docFiles(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob("../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatal("no docs/*.md")
	}
	return append([]string{readme}, docs...)
}

// link matches a Markdown link or image: [text](target) or ![alt](target).
var link = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// prose returns the lines of a Markdown file outside fenced code blocks,
// with inline code spans blanked out, so that code is not read as links.
func prose(text string) []string {
	var out []string
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			out = append(out, "")
			continue
		}
		if fenced {
			out = append(out, "")
			continue
		}
		var b strings.Builder
		code := false
		for _, r := range line {
			if r == '`' {
				code = !code
			}
			if code {
				r = ' '
			}
			b.WriteRune(r)
		}
		out = append(out, b.String())
	}
	return out
}

// anchors returns the anchors GitHub makes for the headings of a Markdown
// file: lower case, punctuation dropped, spaces as hyphens, and -N for
// the Nth repeat.
func anchors(text string) map[string]bool {
	out := make(map[string]bool)
	seen := make(map[string]int)
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
		}
		if fenced || !strings.HasPrefix(line, "#") {
			continue
		}
		title := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(title) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteRune('-')
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			out[a+"-"+strconv.Itoa(n)] = true
		} else {
			out[a] = true
		}
		seen[a]++
	}
	return out
}

// TestDocLinks checks that every relative link of README.md and
// docs/*.md names a file of the repository and, when it names a heading
// of a Markdown file, a heading that file has.
func TestDocLinks(t *testing.T) {
	for _, file := range docFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range prose(string(data)) {
			for _, m := range link.FindAllStringSubmatch(line, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				path, frag, _ := strings.Cut(target, "#")
				dest := file
				if path != "" {
					dest = filepath.Join(filepath.Dir(file), filepath.FromSlash(path))
				}
				where := file + ":" + strconv.Itoa(i+1)
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s: link %s: no such file %s", where, target, dest)
					continue
				}
				if frag == "" || !strings.HasSuffix(dest, ".md") {
					continue
				}
				text, err := os.ReadFile(dest)
				if err != nil {
					t.Fatal(err)
				}
				if !anchors(string(text))[frag] {
					t.Errorf("%s: link %s: %s has no heading #%s", where, target, dest, frag)
				}
			}
		}
	}
}

// TestChecksDocumented checks that the README points every check to a
// page of docs/ that describes it: a table row naming the check links to
// docs/*.md pages, one of which names the check.
func TestChecksDocumented(t *testing.T) {
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range analyzers.Checks {
		name := c.Analyzer.Name
		documented := false
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(line, "| ") || !strings.Contains(line, "`"+name+"`") {
				continue
			}
			for _, m := range link.FindAllStringSubmatch(line, -1) {
				path, _, _ := strings.Cut(m[1], "#")
				if !strings.HasPrefix(path, "docs/") || !strings.HasSuffix(path, ".md") {
					continue
				}
				page, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(path)))
				if err == nil && strings.Contains(string(page), "`"+name+"`") {
					documented = true
				}
			}
		}
		if !documented {
			t.Errorf("%s: no row of %s links to a page of docs/ that names it", name, readme)
		}
	}
}
