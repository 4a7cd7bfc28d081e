// Package squirrel is a stub of github.com/Masterminds/squirrel v1.5:
// the statement builders and their methods the effects model reads.
package squirrel

type Sqlizer interface {
	ToSql() (string, []interface{}, error)
}

type Eq map[string]interface{}

type PlaceholderFormat interface{}

var Dollar PlaceholderFormat

type StatementBuilderType struct{}

var StatementBuilder StatementBuilderType

func (b StatementBuilderType) PlaceholderFormat(f PlaceholderFormat) StatementBuilderType { return b }
func (b StatementBuilderType) Select(columns ...string) SelectBuilder                     { return SelectBuilder{} }
func (b StatementBuilderType) Insert(into string) InsertBuilder                           { return InsertBuilder{} }
func (b StatementBuilderType) Replace(into string) InsertBuilder                          { return InsertBuilder{} }
func (b StatementBuilderType) Update(table string) UpdateBuilder                          { return UpdateBuilder{} }
func (b StatementBuilderType) Delete(from string) DeleteBuilder                           { return DeleteBuilder{} }

func Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func Insert(into string) InsertBuilder       { return InsertBuilder{} }
func Replace(into string) InsertBuilder      { return InsertBuilder{} }
func Update(table string) UpdateBuilder      { return UpdateBuilder{} }
func Delete(from string) DeleteBuilder       { return DeleteBuilder{} }
func Expr(sql string, args ...interface{}) Sqlizer {
	return nil
}

type SelectBuilder struct{}

func (b SelectBuilder) From(from string) SelectBuilder                            { return b }
func (b SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder { return b }
func (b SelectBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }

type InsertBuilder struct{}

func (b InsertBuilder) Columns(columns ...string) InsertBuilder              { return b }
func (b InsertBuilder) Values(values ...interface{}) InsertBuilder           { return b }
func (b InsertBuilder) Options(options ...string) InsertBuilder              { return b }
func (b InsertBuilder) Suffix(sql string, args ...interface{}) InsertBuilder { return b }
func (b InsertBuilder) SetMap(clauses map[string]interface{}) InsertBuilder  { return b }
func (b InsertBuilder) ToSql() (string, []interface{}, error)                { return "", nil, nil }
func (b InsertBuilder) Prefix(sql string, args ...interface{}) InsertBuilder { return b }
func (b InsertBuilder) PlaceholderFormat(f PlaceholderFormat) InsertBuilder  { return b }

type UpdateBuilder struct{}

func (b UpdateBuilder) Set(column string, value interface{}) UpdateBuilder        { return b }
func (b UpdateBuilder) SetMap(clauses map[string]interface{}) UpdateBuilder       { return b }
func (b UpdateBuilder) Where(pred interface{}, args ...interface{}) UpdateBuilder { return b }
func (b UpdateBuilder) Suffix(sql string, args ...interface{}) UpdateBuilder      { return b }
func (b UpdateBuilder) Prefix(sql string, args ...interface{}) UpdateBuilder      { return b }
func (b UpdateBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }
func (b UpdateBuilder) MustSql() (string, []interface{})                          { return "", nil }

type DeleteBuilder struct{}

func (b DeleteBuilder) Where(pred interface{}, args ...interface{}) DeleteBuilder { return b }
func (b DeleteBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }

type BaseRunner interface{}

type Result interface{}

func (b UpdateBuilder) RunWith(runner BaseRunner) UpdateBuilder { return b }
func (b UpdateBuilder) Exec() (Result, error)                   { return nil, nil }
