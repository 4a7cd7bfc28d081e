package methodless

import (
	"net/http"

	"example.com/platform/idem"
	"github.com/go-chi/chi/v5"
)

func items(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		work()
	}
}

func onlyPost(w http.ResponseWriter, r *http.Request) {
	if r.Method != "POST" {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	work()
}

func read(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return
	}
}

func noBranch(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/items", items)        // want `idemhandler: POST /items is served without idempotency middleware`
	mux.HandleFunc("/only-post", onlyPost) // want `POST /only-post is served`
	mux.HandleFunc("/read", read)
	mux.HandleFunc("/no-branch", noBranch)
	mux.Handle("/protected", idem.Middleware(http.HandlerFunc(items)))
	mux.HandleFunc("/lit", func(w http.ResponseWriter, r *http.Request) { // want `PATCH /lit is served`
		if r.Method == http.MethodPatch {
			work()
			return
		}
	})

	r := chi.NewRouter()
	r.HandleFunc("/chi-items", items) // want `POST /chi-items is served`
	r.Handle("/chi-read", http.HandlerFunc(read))
	mux.Handle("/chi/", r)
	registerOrders(mux)

	http.ListenAndServe(":8080", mux)
}

// orders handles POST and PATCH: one finding names both.
func orders(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		work()
	case http.MethodPatch:
		work()
	case http.MethodDelete:
	}
}

func registerOrders(mux *http.ServeMux) {
	mux.HandleFunc("/orders", orders) // want `idemhandler: POST and PATCH /orders is served without idempotency middleware \(clients and proxies retry POST and PATCH\)`
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
