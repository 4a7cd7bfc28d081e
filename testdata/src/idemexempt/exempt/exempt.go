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

	//idem:exempt(idemretry) ADR-0042 restricted to another check // want `idemexempt: exemption ADR-0042 suppresses nothing \(no idem finding on the lines it covers\); remove it`
	r.Post("/v1/other-check", create)

	//idem:exempt ADR-0042 a read needs no exemption // want `exemption ADR-0042 suppresses nothing`
	r.Get("/v1/read", create)

	//idem:exempt the partner retries only once // want `idemexempt: exemption has no ADR id matching ADR-\[0-9\]\+; write //idem:exempt ADR-ID REASON \(an invalid exemption suppresses nothing\)`
	r.Post("/v1/no-id", create)

	//idem:exempt ADR-0042 // want `exemption has no reason; write //idem:exempt ADR-0042 REASON`
	r.Post("/v1/no-reason", create)

	//idem:exempt ADR-0099 no document for this one // want `exemption names ADR-0099, but no ADR document for it is in .*docs/adr`
	r.Post("/v1/no-document", create)

	//idem:exempt(nosuchcheck) ADR-0042 a typo in the check list // want `exemption names unknown check "nosuchcheck"`
	r.Post("/v1/unknown-check", create)

	//idem:middlewares // want `//idem:middlewares is not a known directive`
	r.Post("/v1/typo", create)

	// idem:exempt ADR-0042 written with a space // want `// idem:exempt has a space after //, so Go tools do not treat it as a directive; write //idem:exempt`
	r.Post("/v1/space", create)

	//idem:harmless // want `//idem:harmless has no reason`
	r.Post("/v1/harmless", create)

	//idem:middleware // want `//idem:middleware must annotate a function, method, type or field declaration`
	r.Post("/v1/misplaced", create)

	//idem:contract POST /v1/partner/orders // want `//idem:contract belongs in a _test.go file: it says which route a test is the contract test of`

	//idem:contract POST // want `//idem:contract has 1 words, want a method and a path`

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
