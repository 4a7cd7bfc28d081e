package visible

import "context"

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

// search runs a query one of its callers builds at run time.
func (s *server) search(ctx context.Context, query string) { // want search:`^effects\(\) opaque$`
	s.db.QueryContext(ctx, query)
}

// searchAll passes a read, but calls a function that is not seen whole.
func (s *server) searchAll(ctx context.Context) { s.search(ctx, `SELECT id FROM orders`) } // want searchAll:`^effects\(\) opaque$`

func (s *server) searchBy(ctx context.Context, col string) { // want searchBy:`^effects\(\) opaque$`
	s.search(ctx, "SELECT id FROM orders ORDER BY "+col)
}

// exec runs the statements its callers pass: one of them inserts.
func (s *server) exec(ctx context.Context, stmt string, args ...any) { // want exec:`^effects\(sql; inserts into audit\)$`
	s.db.ExecContext(ctx, stmt, args...)
}

func (s *server) touch(ctx context.Context, id string) { // want touch:`^effects\(sql; inserts into audit\)$`
	s.exec(ctx, `UPDATE orders SET seen = true WHERE id = $1`, id)
	s.exec(ctx, `INSERT INTO audit (id) VALUES ($1)`, id)
}
