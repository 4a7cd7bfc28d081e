// Package bson is a stub of go.mongodb.org/mongo-driver/bson v1.17.10.
package bson

import "go.mongodb.org/mongo-driver/bson/primitive"

type (
	M = primitive.M
	D = primitive.D
	E = primitive.E
	A = primitive.A
)
