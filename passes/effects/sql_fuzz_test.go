package effects

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// sqlDescs are the prefixes of every description classifySQL gives.
var sqlDescs = []string{
	"inserts into ", "updates ", "deletes from ", "merges into ", "upserts into ",
	"creates ", "drops ", "alters ", "writes to the database",
}

// FuzzClassifySQL checks that classifySQL never panics on constant SQL
// text and that its answers are consistent: an effect is a SQL effect
// with a known description; a Query call (writesOnly) is an effect only
// when the same text is one for Exec, with the same answer; leading
// whitespace and comments change nothing.
func FuzzClassifySQL(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		exec, execOK := classifySQL(text, false)
		query, queryOK := classifySQL(text, true)
		for _, r := range []struct {
			e  effect
			ok bool
		}{{exec, execOK}, {query, queryOK}} {
			if !r.ok {
				if r.e != (effect{}) {
					t.Fatalf("classifySQL(%q) = %+v, false; want the zero effect when not an effect", text, r.e)
				}
				continue
			}
			if r.e.kind != SQL || r.e.money {
				t.Fatalf("classifySQL(%q) = %+v; want a SQL effect that moves no money", text, r.e)
			}
			known := false
			for _, p := range sqlDescs {
				known = known || strings.HasPrefix(r.e.desc, p)
			}
			if !known {
				t.Fatalf("classifySQL(%q) desc %q; want one of the prefixes %q", text, r.e.desc, sqlDescs)
			}
		}
		if queryOK && (!execOK || query != exec) {
			t.Fatalf("classifySQL(%q): query %+v, %v but exec %+v, %v; want a query write to be the same exec write", text, query, queryOK, exec, execOK)
		}
		for _, prefix := range []string{" \t\r\n", "/* note */ ", "-- note\n"} {
			e, ok := classifySQL(prefix+text, false)
			if ok != execOK || e != exec {
				t.Fatalf("classifySQL(%q) = %+v, %v; want %+v, %v as without the prefix %q", prefix+text, e, ok, exec, execOK, prefix)
			}
		}
	})
}

// TestClassifySQLForms covers the writing forms that the fuzz seeds start
// from: mixed case, comments, whitespace, parentheses, CTEs and empty text.
func TestClassifySQLForms(t *testing.T) {
	for _, tc := range []struct {
		sql        string
		query      bool
		effect     bool
		idempotent bool
		desc       string
	}{
		{"", false, true, false, "writes to the database"},
		{"", true, false, false, ""},
		{"   \n\t ", false, true, false, "writes to the database"},
		{"InSeRt InTo Orders (id) VALUES ($1)", false, true, false, "inserts into Orders"},
		{"  \n\tINSERT INTO orders (id) VALUES ($1)", false, true, false, "inserts into orders"},
		{"-- create the order\nINSERT INTO orders (id) VALUES ($1)", false, true, false, "inserts into orders"},
		{"/* a */ /* b */ insert /* c */ into orders values (1)", false, true, false, "inserts into orders"},
		{"INSERT INTO orders (id) VALUES ($1) RETURNING id", true, true, false, "inserts into orders"},
		{"INSERT INTO orders (id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id", true, true, true, "inserts into orders"},
		{"insert into orders (id) values ($1)\non\n conflict (id) do update set n = excluded.n", false, true, true, "inserts into orders"},
		{"INSERT LOW_PRIORITY IGNORE INTO t VALUES (1)", false, true, true, "inserts into t"},
		{"INSERT OR REPLACE INTO t VALUES (1)", false, true, true, "inserts into t"},
		{"insert or ignore into t values (1)", false, true, true, "inserts into t"},
		{"INSERT INTO t VALUES (1) on duplicate key update n = 2", false, true, true, "inserts into t"},
		{"INSERT INTO t VALUES (1) on duplicate key update n = n + 1", false, true, false, "inserts into t"},
		{`INSERT INTO "Orders" (id) VALUES ($1)`, false, true, false, "inserts into Orders"},
		{"INSERT INTO zamówienia (id) VALUES ($1)", false, true, false, "inserts into zam"},
		{"UPSERT INTO t (id) VALUES (1)", false, true, true, "upserts into t"},
		{"replace into t values (1)", true, true, true, "upserts into t"},
		{"merge into t using s on t.id = s.id when matched then update set n = s.n", false, true, true, "merges into t"},
		{"update stock set qty = qty - 1 where sku = $1", false, true, false, "updates stock"},
		{"UPDATE stock SET qty = $1 WHERE sku = $2", false, true, true, "updates stock"},
		{"update t set a.n = a.n + 1", false, true, false, "updates t"},
		{"delete from sessions where id = $1", true, true, true, "deletes from sessions"},
		{"DROP TABLE IF EXISTS t", false, true, true, "drops table t"},
		{"drop table t", false, true, false, "drops table t"},
		{"ALTER TABLE t ADD COLUMN n int", false, true, false, "alters table t"},
		{"select * from t", false, false, false, ""},
		{"(SELECT 1)", false, false, false, ""},
		{"BEGIN", false, false, false, ""},
		{"WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", false, true, false, "inserts into t"},
		{"WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x ON CONFLICT DO NOTHING", false, true, true, "inserts into t"},
		{"WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x RETURNING id", true, true, false, "inserts into t"},
		{"(INSERT IGNORE INTO t VALUES (1))", false, true, true, "inserts into t"},
		{"WITH x AS (SELECT 1) SELECT * FROM x", true, false, false, ""},
		{"TRUNCATE orders", false, true, false, "writes to the database"},
		{"TRUNCATE orders", true, false, false, ""},
	} {
		e, ok := classifySQL(tc.sql, tc.query)
		if ok != tc.effect || (ok && (e.idempotent != tc.idempotent || !strings.HasPrefix(e.desc, tc.desc))) {
			t.Errorf("classifySQL(%q, %v) = %+v, %v; want effect %v idempotent %v desc %q", tc.sql, tc.query, e, ok, tc.effect, tc.idempotent, tc.desc)
		}
	}
}

// The regular expressions normalizeSQL, sqlWords and idempotentInsert
// implement by hand.
var (
	refComment    = regexp.MustCompile(`(?s)/\*.*?\*/|--[^\n]*`)
	refSpace      = regexp.MustCompile(`\s+`)
	refWords      = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_.$"]*`)
	refIdempotent = regexp.MustCompile(`(?i)\bON\s+CONFLICT\b|\bON\s+DUPLICATE\s+KEY\s+UPDATE\b|^\s*INSERT\s+(?:LOW_PRIORITY\s+|DELAYED\s+|HIGH_PRIORITY\s+)?IGNORE\b|^\s*INSERT\s+OR\s+(?:IGNORE|REPLACE)\b`)
)

// FuzzNormalizeSQL checks the hand-written scanners against the regular
// expressions that define them, and the prefilters of the others.
func FuzzNormalizeSQL(f *testing.F) {
	for _, s := range []string{"INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", "insert ignore into t", "update t set n = n + 1", "update t set n=$1", "a = b -", "insert or\treplace into t", " INSERT delayed  ignore", "INSERT HIGH_PRIORITY IGNORE", "insert low_priority ignorex", "x ON DUPLICATE KEY UPDATE", "x on duplicate \u212aey update", "\u017fon conflict", "ınsert ignore", "INſERT IGNORE", "on conflicts", "upon conflict", "on\vconflict", "é on conflict", "", "a  b", "a/*x*/b", "a -- c\nb", "/*/ -- */ x", "--", "/*", "a\t\n\f\rb", "1abc \"t\".x$1 é_z", "-- a\n-- b\n c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := refSpace.ReplaceAllString(refComment.ReplaceAllString(text, " "), " ")
		if got := normalizeSQL(text); got != want {
			t.Fatalf("normalizeSQL(%q) = %q; want %q", text, got, want)
		}
		if got, want := sqlWords(make([]string, 0, 6), text), refWords.FindAllString(text, 6); !slices.Equal(got, want) {
			t.Fatalf("sqlWords(%q) = %q; want %q", text, got, want)
		}
		if got, want := idempotentInsert(text), refIdempotent.MatchString(text); got != want {
			t.Fatalf("idempotentInsert(%q) = %v; want %v", text, got, want)
		}
		if got, want := selfArithmetic(text), selfArith().FindAllStringSubmatch(text, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("selfArithmetic(%q) = %q; want %q", text, got, want)
		}
	})
}
