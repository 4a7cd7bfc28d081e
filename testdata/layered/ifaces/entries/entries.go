// Package entries registers the entry routes; it knows the stores only
// by their interfaces, which the command wires.
package entries

import (
	"net/http"
	"strconv"

	"example.com/layered/ifaces/store"
	"example.com/layered/ifaces/usecase"
)

// Handler serves entries.
type Handler struct {
	Entries   store.Entries
	Tags      store.Tags
	Notifier  store.Notifier
	Counters  store.Counters
	Bookmarks usecase.Bookmarker
}

// Routes returns the entry routes.
func (h *Handler) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /entries/{id}/read", h.markRead)   // every implementation updates by id: not mutating
	mux.HandleFunc("POST /entries", h.create)               // want `idemhandler: POST /entries is served without idempotency middleware`
	mux.HandleFunc("POST /entries/{id}/tags", h.setTags)    // want `idemhandler: POST /entries/\{id\}/tags is served without idempotency middleware`
	mux.HandleFunc("POST /entries/{id}/notify", h.notify)   // want `idemhandler: POST /entries/\{id\}/notify is served without idempotency middleware`
	mux.HandleFunc("POST /entries/{id}/touch", h.touch)     // want `idemhandler: POST /entries/\{id\}/touch is served without idempotency middleware`
	mux.HandleFunc("POST /entries/{id}/unbookmark", h.unbm) // two levels of interfaces, each deleting by id: not mutating
	mux.HandleFunc("POST /entries/{id}/archive", func(w http.ResponseWriter, r *http.Request) {
		h.status(w, r, "archived") // a literal handler, pending through a method of the package: not mutating
	})
	return mux
}

func id(r *http.Request) int64 {
	n, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return n
}

func (h *Handler) markRead(w http.ResponseWriter, r *http.Request) {
	h.status(w, r, "read")
}

func (h *Handler) status(w http.ResponseWriter, r *http.Request, status string) {
	if err := h.Entries.UpdateStatus(r.Context(), id(r), status); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	h.Entries.Create(r.Context(), r.FormValue("title"))
}

func (h *Handler) setTags(w http.ResponseWriter, r *http.Request) {
	h.Tags.SetTags(r.Context(), id(r), r.Form["tag"])
}

func (h *Handler) notify(w http.ResponseWriter, r *http.Request) {
	h.Notifier.NotifyRead(r.Context(), id(r))
}

func (h *Handler) touch(w http.ResponseWriter, r *http.Request) {
	h.Counters.Touch(id(r))
}

func (h *Handler) unbm(w http.ResponseWriter, r *http.Request) {
	h.Bookmarks.Unbookmark(r.Context(), id(r))
}
