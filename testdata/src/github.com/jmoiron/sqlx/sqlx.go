// Package sqlx is a stub of github.com/jmoiron/sqlx v1.4.0.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct {
	*sql.DB
	driverName string
}

func Open(driverName, dataSourceName string) (*DB, error) { return &DB{}, nil }

func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error) { return nil, nil }

func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { return nil }

func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { return nil }

func (db *DB) MustExec(query string, args ...interface{}) sql.Result { return nil }

func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}

func (db *DB) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	return nil
}
