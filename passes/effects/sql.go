package effects

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/idemlint/idemlint/internal/lazyre"
	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// SQL and ORM writes: database/sql, jackc/pgx v5, jmoiron/sqlx, gorm (v2 and v1),
// watermill-sql.
func init() {
	register(
		api{"database/sql", "DB", []string{"Exec", "ExecContext"}, sqlExec},
		api{"database/sql", "Tx", []string{"Exec", "ExecContext"}, sqlExec},
		api{"database/sql", "Conn", []string{"ExecContext"}, sqlExec},
		api{"database/sql", "Stmt", []string{"Exec", "ExecContext"}, sqlStmt},
		api{"database/sql", "DB", []string{"Query", "QueryContext", "QueryRow", "QueryRowContext"}, sqlQuery},
		api{"database/sql", "Tx", []string{"Query", "QueryContext", "QueryRow", "QueryRowContext"}, sqlQuery},
		api{"database/sql", "Conn", []string{"QueryContext", "QueryRowContext"}, sqlQuery},

		api{"github.com/jackc/pgx", "Conn", []string{"Exec"}, sqlExec},
		api{"github.com/jackc/pgx", "Tx", []string{"Exec"}, sqlExec},
		api{"github.com/jackc/pgx", "Conn", []string{"Query", "QueryRow"}, sqlQuery},
		api{"github.com/jackc/pgx", "Tx", []string{"Query", "QueryRow"}, sqlQuery},
		api{"github.com/jackc/pgx", "Conn", []string{"CopyFrom"}, pgxCopy},
		api{"github.com/jackc/pgx", "Tx", []string{"CopyFrom"}, pgxCopy},
		api{"github.com/jackc/pgx", "Conn", []string{"SendBatch"}, always(effect{kind: SQL, desc: "sends a SQL batch"})},
		api{"github.com/jackc/pgx", "Tx", []string{"SendBatch"}, always(effect{kind: SQL, desc: "sends a SQL batch"})},
		api{"github.com/jackc/pgx/pgxpool", "Pool", []string{"Exec"}, sqlExec},
		api{"github.com/jackc/pgx/pgxpool", "Conn", []string{"Exec"}, sqlExec},
		api{"github.com/jackc/pgx/pgxpool", "Tx", []string{"Exec"}, sqlExec},
		api{"github.com/jackc/pgx/pgxpool", "Pool", []string{"Query", "QueryRow"}, sqlQuery},
		api{"github.com/jackc/pgx/pgxpool", "Conn", []string{"Query", "QueryRow"}, sqlQuery},
		api{"github.com/jackc/pgx/pgxpool", "Tx", []string{"Query", "QueryRow"}, sqlQuery},
		api{"github.com/jackc/pgx/pgxpool", "Pool", []string{"CopyFrom"}, pgxCopy},
		api{"github.com/jackc/pgx/pgxpool", "Conn", []string{"CopyFrom"}, pgxCopy},
		api{"github.com/jackc/pgx/pgxpool", "Tx", []string{"CopyFrom"}, pgxCopy},
		api{"github.com/jackc/pgx/pgxpool", "Pool", []string{"SendBatch"}, always(effect{kind: SQL, desc: "sends a SQL batch"})},
		api{"github.com/jackc/pgx/pgxpool", "Conn", []string{"SendBatch"}, always(effect{kind: SQL, desc: "sends a SQL batch"})},
		api{"github.com/jackc/pgx/pgxpool", "Tx", []string{"SendBatch"}, always(effect{kind: SQL, desc: "sends a SQL batch"})},

		api{"github.com/jmoiron/sqlx", "*", []string{"NamedExec", "MustExec"}, sqlExec},
		api{"github.com/jmoiron/sqlx", "*", []string{"NamedExecContext", "MustExecContext"}, sqlExec},
		api{"github.com/jmoiron/sqlx", "", []string{"NamedExec", "MustExec"}, sqlExecAt(1)},
		api{"github.com/jmoiron/sqlx", "", []string{"NamedExecContext", "MustExecContext"}, sqlExecAt(2)},

		// gorm v2 and v1 (jinzhu). FirstOrCreate finds the row its
		// conditions name before it creates one; an association's
		// Append adds a link only when it is missing, but saves the
		// record of a has-many or has-one association (gormAppend).
		api{"gorm.io/gorm", "DB", []string{"Create", "CreateInBatches"}, gormWrite("creates", false)},
		api{"gorm.io/gorm", "DB", []string{"FirstOrCreate"}, gormWrite("finds or creates", true)},
		api{"gorm.io/gorm", "DB", []string{"Save"}, gormSave},
		api{"gorm.io/gorm", "DB", []string{"Update", "Updates", "UpdateColumn", "UpdateColumns"}, gormUpdate},
		api{"gorm.io/gorm", "DB", []string{"Delete"}, gormWrite("deletes", true)},
		api{"gorm.io/gorm", "DB", []string{"Exec"}, sqlExecAt(0)},
		api{"gorm.io/gorm", "Association", []string{"Append"}, gormAppend},
		api{"gorm.io/gorm", "Association", []string{"Replace", "Delete", "Clear"}, gormWrite("links", true)},
		api{"github.com/jinzhu/gorm", "DB", []string{"Create", "CreateInBatches"}, gormWrite("creates", false)},
		api{"github.com/jinzhu/gorm", "DB", []string{"FirstOrCreate"}, gormWrite("finds or creates", true)},
		api{"github.com/jinzhu/gorm", "DB", []string{"Save"}, gormSave},
		api{"github.com/jinzhu/gorm", "DB", []string{"Update", "Updates", "UpdateColumn", "UpdateColumns"}, gormUpdate},
		api{"github.com/jinzhu/gorm", "DB", []string{"Delete"}, gormWrite("deletes", true)},
		api{"github.com/jinzhu/gorm", "DB", []string{"Exec"}, sqlExecAt(0)},
		api{"github.com/jinzhu/gorm", "Association", []string{"Append"}, gormAppend},
		api{"github.com/jinzhu/gorm", "Association", []string{"Replace", "Delete", "Clear"}, gormWrite("links", true)},

		// ThreeDotsLabs/watermill-sql wraps database/sql and pgx
		// transactions (sql.TxFromStdSQL, TxFromContext) in its own Tx,
		// ContextExecutor and Beginner; its Publisher inserts messages.
		api{watermillSQL, "*", []string{"ExecContext"}, sqlExec},
		api{watermillSQL, "*", []string{"QueryContext"}, sqlQuery},
		api{watermillSQL, "Publisher", []string{"Publish"}, publishArg(0)},
	)
}

// watermillSQL is watermill-sql's package, its major version removed.
const watermillSQL = "github.com/ThreeDotsLabs/watermill-sql/pkg/sql"

// Methods of other libraries' types (or interfaces) shaped like
// database/sql's are judged like it: a transaction or executor of a
// library that wraps database/sql or pgx.
var (
	execNames  = []string{"Exec", "ExecContext", "NamedExec", "NamedExecContext", "MustExec", "MustExecContext"}
	queryNames = []string{"Query", "QueryContext", "QueryRow", "QueryRowContext", "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext", "NamedQuery", "NamedQueryContext"}
	// fetchNames take a destination before the statement (sqlx Get and
	// Select).
	fetchNames = []string{"Get", "GetContext", "Select", "SelectContext"}
	// txNames begin, end or close a transaction of a type with an
	// Exec-like method: no effect of their own.
	txNames = []string{"Begin", "BeginTx", "Beginx", "BeginTxx", "MustBegin", "MustBeginTx", "Commit", "Rollback", "Close", "Ping", "PingContext"}
)

// execLike returns how a call of fn is judged when fn is a method shaped
// like database/sql's on a type of a package outside the standard library:
// an Exec-like method as a write, a Query-like one as a read unless its
// text writes, a transaction's Begin, Commit or Rollback as nothing; or
// nil.
func execLike(fn *types.Func) classifier {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || typesutil.IsStd(fn.Pkg().Path()) {
		return nil
	}
	name := fn.Name()
	switch {
	case slices.Contains(execNames, name) && sqlShape(fn.Signature(), false):
		return sqlExec
	case slices.Contains(queryNames, name) && sqlShape(fn.Signature(), false):
		return sqlQuery
	case slices.Contains(fetchNames, name) && sqlShape(fn.Signature(), true):
		return sqlFetch
	case slices.Contains(txNames, name):
		for _, n := range []string{"ExecContext", "Exec"} {
			obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), n)
			if m, ok := obj.(*types.Func); ok && sqlShape(m.Signature(), false) {
				return func(*site) (effect, bool) { return effect{}, false }
			}
		}
	}
	return nil
}

// sqlShape reports whether sig takes an optional context, a destination
// when dest is set, the statement as a string, and then its arguments
// (variadic, or one value).
func sqlShape(sig *types.Signature, dest bool) bool {
	params := sig.Params()
	i := 0
	if params.Len() > 0 && isContext(params.At(0).Type()) {
		i++
	}
	if dest {
		if i >= params.Len() || !isAny(params.At(i).Type()) {
			return false
		}
		i++
	}
	if i >= params.Len() || !isString(params.At(i).Type()) {
		return false
	}
	switch rest := params.Len() - i - 1; {
	case rest == 0:
		return true
	case rest == 1 && sig.Variadic():
		return isAny(params.At(i + 1).Type().(*types.Slice).Elem())
	case rest == 1:
		return isAny(params.At(i + 1).Type())
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Kind() == types.String
}

func isAny(t types.Type) bool {
	i, ok := types.Unalias(t).(*types.Interface)
	return ok && i.Empty()
}

// sqlFetch judges a Get or Select: the statement follows the context
// and the destination.
func sqlFetch(s *site) (effect, bool) {
	i := 1
	if params := s.fn.Signature().Params(); params.Len() > 0 && isContext(params.At(0).Type()) {
		i = 2
	}
	return sqlQueryAt(s, i)
}

// sqlText returns the index of the statement argument of an Exec or Query
// method: after the context when the first parameter is one.
func sqlText(s *site) int {
	params := s.fn.Signature().Params()
	if params.Len() > 0 && isContext(params.At(0).Type()) {
		return 1
	}
	return 0
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Context" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context"
}

// sqlExec judges an Exec-like call: a write unless its constant text is a
// read.
func sqlExec(s *site) (effect, bool) { return sqlExecAt(sqlText(s))(s) }

// sqlExecAt judges an Exec-like call with the statement at index i.
func sqlExecAt(i int) classifier {
	return func(s *site) (effect, bool) {
		texts, ok := s.strs(i)
		if !ok {
			return effect{kind: SQL, desc: "writes to the database"}, true
		}
		return classifySQLs(texts, false)
	}
}

// classifySQLs classifies the statements one call can run: the first that
// is not naturally idempotent, else the first effect.
func classifySQLs(texts []string, writesOnly bool) (effect, bool) {
	var first effect
	found := false
	for _, t := range texts {
		e, ok := classifySQL(t, writesOnly)
		if ok && (!found || first.idempotent && !e.idempotent) {
			first, found = e, true
		}
	}
	return first, found
}

// sqlStmt judges Stmt.Exec by the text the statement was prepared with
// (stmt, err := db.Prepare("...") in the package), when constant.
func sqlStmt(s *site) (effect, bool) {
	x := s.recv()
	for range syntax.MaxDepth {
		id := identOf(x)
		if id == nil {
			break
		}
		x = s.in.definition(s.in.pass.TypesInfo.Uses[id])
	}
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Prepare" || sel.Sel.Name == "PrepareContext") && len(call.Args) > 0 {
			if text, ok := s.in.constString(call.Args[len(call.Args)-1]); ok {
				return classifySQL(text, false)
			}
		}
	}
	return effect{kind: SQL, desc: "executes a prepared SQL statement"}, true
}

// sqlQuery judges a Query-like call: a write only when its constant text is
// one; a text that is not constant is not known.
func sqlQuery(s *site) (effect, bool) { return sqlQueryAt(s, sqlText(s)) }

func sqlQueryAt(s *site, i int) (effect, bool) {
	texts, ok := s.strs(i)
	if !ok {
		return effect{unknown: true}, true
	}
	return classifySQLs(texts, true)
}

func pgxCopy(s *site) (effect, bool) {
	desc := "copies rows into the database"
	if lit := s.in.compositeOf(s.arg(1)); lit != nil && len(lit.Elts) > 0 {
		if t, ok := s.in.constString(lit.Elts[len(lit.Elts)-1]); ok {
			desc = "copies rows into " + t
		}
	}
	return effect{kind: SQL, desc: desc}, true
}

func gormWrite(verb string, idempotent bool) classifier {
	return func(s *site) (effect, bool) {
		desc := verb + " rows"
		if x := s.arg(0); x != nil {
			if n := nameOf(s.in.pass.TypesInfo.TypeOf(x)); n != "" {
				desc = verb + " " + n
			}
		}
		return effect{kind: SQL, desc: desc, idempotent: idempotent}, true
	}
}

// gormSave judges a Save, which updates a row by its primary key and
// creates one when the key is zero: it is naturally idempotent only when
// it saves a composite literal that sets the key (ID, or the ID of an
// embedded gorm.Model).
func gormSave(s *site) (effect, bool) {
	e, _ := gormWrite("saves", false)(s)
	if lit := s.in.compositeOf(s.arg(0)); lit != nil && setsID(lit, 0) {
		e.idempotent = true
	} else {
		e.desc += " (a new row when its primary key is zero)"
	}
	return e, true
}

// gormAppend judges db.Model(m).Association("F").Append(v): a link
// added only when it is missing, naturally idempotent, unless the field F
// of m's struct is found and is not many2many (its gorm tag): then Append
// saves v, a new row when v does not set its primary key (a composite
// literal setting ID, or every field tagged primary_key).
func gormAppend(s *site) (effect, bool) {
	e, _ := gormWrite("links", true)(s)
	field := s.in.associationField(s.call)
	if field == nil || strings.Contains(strings.ToLower(reflectTag(field.tag, "gorm")), "many2many") {
		return e, true
	}
	if lit := s.in.compositeOf(s.arg(0)); lit != nil && s.in.setsKey(lit) {
		return e, true
	}
	e.desc = "appends to " + field.v.Name() + " (a new row when its primary key is zero)"
	e.idempotent = false
	return e, true
}

type structField struct {
	v   *types.Var
	tag string
}

// associationField returns the struct field an Append call's association
// names: X.Model(m).Association("F").Append(...), m a struct or a pointer
// to one and F constant; nil otherwise.
func (in *inferrer) associationField(call *ast.CallExpr) *structField {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	assoc, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || len(assoc.Args) != 1 {
		return nil
	}
	name, ok := in.constString(assoc.Args[0])
	asel, ok2 := ast.Unparen(assoc.Fun).(*ast.SelectorExpr)
	if !ok || !ok2 {
		return nil
	}
	model, ok := ast.Unparen(asel.X).(*ast.CallExpr)
	if !ok || len(model.Args) != 1 {
		return nil
	}
	if msel, ok := ast.Unparen(model.Fun).(*ast.SelectorExpr); !ok || msel.Sel.Name != "Model" {
		return nil
	}
	return fieldOf(in.pass.TypesInfo.TypeOf(model.Args[0]), name)
}

// fieldOf returns the field name of a struct type, or of the struct a
// pointer points to, with its tag.
func fieldOf(t types.Type, name string) *structField {
	v, tag := typesutil.FieldOf(t, name)
	if v == nil {
		return nil
	}
	return &structField{v: v, tag: tag}
}

// reflectTag returns the value of key in a struct tag.
func reflectTag(tag, key string) string { return reflect.StructTag(tag).Get(key) }

// setsKey reports whether a composite literal sets its record's primary
// key: ID (setsID), or every field its struct tags primary_key.
func (in *inferrer) setsKey(lit *ast.CompositeLit) bool {
	if setsID(lit, 0) {
		return true
	}
	t := in.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return false
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	set := make(map[string]bool)
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok {
				set[k.Name] = true
			}
		}
	}
	keys := 0
	for i := range st.NumFields() {
		tag := strings.ToLower(reflectTag(st.Tag(i), "gorm"))
		if strings.Contains(tag, "primary_key") || strings.Contains(tag, "primarykey") {
			keys++
			if !set[st.Field(i).Name()] {
				return false
			}
		}
	}
	return keys > 0
}

// setsID reports whether a composite literal sets a field named ID, in
// itself or in an embedded struct literal.
func setsID(lit *ast.CompositeLit, depth int) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if k.Name == "ID" {
			return true
		}
		if inner, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok && depth < 2 && setsID(inner, depth+1) {
			return true
		}
	}
	return false
}

// gormUpdate is idempotent unless an argument is a gorm.Expr (such as
// gorm.Expr("stock - ?", n)).
func gormUpdate(s *site) (effect, bool) {
	for _, a := range s.call.Args {
		if call, ok := ast.Unparen(a).(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Expr" {
				return effect{kind: SQL, desc: "updates rows with an expression"}, true
			}
		}
	}
	return effect{kind: SQL, desc: "updates rows", idempotent: true}, true
}

var (
	selfArith = lazyre.New(`(?i)([A-Za-z_][A-Za-z0-9_."]*)\s*=\s*([A-Za-z_][A-Za-z0-9_."]*)\s*[-+*/|]`)
	selfNot   = lazyre.New(`(?i)([A-Za-z_][A-Za-z0-9_."]*)\s*=\s*NOT\s*\(?\s*([A-Za-z_][A-Za-z0-9_."]*)`)
	cteWrite  = lazyre.New(`(?i)\bAS\s*(?:NOT\s+)?(?:MATERIALIZED\s*)?\(\s*((?:INSERT|UPDATE|DELETE|MERGE)\b)`)
	cteMain   = lazyre.New(`(?i)\)\s*(?:INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE|SELECT)\b`)
)

// classifySQL classifies a SQL statement. With writesOnly (a Query call),
// only statements that start with a write verb are effects.
func classifySQL(text string, writesOnly bool) (effect, bool) {
	text = strings.TrimLeft(strings.TrimSpace(normalizeSQL(text)), "( ")
	var buf [6]string
	words := sqlWords(buf[:0], text)
	verb := ""
	if len(words) > 0 {
		verb = strings.ToUpper(words[0])
	}
	if verb == "WITH" {
		// A common table expression that writes decides; else the
		// statement after them.
		if loc := cteWrite().FindStringSubmatchIndex(text); loc != nil {
			return classifySQL(text[loc[2]:], false)
		}
		if loc := cteMain().FindStringIndex(text); loc != nil {
			return classifySQL(text[loc[0]+1:], writesOnly)
		}
	}
	word := func(i int) string {
		if i < len(words) {
			return strings.Trim(words[i], `"`)
		}
		return ""
	}
	switch verb {
	case "INSERT":
		e := effect{kind: SQL, desc: "inserts into " + tableAfter(words, "INTO")}
		e.idempotent = idempotentInsert(text) && !accumulates(text)
		return e, true
	case "UPDATE":
		e := effect{kind: SQL, desc: "updates " + word(1), idempotent: !accumulates(text)}
		return e, true
	case "DELETE":
		return effect{kind: SQL, desc: "deletes from " + tableAfter(words, "FROM"), idempotent: true}, true
	case "MERGE":
		return effect{kind: SQL, desc: "merges into " + tableAfter(words, "INTO"), idempotent: true}, true
	case "REPLACE", "UPSERT":
		return effect{kind: SQL, desc: "upserts into " + tableAfter(words, "INTO"), idempotent: true}, true
	}
	if writesOnly {
		return effect{}, false
	}
	switch verb {
	case "SELECT", "SHOW", "EXPLAIN", "VALUES", "SET", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "LOCK":
		return effect{}, false
	case "CREATE", "DROP", "ALTER":
		upper := strings.ToUpper(text)
		name := ""
		for i := 2; i < len(words) && name == ""; i++ {
			switch strings.ToUpper(words[i]) {
			case "IF", "NOT", "EXISTS":
			default:
				name = " " + word(i)
			}
		}
		e := effect{kind: SQL, desc: strings.ToLower(verb) + "s " + strings.ToLower(word(1)) + name}
		e.idempotent = strings.Contains(upper, "IF NOT EXISTS") || strings.Contains(upper, "IF EXISTS")
		return e, true
	}
	return effect{kind: SQL, desc: "writes to the database"}, true
}

// tableAfter returns the word following keyword among the first words, or
// "a table".
func tableAfter(words []string, keyword string) string {
	for i, w := range words {
		if strings.EqualFold(w, keyword) && i+1 < len(words) {
			return strings.Trim(words[i+1], `"`)
		}
	}
	if len(words) > 1 && !strings.EqualFold(words[1], "IGNORE") && !strings.EqualFold(words[1], "OR") {
		return strings.Trim(words[1], `"`)
	}
	return "a table"
}

// normalizeSQL replaces every comment (/* ... */, -- to the end of the
// line) and every run of white space with one space. It returns text itself
// when there is nothing to replace.
func normalizeSQL(text string) string {
	clean := true
	for i := 0; i < len(text) && clean; i++ {
		switch c := text[i]; {
		case isSQLSpace(c):
			clean = c == ' ' && (i+1 == len(text) || !isSQLSpace(text[i+1]))
		case c == '-' || c == '/':
			clean = !strings.HasPrefix(text[i:], "--") && !strings.HasPrefix(text[i:], "/*")
		}
	}
	if clean {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	space := false // the last byte written is a replacement space
	put := func(c byte) {
		if c == ' ' {
			if space {
				return
			}
			space = true
		} else {
			space = false
		}
		b.WriteByte(c)
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case strings.HasPrefix(text[i:], "/*"):
			if end := strings.Index(text[i+2:], "*/"); end >= 0 {
				put(' ')
				i += 2 + end + 1
				continue
			}
			put(c)
		case strings.HasPrefix(text[i:], "--"):
			put(' ')
			if nl := strings.IndexByte(text[i:], '\n'); nl >= 0 {
				i += nl - 1 // the newline itself is white space
			} else {
				i = len(text)
			}
		case isSQLSpace(c):
			put(' ')
		default:
			put(c)
		}
	}
	return b.String()
}

// isSQLSpace reports whether c is white space as regexp's \s: tab, new
// line, form feed, carriage return or space.
func isSQLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// sqlWords appends to words the first words of text, up to the capacity
// of words: identifiers, possibly qualified or quoted (orders,
// public.orders, "orders").
func sqlWords(words []string, text string) []string {
	for i := 0; i < len(text) && len(words) < cap(words); {
		if !isWordStart(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && (isWordByte(text[j]) || text[j] == '.' || text[j] == '$' || text[j] == '"') {
			j++
		}
		words = append(words, text[i:j])
		i = j
	}
	return words
}

func isWordStart(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

// selfArithmetic returns the matches of selfArith in text: an assignment
// whose right side starts with a name and continues with an operator.
// Without an operator after an equals sign nothing can match, which spares
// the regular expression most updates ("SET qty = $1").
func selfArithmetic(text string) [][]string {
	eq := strings.IndexByte(text, '=')
	if eq < 0 {
		return nil
	}
	var out [][]string
	if strings.ContainsAny(text[eq:], "-+*/|") {
		out = selfArith().FindAllStringSubmatch(text, -1)
	}
	if strings.Contains(strings.ToUpper(text[eq:]), "NOT") {
		out = append(out, selfNot().FindAllStringSubmatch(text, -1)...)
	}
	return out
}

// accumulates reports whether a statement sets a column from its own
// value (n = n + 1, balance = accounts.balance - $1, a toggle starred =
// NOT starred, as in an UPDATE or
// the update of an upsert); a column set from the row an upsert proposes
// (n = excluded.n + 1) is not.
func accumulates(text string) bool {
	if strings.ContainsAny(text, "\"`") {
		text = strings.NewReplacer(`"`, "", "`", "").Replace(text) // quoted names
	}
	for _, g := range selfArithmetic(text) {
		col, name, qual := g[1], g[2], ""
		if i := strings.LastIndexByte(col, '.'); i >= 0 {
			col = col[i+1:]
		}
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			qual, name = name[:i], name[i+1:]
		}
		if strings.EqualFold(col, name) && !strings.EqualFold(qual, "excluded") {
			return true
		}
	}
	return false
}

// idempotentInsert reports whether an insert statement is naturally
// idempotent: it holds ON CONFLICT or ON DUPLICATE KEY UPDATE, or starts
// with INSERT [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] IGNORE or INSERT OR
// IGNORE|REPLACE, keywords in any case separated by white space. It
// matches what the regular expression in its fuzz test matches, without
// running a regular expression on every insert.
func idempotentInsert(text string) bool {
	if i, ok := keyword(text, skipSpace(text, 0), "INSERT"); ok {
		if j := skipSpace(text, i); j > i {
			if keywordEnd(text, j, "IGNORE") {
				return true
			}
			for _, m := range []string{"LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY"} {
				if k, ok := keyword(text, j, m); ok {
					if l := skipSpace(text, k); l > k && keywordEnd(text, l, "IGNORE") {
						return true
					}
				}
			}
			if k, ok := keyword(text, j, "OR"); ok {
				if l := skipSpace(text, k); l > k && (keywordEnd(text, l, "IGNORE") || keywordEnd(text, l, "REPLACE")) {
					return true
				}
			}
		}
	}
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != 'O' && c != 'o' || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		j, ok := keyword(text, i, "ON")
		k := skipSpace(text, j)
		if !ok || k == j {
			continue
		}
		if keywordEnd(text, k, "CONFLICT") {
			return true
		}
		if l, ok := keyword(text, k, "DUPLICATE"); ok {
			if m := skipSpace(text, l); m > l {
				if n, ok := keyword(text, m, "KEY"); ok {
					if p := skipSpace(text, n); p > n && keywordEnd(text, p, "UPDATE") {
						return true
					}
				}
			}
		}
	}
	return false
}

// keyword returns the end of the upper-case ASCII keyword w at text[i:],
// in any case (with Unicode's simple folding, as (?i) does: K matches the
// Kelvin sign), and whether it is there; i when it is not.
func keyword(text string, i int, w string) (int, bool) {
	j := i
	for k := 0; k < len(w); k++ {
		if j >= len(text) {
			return i, false
		}
		c := rune(w[k])
		r, size := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		if r != c && !foldsTo(r, c) {
			return i, false
		}
		j += size
	}
	return j, true
}

// keywordEnd reports whether the keyword w is at text[i:] and ends a word.
func keywordEnd(text string, i int, w string) bool {
	j, ok := keyword(text, i, w)
	return ok && (j == len(text) || !isWordByte(text[j]))
}

// foldsTo reports whether r is c in another case.
func foldsTo(r, c rune) bool {
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		if r == f {
			return true
		}
	}
	return false
}

// skipSpace returns the index of the first byte at or after i that is not
// white space (isSQLSpace).
func skipSpace(text string, i int) int {
	for i < len(text) && isSQLSpace(text[i]) {
		i++
	}
	return i
}

// isWordByte reports whether c is a word character as \b means it.
func isWordByte(c byte) bool { return isWordStart(c) || '0' <= c && c <= '9' }
