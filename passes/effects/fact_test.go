package effects

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/config"
)

// TestFactSize keeps the encoded fact small: a bitset, a flag and one
// short description.
func TestFactSize(t *testing.T) {
	f := &Fact{Effects{Kinds: SQL | Publish | Payment, NonIdempotent: `publishes to "orders.created"`, MovesMoney: true}}
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
	if back != *f {
		t.Errorf("decoded %v, want %v", back, *f)
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
		{"DELETE FROM sessions WHERE id = $1", false, true, true, "deletes from sessions"},
		{"/* audit */ INSERT INTO audit VALUES (1)", false, true, false, "inserts into audit"},
		{"SELECT * FROM orders", false, false, false, ""},
		{"SELECT * FROM orders", true, false, false, ""},
		{"WITH x AS (SELECT 1) SELECT * FROM x", true, false, false, ""},
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
		if got := verbOf(config.DefaultMutatingVerbs, name); got != want {
			t.Errorf("verbOf(%q) = %q, want %q", name, got, want)
		}
	}
	// A configured list replaces the default one.
	verbs := []string{"Book", "Create"}
	for name, want := range map[string]string{"BookFlight": "Book", "CreateOrder": "Create", "ChargeCard": "", "Booking": ""} {
		if got := verbOf(verbs, name); got != want {
			t.Errorf("verbOf(%v, %q) = %q, want %q", verbs, name, got, want)
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
