// Package clause is a stub of gorm.io/gorm/clause v1.31.2.
package clause

type Expr struct {
	SQL                string
	Vars               []interface{}
	WithoutParentheses bool
}
