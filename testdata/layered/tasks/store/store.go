// Package store is the tasks service's repository, its statements built
// with squirrel.
package store

import (
	"context"
	"database/sql"
	"errors"

	sq "github.com/Masterminds/squirrel"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Repo reads and writes tasks.
type Repo struct {
	db   *sql.DB
	pool *pgxpool.Pool
	b    sq.StatementBuilderType
}

// ErrNotFound is returned when no task has the id.
var ErrNotFound = errors.New("no such task")

// Archive archives a task by id, through pgx; a command tag that counts
// no row is an error.
func (r *Repo) Archive(ctx context.Context, id string) error {
	tag, err := r.pool.Exec(ctx, "UPDATE tasks SET archived = true WHERE id = $1", id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

// New returns a Repo on db.
func New(db *sql.DB) *Repo {
	return &Repo{db: db, b: sq.StatementBuilder.PlaceholderFormat(sq.Dollar)}
}

// Create inserts a task.
func (r *Repo) Create(ctx context.Context, id, title string) error {
	query, args, err := r.b.Insert("tasks").Columns("id", "title").Values(id, title).ToSql()
	if err != nil {
		return err
	}
	_, err = r.db.ExecContext(ctx, query, args...)
	return err
}

// Status returns a task's status.
func (r *Repo) Status(ctx context.Context, id string) (string, error) {
	query, args, err := r.b.Select("status").From("tasks").Where(sq.Eq{"id": id}).ToSql()
	if err != nil {
		return "", err
	}
	var s string
	err = r.db.QueryRowContext(ctx, query, args...).Scan(&s)
	return s, err
}

// SetStatus sets a task's status by id.
func (r *Repo) SetStatus(ctx context.Context, id, status string) error {
	query, args, err := r.b.Update("tasks").Set("status", status).Where(sq.Eq{"id": id}).ToSql()
	if err != nil {
		return err
	}
	_, err = r.db.ExecContext(ctx, query, args...)
	return err
}

// Reopen counts a reopening.
func (r *Repo) Reopen(ctx context.Context, id string) error {
	query, args, err := r.b.Update("tasks").
		Set("status", "open").
		Set("reopened", sq.Expr("reopened + 1")).
		Where(sq.Eq{"id": id}).
		ToSql()
	if err != nil {
		return err
	}
	_, err = r.db.ExecContext(ctx, query, args...)
	return err
}
