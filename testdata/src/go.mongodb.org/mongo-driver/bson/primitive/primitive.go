// Package primitive is a stub of go.mongodb.org/mongo-driver/bson/primitive v1.17.10.
package primitive

type M map[string]interface{}

type E struct {
	Key   string
	Value interface{}
}

type D []E

type A []interface{}
