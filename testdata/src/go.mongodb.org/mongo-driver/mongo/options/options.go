// Package options is a stub of go.mongodb.org/mongo-driver/mongo/options v1.17.10.
package options

type InsertOneOptions struct{}
type DeleteOptions struct{}
type FindOneOptions struct{}
type CollectionOptions struct{}
type DatabaseOptions struct{}

type UpdateOptions struct {
	Upsert *bool
}

func Update() *UpdateOptions { return &UpdateOptions{} }

func (u *UpdateOptions) SetUpsert(b bool) *UpdateOptions {
	u.Upsert = &b
	return u
}

type ReplaceOptions struct {
	Upsert *bool
}

func Replace() *ReplaceOptions { return &ReplaceOptions{} }

func (r *ReplaceOptions) SetUpsert(b bool) *ReplaceOptions {
	r.Upsert = &b
	return r
}
