// Package gorm is a stub of github.com/jinzhu/gorm v1.9.16.
package gorm

type DB struct{ Error error }

func (s *DB) Create(value interface{}) *DB                            { return s }
func (s *DB) FirstOrCreate(out interface{}, where ...interface{}) *DB { return s }
func (s *DB) Save(value interface{}) *DB                              { return s }
func (s *DB) Where(query interface{}, args ...interface{}) *DB        { return s }
func (s *DB) First(out interface{}, where ...interface{}) *DB         { return s }
func (s *DB) Model(value interface{}) *DB                             { return s }
func (s *DB) Association(column string) *Association                  { return &Association{} }
func (s *DB) Exec(sql string, values ...interface{}) *DB              { return s }

type Association struct{ Error error }

func (a *Association) Append(values ...interface{}) *Association { return a }
