// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo v1.17.10.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{}

func (c *Client) Database(name string, opts ...*options.DatabaseOptions) *Database {
	return &Database{}
}

type Database struct{}

func (db *Database) Collection(name string, opts ...*options.CollectionOptions) *Collection {
	return &Collection{}
}

type Collection struct{}

type InsertOneResult struct{ InsertedID interface{} }
type UpdateResult struct{ MatchedCount, ModifiedCount int64 }
type DeleteResult struct{ DeletedCount int64 }
type SingleResult struct{}

func (coll *Collection) InsertOne(ctx context.Context, document interface{},
	opts ...*options.InsertOneOptions) (*InsertOneResult, error) {
	return nil, nil
}

func (coll *Collection) DeleteOne(ctx context.Context, filter interface{},
	opts ...*options.DeleteOptions) (*DeleteResult, error) {
	return nil, nil
}

func (coll *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{},
	opts ...*options.UpdateOptions) (*UpdateResult, error) {
	return nil, nil
}

func (coll *Collection) UpdateByID(ctx context.Context, id interface{}, update interface{},
	opts ...*options.UpdateOptions) (*UpdateResult, error) {
	return nil, nil
}

func (coll *Collection) ReplaceOne(ctx context.Context, filter interface{},
	replacement interface{}, opts ...*options.ReplaceOptions) (*UpdateResult, error) {
	return nil, nil
}

func (coll *Collection) FindOne(ctx context.Context, filter interface{},
	opts ...*options.FindOneOptions) *SingleResult {
	return nil
}
