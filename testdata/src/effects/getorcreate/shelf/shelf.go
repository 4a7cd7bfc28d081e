// Package shelf is a store of books and labels: lookups by a key, inserts
// by the same key, and a record method that looks a copy up by its
// barcode and inserts it only when it is absent.
package shelf

import (
	"context"
	"database/sql"
)

type Book struct {
	ID      int64
	OwnerID int64
	ISBN    string
	Title   string
}

type Label struct {
	ID      int64
	OwnerID int64
	Name    string
}

type Copy struct {
	ID      int64
	BookID  int64
	Barcode string
}

type Shelf struct {
	db      *sql.DB
	catalog Catalog
}

func (s *Shelf) BookExists(ownerID int64, isbn string) bool {
	var ok bool
	s.db.QueryRow(`SELECT true FROM books WHERE owner_id=$1 AND isbn=$2`, ownerID, isbn).Scan(&ok)
	return ok
}

// BookBanned reads, but what it tells is not whether the book is there.
func (s *Shelf) BookBanned(ownerID int64, isbn string) bool {
	var ok bool
	s.db.QueryRow(`SELECT true FROM banned WHERE owner_id=$1 AND isbn=$2`, ownerID, isbn).Scan(&ok)
	return ok
}

func (s *Shelf) CreateBook(b *Book) error { // want CreateBook:`effects\(sql; inserts into books\)`
	return s.db.QueryRow(`INSERT INTO books (owner_id, isbn, title) VALUES ($1, $2, $3) RETURNING id`, b.OwnerID, b.ISBN, b.Title).Scan(&b.ID)
}

func (s *Shelf) LabelByName(ctx context.Context, ownerID int64, name string) (*Label, error) { // want LabelByName:`effects\(\) returns fresh`
	var l Label
	err := s.db.QueryRowContext(ctx, `SELECT id FROM labels WHERE owner_id=$1 AND name=$2`, ownerID, name).Scan(&l.ID)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return &l, err
}

func (s *Shelf) CreateLabel(ctx context.Context, ownerID int64, l *Label) (*Label, error) { // want CreateLabel:`effects\(sql; inserts into labels\)`
	_, err := s.db.ExecContext(ctx, `INSERT INTO labels (owner_id, name) VALUES ($1, $2)`, ownerID, l.Name)
	return l, err
}

// TouchLabel looks a label up and writes as it does so: not a lookup.
func (s *Shelf) TouchLabel(ownerID int64, name string) *Label { // want TouchLabel:`effects\(sql; inserts into label_reads\) returns fresh`
	s.db.Exec(`INSERT INTO label_reads (owner_id, name) VALUES ($1, $2)`, ownerID, name)
	return nil
}

func (s *Shelf) copyIDByBarcode(tx *sql.Tx, bookID int64, barcode string) int64 {
	var id int64
	tx.QueryRow(`SELECT id FROM copies WHERE book_id=$1 AND barcode=$2`, bookID, barcode).Scan(&id)
	return id
}

func (s *Shelf) insertCopy(tx *sql.Tx, c *Copy) error { // want insertCopy:`effects\(sql; inserts into copies\)`
	_, err := tx.Exec(`INSERT INTO copies (book_id, barcode) VALUES ($1, $2)`, c.BookID, c.Barcode)
	return err
}

// RecordCopy inserts the copy only when its barcode is not on the shelf
// yet: a repeat finds it.
func (s *Shelf) RecordCopy(bookID int64, c *Copy) (bool, error) { // want RecordCopy:`effects\(sql\)`
	c.BookID = bookID
	tx, err := s.db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	id := s.copyIDByBarcode(tx, c.BookID, c.Barcode)
	known := id > 0
	if known {
		c.ID = id
	} else {
		if err := s.insertCopy(tx, c); err != nil {
			return false, err
		}
	}
	return !known, tx.Commit()
}

// RecordCopyOnFound inserts on the wrong branch.
func (s *Shelf) RecordCopyOnFound(tx *sql.Tx, c *Copy) error { // want RecordCopyOnFound:`effects\(sql; inserts into copies\)`
	if id := s.copyIDByBarcode(tx, c.BookID, c.Barcode); id != 0 {
		return s.insertCopy(tx, c)
	}
	return nil
}

// RecordCopyOtherBook looks a copy up under another book than the one it
// inserts.
func (s *Shelf) RecordCopyOtherBook(tx *sql.Tx, bookID int64, c *Copy) error { // want RecordCopyOtherBook:`effects\(sql; inserts into copies\)`
	if s.copyIDByBarcode(tx, bookID, c.Barcode) == 0 {
		return s.insertCopy(tx, c)
	}
	return nil
}

// Count is business state: a counter, not a get-or-create.
func (s *Shelf) Count(tx *sql.Tx, c *Copy) error { // want Count:`effects\(sql; updates copies\)`
	if s.copyIDByBarcode(tx, c.BookID, c.Barcode) == 0 {
		_, err := tx.Exec(`UPDATE copies SET loans = loans + 1 WHERE barcode = $1`, c.Barcode)
		return err
	}
	return nil
}

// Catalog is an interface of the module: what its implementations do is
// not seen where it is called.
type Catalog interface {
	Lookup(isbn string) bool
}

// BookExistsInCatalog asks the catalog: its lookup is not seen whole.
func (s *Shelf) BookExistsInCatalog(ownerID int64, isbn string) bool { // want BookExistsInCatalog:`effects\(\) opaque pending\(1; effects\(\)\)`
	return s.catalog.Lookup(isbn)
}

func (s *Shelf) copyExists(tx *sql.Tx, c *Copy) (bool, error) {
	var ok bool
	err := tx.QueryRow(`SELECT true FROM copies WHERE book_id=$1 AND barcode=$2`, c.BookID, c.Barcode).Scan(&ok)
	return ok, err
}

// RecordCopyChecked asks whether the copy exists first; the found branch
// fails only as a read fails.
func (s *Shelf) RecordCopyChecked(tx *sql.Tx, c *Copy) error { // want RecordCopyChecked:`effects\(sql\)`
	exists, err := s.copyExists(tx, c)
	if err != nil {
		return err
	}
	if exists {
		id := s.copyIDByBarcode(tx, c.BookID, c.Barcode)
		if err := tx.QueryRow(`SELECT 1`).Err(); err != nil {
			return err
		}
		c.ID = id
	} else {
		if err := s.insertCopy(tx, c); err != nil {
			return err
		}
	}
	return nil
}

// RecordCopyStale tests a variable given another value after the lookup.
func (s *Shelf) RecordCopyStale(tx *sql.Tx, c *Copy, force bool) error { // want RecordCopyStale:`effects\(sql; inserts into copies\)`
	exists, err := s.copyExists(tx, c)
	if err != nil {
		return err
	}
	if force {
		exists = false
	}
	if !exists {
		if err := s.insertCopy(tx, c); err != nil {
			return err
		}
	}
	return nil
}
