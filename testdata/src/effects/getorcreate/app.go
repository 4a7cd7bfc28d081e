// Package getorcreate imports books into a shelf of another package: an
// insert reached only where a lookup by the same key found nothing is
// naturally idempotent; every near miss keeps the insert.
package getorcreate

import (
	"context"
	"errors"

	"effects/getorcreate/shelf"
)

type importer struct{ shelf *shelf.Shelf }

type entry struct {
	ISBN, Title, Label string
}

// Import skips the books already on the shelf and reuses labels by name.
func (im *importer) Import(ctx context.Context, ownerID int64, entries []entry) error { // want Import:`effects\(sql\)`
	for _, e := range entries {
		if im.shelf.BookExists(ownerID, e.ISBN) {
			continue
		}
		if _, err := im.label(ctx, ownerID, e.Label); err != nil {
			return err
		}
		b := &shelf.Book{OwnerID: ownerID, ISBN: e.ISBN, Title: e.Title}
		if err := im.shelf.CreateBook(b); err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) label(ctx context.Context, ownerID int64, name string) (*shelf.Label, error) { // want label:`effects\(sql\)`
	l, err := im.shelf.LabelByName(ctx, ownerID, name)
	if err != nil {
		return nil, err
	}
	if l == nil {
		l, err = im.shelf.CreateLabel(ctx, ownerID, &shelf.Label{Name: name})
		if err != nil {
			return nil, err
		}
	}
	return l, nil
}

// ImportNegated tests absence: the insert is in the if's body, after
// which both paths meet.
func (im *importer) ImportNegated(ownerID int64, e entry) error { // want ImportNegated:`effects\(sql\)`
	if !im.shelf.BookExists(ownerID, e.ISBN) {
		if err := im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN}); err != nil {
			return err
		}
	}
	return nil
}

// ---- near misses: the insert stays ----

// Unguarded inserts without looking.
func (im *importer) Unguarded(ownerID int64, e entry) error { // want Unguarded:`effects\(sql; inserts into books\)`
	return im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN})
}

// OtherKey looks up one ISBN and inserts another.
func (im *importer) OtherKey(ownerID int64, e, other entry) error { // want OtherKey:`effects\(sql; inserts into books\)`
	if im.shelf.BookExists(ownerID, other.ISBN) {
		return nil
	}
	return im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN})
}

// OtherKeyInLoop skips on a lookup of another ISBN.
func (im *importer) OtherKeyInLoop(ownerID int64, entries []entry, other string) error { // want OtherKeyInLoop:`effects\(sql; inserts into books\)`
	for _, e := range entries {
		if im.shelf.BookExists(ownerID, other) {
			continue
		}
		if err := im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN}); err != nil {
			return err
		}
	}
	return nil
}

// OnFound inserts where the lookup found the book.
func (im *importer) OnFound(ownerID int64, e entry) error { // want OnFound:`effects\(sql; inserts into books\)`
	if im.shelf.BookExists(ownerID, e.ISBN) {
		return im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN})
	}
	return nil
}

var errExists = errors.New("book exists")

// Conflict answers a repeat with an error: the retry of a create that
// succeeded does not get the first answer.
func (im *importer) Conflict(ownerID int64, e entry) error { // want Conflict:`effects\(sql; inserts into books\)`
	if im.shelf.BookExists(ownerID, e.ISBN) {
		return errExists
	}
	return im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN})
}

// ConflictOnFound creates on absence, and answers a conflict otherwise.
func (im *importer) ConflictOnFound(ctx context.Context, ownerID int64, name string) (*shelf.Label, error) { // want ConflictOnFound:`effects\(sql; inserts into labels\)`
	l, err := im.shelf.LabelByName(ctx, ownerID, name)
	if err != nil {
		return nil, err
	}
	if l == nil {
		return im.shelf.CreateLabel(ctx, ownerID, &shelf.Label{Name: name})
	}
	return nil, errExists
}

// NotALookup skips on a check that does not tell presence.
func (im *importer) NotALookup(ownerID int64, entries []entry) error { // want NotALookup:`effects\(sql; inserts into books\)`
	for _, e := range entries {
		if im.shelf.BookBanned(ownerID, e.ISBN) {
			continue
		}
		if err := im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN}); err != nil {
			return err
		}
	}
	return nil
}

// WritingLookup looks up with a function that writes.
func (im *importer) WritingLookup(ctx context.Context, ownerID int64, name string) error { // want WritingLookup:`effects\(sql; inserts into label_reads\)`
	if im.shelf.TouchLabel(ownerID, name) == nil {
		if _, err := im.shelf.CreateLabel(ctx, ownerID, &shelf.Label{Name: name}); err != nil {
			return err
		}
	}
	return nil
}

// KeyChanged assigns the key between the lookup and the insert.
func (im *importer) KeyChanged(ownerID int64, isbn string) error { // want KeyChanged:`effects\(sql; inserts into books\)`
	if !im.shelf.BookExists(ownerID, isbn) {
		isbn = isbn + "-2"
		if err := im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: isbn}); err != nil {
			return err
		}
	}
	return nil
}

// OtherShelf looks on one shelf and inserts into another.
func (im *importer) OtherShelf(other *shelf.Shelf, ownerID int64, e entry) error { // want OtherShelf:`effects\(sql; inserts into books\)`
	if !im.shelf.BookExists(ownerID, e.ISBN) {
		if err := other.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN}); err != nil {
			return err
		}
	}
	return nil
}

// InClosure inserts in a function literal the guard does not cover.
func (im *importer) InClosure(ownerID int64, e entry) (f func() error) { // want InClosure:`effects\(sql; inserts into books\)`
	if !im.shelf.BookExists(ownerID, e.ISBN) {
		f = func() error { return im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN}) }
	}
	return f
}

// OpaqueLookup skips on a lookup the model does not see whole.
func (im *importer) OpaqueLookup(ownerID int64, entries []entry) error { // want OpaqueLookup:`effects\(sql; inserts into books\)`
	for _, e := range entries {
		if im.shelf.BookExistsInCatalog(ownerID, e.ISBN) {
			continue
		}
		if err := im.shelf.CreateBook(&shelf.Book{OwnerID: ownerID, ISBN: e.ISBN}); err != nil {
			return err
		}
	}
	return nil
}

// ImportNested creates a book only when absent, with a label found, or
// made, in one branch of the body.
func (im *importer) ImportNested(ctx context.Context, ownerID int64, entries []entry) error { // want ImportNested:`effects\(sql\)`
	for _, e := range entries {
		if !im.shelf.BookExists(ownerID, e.ISBN) {
			var l *shelf.Label
			var err error
			if e.Label == "" {
				l = &shelf.Label{}
			} else {
				l, err = im.shelf.LabelByName(ctx, ownerID, e.Label)
				if err != nil {
					return err
				}
				if l == nil {
					l, err = im.shelf.CreateLabel(ctx, ownerID, &shelf.Label{Name: e.Label})
					if err != nil {
						return err
					}
				}
			}
			b := &shelf.Book{OwnerID: ownerID, ISBN: e.ISBN, Title: l.Name}
			if err := im.shelf.CreateBook(b); err != nil {
				return err
			}
		}
	}
	return nil
}

// LabelReset forgets what the lookup found before testing it.
func (im *importer) LabelReset(ctx context.Context, ownerID int64, name string, fresh bool) error { // want LabelReset:`effects\(sql; inserts into labels\)`
	l, err := im.shelf.LabelByName(ctx, ownerID, name)
	if err != nil {
		return err
	}
	if fresh {
		l = nil
	}
	if l == nil {
		if _, err := im.shelf.CreateLabel(ctx, ownerID, &shelf.Label{Name: name}); err != nil {
			return err
		}
	}
	return nil
}
