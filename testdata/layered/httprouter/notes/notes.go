// Package notes registers httprouter routes on a router its caller owns.
package notes

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

// Register adds the note routes to r.
func Register(r *httprouter.Router) {
	r.POST("/notes", create)
	r.GET("/notes/:id", show)
}

func create(w http.ResponseWriter, r *http.Request, _ httprouter.Params) { work() }

func show(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
