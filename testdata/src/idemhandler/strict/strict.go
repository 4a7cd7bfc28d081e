package strict

import "net/http"

func update(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /v1/items/{id}", update)    // want `PUT /v1/items/\{id\} is served without idempotency middleware \(clients and proxies retry PUT\)`
	mux.HandleFunc("DELETE /v1/items/{id}", update) // want `DELETE /v1/items/\{id\} is served`
	mux.HandleFunc("GET /v1/items/{id}", update)
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
