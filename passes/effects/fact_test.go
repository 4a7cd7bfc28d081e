package effects

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/internal/names"
	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/config"
)

// TestFactSize keeps the encoded fact small: a bitset, the flags, the
// parameters written through and one short description; and decodes it
// back.
func TestFactSize(t *testing.T) {
	for _, f := range []*Fact{
		{Effects: Effects{Kinds: SQL | Publish | Payment, NonIdempotent: `publishes to "orders.created"`, MovesMoney: true}, Opaque: true},
		{Effects: Effects{Kinds: SQL}, Writes: 1 | 1<<3 | 1<<63, ReturnsArg: 1},
		{Writes: 2, ReturnsArg: 2},
		{ReturnsFresh: true},
		{
			Effects: Effects{Kinds: SQL | Interface, NonIdempotent: "calls Store.CreateOrder"}, Opaque: true, Writes: 4,
			pending: &Pending{Base: Effects{Kinds: SQL, NonIdempotent: "inserts into audit"}, Methods: []uint64{1, 1 << 63}},
		},
	} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(f); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > 160 {
			t.Errorf("encoded fact is %d bytes, want at most 160", buf.Len())
		}
		var back Fact
		if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, *f) {
			t.Errorf("decoded %v, want %v", &back, f)
		}
	}
	// At the cap, the keys of the methods add 8 bytes each.
	full := &Fact{Opaque: true, pending: &Pending{Methods: []uint64{1, 2, 3, 4, 5, 6, 7, 8}}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(full); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 160+8*maxPending {
		t.Errorf("encoded fact pending on %d methods is %d bytes, want at most %d", maxPending, buf.Len(), 160+8*maxPending)
	}
	var bad Fact
	if err := bad.GobDecode([]byte{1, 4}); err == nil {
		t.Errorf("GobDecode accepted a fact whose writes are missing")
	}
	if err := bad.GobDecode([]byte{1, 32, 2, 0, 0}); err == nil {
		t.Errorf("GobDecode accepted a fact whose pending methods are cut short")
	}
}

func TestClassifySQL(t *testing.T) {
	for _, tc := range []struct {
		sql        string
		query      bool
		effect     bool
		idempotent bool
		desc       string
	}{
		{"INSERT INTO orders (id) VALUES ($1)", false, true, false, "inserts into orders"},
		{"insert into orders (id) values ($1) on conflict (id) do nothing", false, true, true, "inserts into orders"},
		{"INSERT IGNORE INTO orders (id) VALUES (?)", false, true, true, "inserts into orders"},
		{"INSERT INTO t (id) VALUES (?) ON DUPLICATE KEY UPDATE n = 1", false, true, true, "inserts into t"},
		{"MERGE INTO t USING s ON t.id = s.id", false, true, true, "merges into t"},
		{"REPLACE INTO t VALUES (1)", false, true, true, "upserts into t"},
		{"UPDATE accounts SET balance = balance - $1 WHERE id = $2", false, true, false, "updates accounts"},
		{"UPDATE orders SET status = 'paid' WHERE id = $1", false, true, true, "updates orders"},
		{"UPDATE orders SET status = $1 WHERE id = $2", false, true, true, "updates orders"},
		{"UPDATE accounts SET balance = accounts.balance - $1 WHERE id = $2", false, true, false, "updates accounts"},
		{`UPDATE "stock" SET "count" = "stock"."count" + 1`, false, true, false, "updates stock"},
		{"UPDATE t SET a = $1, n = n + 1 WHERE id = $2", false, true, false, "updates t"},
		{"UPDATE t SET n = m + 1 WHERE id = $1", false, true, true, "updates t"},
		{"INSERT INTO counts (name, n) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET n = counts.n + 1", false, true, false, "inserts into counts"},
		{"INSERT INTO counts (name, n) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET n = excluded.n + 1", false, true, true, "inserts into counts"},
		{"INSERT INTO t (id, n) VALUES (?, 1) ON DUPLICATE KEY UPDATE n = n + 1", false, true, false, "inserts into t"},
		{"DELETE FROM sessions WHERE id = $1", false, true, true, "deletes from sessions"},
		{"UPDATE entries SET starred = NOT starred WHERE id = $1", false, true, false, "updates entries"},
		{"UPDATE entries SET starred = not (entries.starred) WHERE id = $1", false, true, false, "updates entries"},
		{"UPDATE entries SET starred = NOT $1 WHERE id = $2", false, true, true, "updates entries"},
		{"UPDATE t SET a = b WHERE NOT archived", false, true, true, "updates t"},
		{"/* audit */ INSERT INTO audit VALUES (1)", false, true, false, "inserts into audit"},
		{"SELECT * FROM orders", false, false, false, ""},
		{"SELECT * FROM orders", true, false, false, ""},
		{"WITH x AS (SELECT 1) SELECT * FROM x", true, false, false, ""},
		{"WITH u AS (UPDATE entries SET status = $1 WHERE id = ANY($2) RETURNING feed_id) SELECT count(*) FROM u", true, true, true, "updates entries"},
		{"WITH n AS MATERIALIZED (INSERT INTO log (id) VALUES ($1) RETURNING id) SELECT id FROM n", true, true, false, "inserts into log"},
		{"with d as (delete from sessions where id = $1 returning id) select count(*) from d", false, true, true, "deletes from sessions"},
		{"CREATE TABLE IF NOT EXISTS t (id int)", false, true, true, "creates table t"},
		{"VACUUM", false, true, false, "writes to the database"},
	} {
		e, ok := classifySQL(tc.sql, tc.query)
		if ok != tc.effect || (ok && (e.idempotent != tc.idempotent || !strings.HasPrefix(e.desc, tc.desc))) {
			t.Errorf("classifySQL(%q, %v) = %+v, %v; want effect %v idempotent %v desc %q", tc.sql, tc.query, e, ok, tc.effect, tc.idempotent, tc.desc)
		}
	}
}

func TestVerbs(t *testing.T) {
	for name, want := range map[string]string{
		"CreateOrder": "Create", "Create": "Create", "Created": "", "Settings": "", "SetNX": "Set",
		"Add2": "Add", "Address": "", "Send": "Send", "Sender": "", "Get": "",
	} {
		if got := names.Verb(config.DefaultMutatingVerbs, name); got != want {
			t.Errorf("Verb(%q) = %q, want %q", name, got, want)
		}
	}
	// A configured list replaces the default one.
	verbs := []string{"Book", "Create"}
	for name, want := range map[string]string{"BookFlight": "Book", "CreateOrder": "Create", "ChargeCard": "", "Booking": ""} {
		if got := names.Verb(verbs, name); got != want {
			t.Errorf("Verb(%v, %q) = %q, want %q", verbs, name, got, want)
		}
	}
}

func TestNormPath(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/redis/go-redis/v9":                        "github.com/redis/go-redis",
		"github.com/stripe/stripe-go/v82/paymentintent":       "github.com/stripe/stripe-go/paymentintent",
		"github.com/confluentinc/confluent-kafka-go/v2/kafka": "github.com/confluentinc/confluent-kafka-go/kafka",
		"database/sql": "database/sql",
		"gopkg.in/v1":  "gopkg.in",
		"v2/x":         "v2/x",
	} {
		if got := typesutil.NormPath(in); got != want {
			t.Errorf("typesutil.NormPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFactEncoding round-trips facts through their own encoding and
// rejects malformed ones.
func TestFactEncoding(t *testing.T) {
	for _, f := range []*Fact{{}, {Opaque: true}, {Effects: Effects{Kinds: Declared | Interface, NonIdempotent: "calls X.Y"}}} {
		data, err := f.GobEncode()
		if err != nil {
			t.Fatal(err)
		}
		var back Fact
		if err := back.GobDecode(data); err != nil || back != *f {
			t.Errorf("decoded %v (%v), want %v", back, err, *f)
		}
	}
	for _, data := range [][]byte{nil, {1}, {0x80}, {1, 4}, {0xff, 0xff, 0xff, 0x7f, 0}} {
		if err := new(Fact).GobDecode(data); err == nil {
			t.Errorf("GobDecode(%v) succeeded", data)
		}
	}
}
