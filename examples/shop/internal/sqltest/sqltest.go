// Package sqltest opens embedded SQL databases for the shop's tests:
// SQLite, in pure Go, which accepts the service's PostgreSQL statements
// ($1 placeholders, ON CONFLICT). The tests link the driver with
//
//	import _ "modernc.org/sqlite"
//
// so that the service's packages, and a run of idemlint with -test=false,
// do not load it.
package sqltest

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// Open opens a new database in a temporary directory, runs the schema
// statements in it, and closes it when the test ends. Concurrent writers
// wait for each other rather than fail, and every transaction takes the
// write lock when it begins, as row locks would serialize them in
// PostgreSQL.
func Open(t testing.TB, schema ...string) *sql.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, stmt := range schema {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	return db
}

// Offline takes table away until restore is called: meanwhile every
// statement on it fails, as when the database holding it cannot be
// reached.
func Offline(t testing.TB, db *sql.DB, table string) (restore func()) {
	t.Helper()
	rename := func(from, to string) {
		if _, err := db.Exec(`ALTER TABLE ` + from + ` RENAME TO ` + to); err != nil {
			t.Fatal(err)
		}
	}
	rename(table, table+"_offline")
	return func() { rename(table+"_offline", table) }
}

// Count runs a query that selects one number, such as a count(*), and
// returns it.
func Count(t testing.TB, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
