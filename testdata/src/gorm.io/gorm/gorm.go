// Package gorm is a stub of gorm.io/gorm v1.31.2.
package gorm

import "gorm.io/gorm/clause"

type DB struct {
	Error        error
	RowsAffected int64
}

func Expr(expr string, args ...interface{}) clause.Expr { return clause.Expr{SQL: expr, Vars: args} }

func (db *DB) Model(value interface{}) (tx *DB)                              { return db }
func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB)         { return db }
func (db *DB) Create(value interface{}) (tx *DB)                             { return db }
func (db *DB) Save(value interface{}) (tx *DB)                               { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB)         { return db }
func (db *DB) FirstOrCreate(dest interface{}, conds ...interface{}) (tx *DB) { return db }
func (db *DB) Update(column string, value interface{}) (tx *DB)              { return db }
func (db *DB) Updates(values interface{}) (tx *DB)                           { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) (tx *DB)       { return db }
func (db *DB) Exec(sql string, values ...interface{}) (tx *DB)               { return db }

type Association struct{ Error error }

func (db *DB) Association(column string) *Association     { return &Association{} }
func (a *Association) Append(values ...interface{}) error { return nil }
