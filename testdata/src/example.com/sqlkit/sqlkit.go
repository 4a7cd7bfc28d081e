// Package sqlkit stands for a library that wraps database/sql in types of
// its own, as sqlx and watermill-sql do: its Exec and Query methods take
// the statement after a context.
package sqlkit

import (
	"context"
	"database/sql"
)

type DB struct{ db *sql.DB }

type Tx struct{ tx *sql.Tx }

func (d *DB) BeginTx(ctx context.Context) (*Tx, error) {
	tx, err := d.db.BeginTx(ctx, nil)
	return &Tx{tx}, err
}

func (t *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, query, args...)
}

func (t *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, query, args...)
}

func (t *Tx) Commit() error { return t.tx.Commit() }

func (t *Tx) Rollback() error { return t.tx.Rollback() }

// Exec runs a shell-like command: not shaped like database/sql's.
func (t *Tx) Exec(cmd []string) error { return nil }
