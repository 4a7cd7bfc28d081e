// Package pantry stores the items of users' pantries.
package pantry

import "database/sql"

type Item struct {
	OwnerID int64
	SKU     string
	Name    string
}

type Pantry struct{ db *sql.DB }

func Open(db *sql.DB) *Pantry { return &Pantry{db: db} }

func (p *Pantry) ItemExists(ownerID int64, sku string) bool {
	var ok bool
	p.db.QueryRow(`SELECT true FROM items WHERE owner_id=$1 AND sku=$2`, ownerID, sku).Scan(&ok)
	return ok
}

func (p *Pantry) ItemBySKU(ownerID int64, sku string) *Item {
	var it Item
	if err := p.db.QueryRow(`SELECT name FROM items WHERE owner_id=$1 AND sku=$2`, ownerID, sku).Scan(&it.Name); err != nil {
		return nil
	}
	return &it
}

func (p *Pantry) CreateItem(it *Item) error {
	_, err := p.db.Exec(`INSERT INTO items (owner_id, sku, name) VALUES ($1, $2, $3)`, it.OwnerID, it.SKU, it.Name)
	return err
}
