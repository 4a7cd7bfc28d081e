// Package usecase sits between the handlers and the store, behind an
// interface of its own: two levels of interfaces to resolve.
package usecase

import (
	"context"

	"example.com/layered/ifaces/store"
)

// Bookmarker removes bookmarks.
type Bookmarker interface {
	Unbookmark(ctx context.Context, id int64) error
}

// Bookmarks implements Bookmarker on a store.Bookmarks.
type Bookmarks struct{ Repo store.Bookmarks }

// Unbookmark deletes through the repository interface.
func (u *Bookmarks) Unbookmark(ctx context.Context, id int64) error {
	return u.Repo.DeleteBookmark(ctx, id)
}
