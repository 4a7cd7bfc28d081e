// Package app uses lib: effects cross the package boundary.
package app

import (
	"context"
	"database/sql"

	"effects/lib"
)

func Place(ctx context.Context, db *sql.DB) error { // want Place:`effects\(sql,publish; inserts into orders\)`
	if err := lib.InsertOrder(ctx, db, "1"); err != nil {
		return err
	}
	return lib.Notify(ctx, nil)
}

func Upsert(ctx context.Context, db *sql.DB) error { // want Upsert:`effects\(sql\)`
	tx, _ := db.Begin()
	return lib.UpsertOrder(ctx, tx, "1")
}

// Reads calls only readers.
func Reads(ctx context.Context, db *sql.DB) error {
	_ = lib.Cached(ctx, db)
	return lib.Lookup(ctx, db, "1")
}

type service struct{ store *lib.Store }

func (s *service) handle(ctx context.Context) error { // want handle:`effects\(sql; inserts into orders\)`
	return s.store.Put(ctx, "1")
}

func Through(ctx context.Context) func() error { // want Through:`effects\(mail,mutates; sends mail\)`
	f := func() error { return lib.Mail() }
	g := lib.Audited
	_ = g
	return f
}

func MethodValue(ctx context.Context, s *service) func(context.Context) error { // want MethodValue:`effects\(sql; inserts into orders\)`
	return s.handle
}

func Pay() { // want Pay:`effects\(payment; money; calls stripe paymentintent.New\)`
	lib.Charge(100)
}

func recursive(n int) { // want recursive:`effects\(publish; publishes to "emails"\)`
	if n > 0 {
		recursive(n - 1)
		return
	}
	lib.Notify(context.Background(), nil)
}

func UsesGeneric(ctx context.Context, db *sql.DB) error { // want UsesGeneric:`effects\(sql; inserts into things\)`
	return lib.Generic[int](ctx, db, 1)
}
