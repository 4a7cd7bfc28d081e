package exempt

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	r := chi.NewRouter()

	//idem:exempt ADR-0042 the partner sends each order once and reconciles nightly
	r.Post("/v1/partner/orders", create)

	r.Post("/v1/partner/refunds", create) //idem:exempt ADR-42 the partner reconciles refunds nightly

	//idem:exempt(handler) ADR-0042 restricted to the check it suppresses
	r.Post("/v1/restricted", create)

	//idem:exempt(idemretry) ADR-0042 restricted to another check
	r.Post("/v1/other-check", create) // want `POST /v1/other-check is served`

	//idem:exempt the partner retries only once
	r.Post("/v1/no-id", create) // want `POST /v1/no-id is served`

	//idem:exempt ADR-0042
	r.Post("/v1/no-reason", create) // want `POST /v1/no-reason is served`

	//idem:exempt ADR-0099 no document for this one
	r.Post("/v1/no-document", create) // want `POST /v1/no-document is served`

	http.ListenAndServe(":8080", r)
}

// handleAll is exempt as a whole.
//
//idem:exempt ADR-0042 legacy batch endpoints, replaced in Q3
func handleAll() {
	r := chi.NewRouter()
	r.Post("/v1/legacy/a", create)
	r.Post("/v1/legacy/b", create)
	http.ListenAndServe(":8081", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
