// Package store declares the storage the entry handlers use; the
// implementations live in packages the handlers do not import.
package store

import "context"

// Entries stores entries.
type Entries interface {
	UpdateStatus(ctx context.Context, id int64, status string) error
	Create(ctx context.Context, title string) (int64, error)
}

// Tags stores the tags of entries: two implementations, one of which
// inserts.
type Tags interface {
	SetTags(ctx context.Context, id int64, tags []string) error
}

// Notifier tells subscribers: no implementation in the module.
type Notifier interface {
	NotifyRead(ctx context.Context, id int64) error
}

// Counters counts reads: implemented in memory, in a map the store holds.
type Counters interface {
	Touch(id int64)
}

// Bookmarks is what the use case layer stores through.
type Bookmarks interface {
	DeleteBookmark(ctx context.Context, id int64) error
}
