// Package httpapi registers the tasks service's routes on a router its
// caller owns.
package httpapi

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/layered/tasks/store"
)

// Handler serves tasks.
type Handler struct{ repo *store.Repo }

// New returns a Handler on repo.
func New(repo *store.Repo) *Handler { return &Handler{repo: repo} }

// Register adds the routes to r.
func (h *Handler) Register(r chi.Router) {
	r.Post("/tasks", h.create) // want `idemhandler: POST /tasks is served without idempotency middleware`
	r.Patch("/tasks/{id}/status", h.setStatus)
	r.Post("/tasks/{id}/reopen", h.reopen) // want `idemhandler: POST /tasks/\{id\}/reopen is served without idempotency middleware`
	r.Post("/tasks/{id}/status", h.status)
	r.Post("/tasks/{id}/archive", h.archive)
}

// archive archives by id: a repeat archives it again.
func (h *Handler) archive(w http.ResponseWriter, r *http.Request) {
	if err := h.repo.Archive(r.Context(), chi.URLParam(r, "id")); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	if err := h.repo.Create(r.Context(), r.FormValue("id"), r.FormValue("title")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// setStatus sets the status by id: a repeat sets it again.
func (h *Handler) setStatus(w http.ResponseWriter, r *http.Request) {
	if err := h.repo.SetStatus(r.Context(), chi.URLParam(r, "id"), r.FormValue("status")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// reopen counts each reopening: a repeat counts twice.
func (h *Handler) reopen(w http.ResponseWriter, r *http.Request) {
	if err := h.repo.Reopen(r.Context(), chi.URLParam(r, "id")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// status reads the status, sent as POST.
func (h *Handler) status(w http.ResponseWriter, r *http.Request) {
	s, err := h.repo.Status(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	_, _ = w.Write([]byte(s))
}
