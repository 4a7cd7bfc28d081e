// Package model holds retries whose attempts write to a database, which
// the retries pass does not count as operations retried for good: a
// failed transaction is rolled back.
package model

import (
	"context"
	"database/sql"
	"time"
)

var db *sql.DB

func insertUntilDone(ctx context.Context, id string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", id); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func insertEach(ctx context.Context, ids []string) error {
	for _, id := range ids {
		if _, err := db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", id); err != nil {
			return err
		}
	}
	return nil
}
