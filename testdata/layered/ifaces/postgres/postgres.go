// Package postgres implements the stores on database/sql.
package postgres

import (
	"context"
	"database/sql"
)

// Entries implements store.Entries.
type Entries struct{ DB *sql.DB }

// UpdateStatus sets a column by id: naturally idempotent.
func (s *Entries) UpdateStatus(ctx context.Context, id int64, status string) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE entries SET status = $1 WHERE id = $2`, status, id)
	return err
}

// Create inserts.
func (s *Entries) Create(ctx context.Context, title string) (int64, error) {
	var id int64
	err := s.DB.QueryRowContext(ctx, `INSERT INTO entries (title) VALUES ($1) RETURNING id`, title).Scan(&id)
	return id, err
}

// Tags implements store.Tags by replacing the tag list.
type Tags struct{ DB *sql.DB }

// SetTags updates the tags column by id.
func (t Tags) SetTags(ctx context.Context, id int64, tags []string) error {
	_, err := t.DB.ExecContext(ctx, `UPDATE entries SET tags = $1 WHERE id = $2`, tags, id)
	return err
}

// Bookmarks implements store.Bookmarks.
type Bookmarks struct{ DB *sql.DB }

// DeleteBookmark deletes by id.
func (b *Bookmarks) DeleteBookmark(ctx context.Context, id int64) error {
	_, err := b.DB.ExecContext(ctx, `DELETE FROM bookmarks WHERE id = $1`, id)
	return err
}
