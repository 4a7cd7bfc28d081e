// Package sqlbuild runs statements built with squirrel: the statement a
// builder renders is judged as its text would be.
package sqlbuild

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

type Repo struct {
	db *sql.DB
	b  sq.StatementBuilderType
}

func New(db *sql.DB) *Repo { return &Repo{db: db, b: sq.StatementBuilder.PlaceholderFormat(sq.Dollar)} }

// SetStatus sets columns by id: naturally idempotent.
func (r *Repo) SetStatus(ctx context.Context, id, status string) error { // want SetStatus:`effects\(sql\)`
	query, args, err := r.b.Update("tasks").
		Set("status", status).
		Set("updated_at", "now").
		Where(sq.Eq{"id": id}).
		ToSql()
	if err != nil {
		return err
	}
	_, err = r.db.ExecContext(ctx, query, args...)
	return err
}

// Bump adds to a column: not idempotent.
func (r *Repo) Bump(ctx context.Context, id string) error { // want Bump:`effects\(sql; updates stock\)`
	query, args, _ := sq.Update("stock").Set("count", sq.Expr("count + 1")).Where(sq.Eq{"id": id}).ToSql()
	_, err := r.db.ExecContext(ctx, query, args...)
	return err
}

// BumpMap adds to a column through SetMap.
func (r *Repo) BumpMap(ctx context.Context, id string) error { // want BumpMap:`effects\(sql; updates stock\)`
	query, args, _ := sq.Update("stock").SetMap(map[string]interface{}{"count": sq.Expr("count + ?", 1)}).ToSql()
	_, err := r.db.ExecContext(ctx, query, args...)
	return err
}

// BumpLater sets a column and, on some paths, adds to another: the
// builder's every value counts.
func (r *Repo) BumpLater(ctx context.Context, id string, more bool) error { // want BumpLater:`effects\(sql; updates stock\)`
	b := sq.Update("stock").Set("seen", true)
	if more {
		b = b.Set("count", sq.Expr("count + 1"))
	}
	query, args, _ := b.Where(sq.Eq{"id": id}).ToSql()
	_, err := r.db.ExecContext(ctx, query, args...)
	return err
}

// SetExpr sets a column to an expression it is given: not known.
func (r *Repo) SetExpr(ctx context.Context, e sq.Sqlizer) error { // want SetExpr:`effects\(sql; writes to the database\)`
	query, args, _ := sq.Update("stock").Set("count", e).ToSql()
	_, err := r.db.ExecContext(ctx, query, args...)
	return err
}

// Create inserts a row: not idempotent.
func (r *Repo) Create(ctx context.Context, id string) error { // want Create:`effects\(sql; inserts into orders\)`
	query, args, _ := r.b.Insert("orders").Columns("id").Values(id).ToSql()
	_, err := r.db.ExecContext(ctx, query, args...)
	return err
}

// CreateOnce inserts unless the key exists: naturally idempotent.
func (r *Repo) CreateOnce(ctx context.Context, id string) error { // want CreateOnce:`effects\(sql\)`
	query, args, _ := r.b.Insert("orders").Columns("id").Values(id).Suffix("ON CONFLICT (id) DO NOTHING").ToSql()
	_, err := r.db.ExecContext(ctx, query, args...)
	return err
}

// Remove deletes by id: naturally idempotent.
func (r *Repo) Remove(ctx context.Context, id string) error { // want Remove:`effects\(sql\)`
	query, args, _ := sq.Delete("orders").Where(sq.Eq{"id": id}).ToSql()
	_, err := r.db.ExecContext(ctx, query, args...)
	return err
}

// Get reads: no effect.
func (r *Repo) Get(ctx context.Context, id string) (string, error) {
	query, args, _ := r.b.Select("status").From("orders").Where(sq.Eq{"id": id}).ToSql()
	var s string
	err := r.db.QueryRowContext(ctx, query, args...).Scan(&s)
	return s, err
}

// Prefixed has a prefix, which may be a writing common table
// expression: a write the model does not read.
func (r *Repo) Prefixed(ctx context.Context, id string) error { // want Prefixed:`effects\(sql; writes to the database\)`
	query, args, _ := sq.Update("orders").Prefix("WITH x AS (DELETE FROM y)").Set("a", 1).ToSql()
	_, err := r.db.ExecContext(ctx, query, args...)
	return err
}

// Run has the builder run its own statement, which the model does not
// judge: it cannot see what Run does.
func (r *Repo) Run(id string) error { // want Run:`^effects\(\) opaque$`
	_, err := sq.Update("orders").Set("a", 1).Where(sq.Eq{"id": id}).RunWith(r.db).Exec()
	return err
}
