package visible

import (
	"context"
	"fmt"
)

// ---- statements passed to an unexported function ----

// fetch runs the query its callers pass: every call passes a read.
func (s *server) fetch(ctx context.Context, query string, args ...any) Order {
	var o Order
	s.db.QueryRowContext(ctx, query, args...).Scan(&o.ID)
	return o
}

func (s *server) orderByID(ctx context.Context, id string) Order {
	const q = `SELECT id FROM orders WHERE id = $1`
	return s.fetch(ctx, q, id)
}

func (s *server) orderByRef(ctx context.Context, ref string) Order {
	return s.fetch(ctx, `SELECT id FROM orders WHERE ref = $1`, ref)
}

// search runs the queries its callers pass; one appends to a constant.
func (s *server) search(ctx context.Context, query string) {
	s.db.QueryContext(ctx, query)
}

func (s *server) searchAll(ctx context.Context) { s.search(ctx, `SELECT id FROM orders`) }

func (s *server) searchBy(ctx context.Context, col string) {
	s.search(ctx, "SELECT id FROM orders ORDER BY "+col)
}

// filter builds its query from a constant with fmt.Sprintf, in steps.
func (s *server) filter(ctx context.Context, where, order string) {
	query := `SELECT id FROM orders WHERE %s`
	query = fmt.Sprintf(query, where)
	query += " ORDER BY " + order
	s.db.QueryContext(ctx, query)
}

// run runs a query whose first words are not constant.
func (s *server) run(ctx context.Context, verb string) { // want run:`^effects\(\) opaque$`
	s.db.QueryContext(ctx, verb+" FROM orders")
}

// Lookup is exported: callers in other packages may pass any statement.
func (s *server) Lookup(ctx context.Context, query string) { // want Lookup:`^effects\(\) opaque$`
	s.db.QueryContext(ctx, query)
}

// insertInto writes to a table it is given.
func (s *server) insertInto(ctx context.Context, table string) { // want insertInto:`^effects\(sql; inserts into _\)$`
	s.db.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s (id) VALUES ($1)", table), "1")
}

// exec runs the statements its callers pass: one of them inserts.
func (s *server) exec(ctx context.Context, stmt string, args ...any) { // want exec:`^effects\(sql; inserts into audit\)$`
	s.db.ExecContext(ctx, stmt, args...)
}

func (s *server) touch(ctx context.Context, id string) { // want touch:`^effects\(sql; inserts into audit\)$`
	s.exec(ctx, `UPDATE orders SET seen = true WHERE id = $1`, id)
	s.exec(ctx, `INSERT INTO audit (id) VALUES ($1)`, id)
}
