// Package audit implements store.Tags by appending to a log: not
// naturally idempotent.
package audit

import (
	"context"
	"database/sql"
)

// Tags appends every change of tags.
type Tags struct{ DB *sql.DB }

// SetTags inserts a row per call.
func (t *Tags) SetTags(ctx context.Context, id int64, tags []string) error {
	_, err := t.DB.ExecContext(ctx, `INSERT INTO tag_log (entry_id, tags) VALUES ($1, $2)`, id, tags)
	return err
}
