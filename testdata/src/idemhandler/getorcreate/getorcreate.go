// Package getorcreate serves POST routes that add items to a pantry of
// another package. A route that inserts an item only where a lookup of the
// same key found none does not mutate: a repeat finds the item and adds
// nothing. Each near miss is reported.
package getorcreate

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"idemhandler/getorcreate/pantry"
)

var store = pantry.Open(&sql.DB{})

type line struct {
	SKU, Name string
}

func lines(r *http.Request) []line {
	var ls []line
	json.NewDecoder(r.Body).Decode(&ls)
	return ls
}

const owner = 1

// stock adds the lines whose SKU the pantry does not hold yet.
func stock(w http.ResponseWriter, r *http.Request) {
	for _, l := range lines(r) {
		if store.ItemExists(owner, l.SKU) {
			continue
		}
		it := &pantry.Item{OwnerID: owner, SKU: l.SKU, Name: l.Name}
		if err := store.CreateItem(it); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// ensure creates the item when it finds none by its SKU.
func ensure(w http.ResponseWriter, r *http.Request) {
	sku := r.FormValue("sku")
	it := store.ItemBySKU(owner, sku)
	if it == nil {
		created := &pantry.Item{OwnerID: owner, SKU: sku}
		if err := store.CreateItem(created); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		it = created
	}
	json.NewEncoder(w).Encode(it)
}

// add inserts without looking.
func add(w http.ResponseWriter, r *http.Request) {
	store.CreateItem(&pantry.Item{OwnerID: owner, SKU: r.FormValue("sku")})
}

// addNew answers a conflict when the item exists: the retry of an add
// that succeeded does not get the first answer.
func addNew(w http.ResponseWriter, r *http.Request) {
	sku := r.FormValue("sku")
	if store.ItemExists(owner, sku) {
		http.Error(w, "exists", http.StatusConflict)
		return
	}
	store.CreateItem(&pantry.Item{OwnerID: owner, SKU: sku})
}

// restockOther skips on a lookup of another SKU.
func restockOther(w http.ResponseWriter, r *http.Request) {
	for _, l := range lines(r) {
		if store.ItemExists(owner, r.FormValue("replaces")) {
			continue
		}
		store.CreateItem(&pantry.Item{OwnerID: owner, SKU: l.SKU})
	}
}

// duplicate adds a second item where it found the first.
func duplicate(w http.ResponseWriter, r *http.Request) {
	sku := r.FormValue("sku")
	if it := store.ItemBySKU(owner, sku); it != nil {
		store.CreateItem(&pantry.Item{OwnerID: owner, SKU: sku, Name: it.Name + " (2)"})
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/stock", stock)
	mux.HandleFunc("POST /v1/items/ensure", ensure)
	mux.HandleFunc("POST /v1/items", add)                  // want `POST /v1/items is served`
	mux.HandleFunc("POST /v1/items/new", addNew)           // want `POST /v1/items/new is served`
	mux.HandleFunc("POST /v1/stock/replace", restockOther) // want `POST /v1/stock/replace is served`
	mux.HandleFunc("POST /v1/items/duplicate", duplicate)  // want `POST /v1/items/duplicate is served`
	http.ListenAndServe(":8080", mux)
}
