package effects

import (
	"go/ast"
	"slices"
	"strings"

	"github.com/idemlint/idemlint/passes/syntax"
)

// Document and key-value writes: mongo-driver (v1 and v2), go-redis (v8
// and v9, both import paths).
func init() {
	register(
		api{"go.mongodb.org/mongo-driver/mongo", "Collection", []string{"InsertOne", "InsertMany", "BulkWrite"}, mongoWrite("inserts into", false)},
		api{"go.mongodb.org/mongo-driver/mongo", "Collection", []string{"UpdateOne", "UpdateMany", "UpdateByID", "FindOneAndUpdate"}, mongoUpsert("updates", true)},
		api{"go.mongodb.org/mongo-driver/mongo", "Collection", []string{"ReplaceOne", "FindOneAndReplace"}, mongoUpsert("replaces in", false)},
		api{"go.mongodb.org/mongo-driver/mongo", "Collection", []string{"DeleteOne", "DeleteMany", "FindOneAndDelete"}, mongoWrite("deletes from", true)},
	)
	for _, path := range []string{"github.com/redis/go-redis", "github.com/go-redis/redis"} {
		register(
			api{path, "*", redisIdempotent, redisWrite(true)},
			api{path, "*", redisNonIdempotent, redisWrite(false)},
			api{path, "*", []string{"Publish", "SPublish"}, redisPublish},
		)
	}
}

var redisIdempotent = []string{
	"Set", "SetEx", "SetEX", "SetNX", "SetXX", "SetArgs", "MSet", "MSetNX", "GetSet", "GetDel", "GetEx",
	"HSet", "HMSet", "HSetNX", "HDel", "SAdd", "SRem", "SMove", "ZAdd", "ZAddNX", "ZAddXX", "ZAddArgs", "ZRem",
	"Del", "Unlink", "Expire", "ExpireAt", "ExpireNX", "ExpireXX", "PExpire", "PExpireAt", "Persist",
	"PFAdd", "SetBit", "GeoAdd", "JSONSet",
}

var redisNonIdempotent = []string{
	"Incr", "IncrBy", "IncrByFloat", "Decr", "DecrBy", "HIncrBy", "HIncrByFloat", "ZIncrBy",
	"LPush", "RPush", "LPushX", "RPushX", "LInsert", "LInsertBefore", "LInsertAfter", "LSet", "LRem", "LTrim",
	"LPop", "RPop", "LPopCount", "RPopCount", "RPopLPush", "LMove", "BLPop", "BRPop", "BLMove", "BRPopLPush",
	"SPop", "SPopN", "ZPopMin", "ZPopMax", "BZPopMin", "BZPopMax", "Append", "SetRange",
	"XAdd", "XAck", "XDel", "XTrim", "XTrimMaxLen", "Rename", "RenameNX", "Copy", "FlushAll", "FlushDB",
	"Eval", "EvalSha", "EvalRO", "FCall",
}

func redisWrite(idempotent bool) classifier {
	return func(s *site) (effect, bool) {
		op := strings.ToUpper(s.method)
		desc := "runs redis " + op
		if key, ok := s.str(1); ok {
			desc += " on " + quoted(key)
		}
		return effect{kind: KeyValue, desc: desc, idempotent: idempotent}, true
	}
}

func redisPublish(s *site) (effect, bool) {
	desc := "publishes to a redis channel"
	if ch, ok := s.str(1); ok {
		desc = "publishes to " + quoted(ch)
	}
	return effect{kind: Publish, desc: desc}, true
}

// collection returns the constant name of the collection a mongo call is
// made on: db.Collection("orders").InsertOne(...), or a variable defined
// so.
func collection(s *site) string {
	x := s.recv()
	for range syntax.MaxDepth {
		if x == nil {
			return "a collection"
		}
		if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Collection" && len(call.Args) > 0 {
				if name, ok := s.in.constString(call.Args[0]); ok {
					return name
				}
			}
			return "a collection"
		}
		id := identOf(x)
		if id == nil {
			return "a collection"
		}
		x = s.in.definition(s.in.pass.TypesInfo.Uses[id])
	}
	return "a collection"
}

func mongoWrite(verb string, idempotent bool) classifier {
	return func(s *site) (effect, bool) {
		return effect{kind: Document, desc: verb + " " + collection(s), idempotent: idempotent}, true
	}
}

// mongoUpsert is idempotent when the options set upsert
// (options.Update().SetUpsert(true), or an Upsert field), or when set is
// true and the update document (the third argument) only sets values.
func mongoUpsert(verb string, set bool) classifier {
	return func(s *site) (effect, bool) {
		e := effect{kind: Document, desc: verb + " " + collection(s)}
		for _, a := range s.call.Args[min(2, len(s.call.Args)):] {
			if s.in.upsert(a) {
				e.idempotent = true
			}
		}
		if set && s.in.setOnly(s.arg(2)) {
			e.idempotent = true
		}
		return e, true
	}
}

// setOperators are the update operators that give the same document when
// applied twice.
var setOperators = []string{"$set", "$unset", "$setOnInsert", "$addToSet", "$pull", "$pullAll", "$min", "$max"}

// setOnly reports whether x, a bson.M or bson.D literal (or a variable
// defined with one), holds only update operators of setOperators: {"$set":
// {"status": "paid"}}, not {"$inc": {"stock": -1}} or {"$push": ...}.
func (in *inferrer) setOnly(x ast.Expr) bool {
	lit := in.compositeOf(x)
	if lit == nil || len(lit.Elts) == 0 {
		return false
	}
	for _, elt := range lit.Elts {
		var key ast.Expr
		switch elt := elt.(type) {
		case *ast.KeyValueExpr: // bson.M{"$set": ...}
			key = elt.Key
		case *ast.CompositeLit: // bson.D{{"$set", ...}} or {Key: "$set", Value: ...}
			for i, e := range elt.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Key" {
						key = kv.Value
					}
				} else if i == 0 {
					key = e
				}
			}
		}
		op, ok := in.constString(key)
		if !ok || !slices.Contains(setOperators, op) {
			return false
		}
	}
	return true
}

// upsert reports whether x, or the value a variable was defined with,
// sets upsert to true.
func (in *inferrer) upsert(x ast.Expr) bool {
	found := false
	var visit func(x ast.Expr, depth int)
	visit = func(x ast.Expr, depth int) {
		ast.Inspect(x, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "SetUpsert" && len(n.Args) == 1 {
					if v, ok := in.constBool(n.Args[0]); ok && v {
						found = true
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Upsert" {
					found = true
				}
			case *ast.Ident:
				if depth < syntax.MaxDepth {
					if def := in.definition(in.pass.TypesInfo.Uses[n]); def != nil {
						visit(def, depth+1)
					}
				}
			}
			return !found
		})
	}
	visit(x, 0)
	return found
}
