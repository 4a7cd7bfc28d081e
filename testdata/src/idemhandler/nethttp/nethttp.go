package nethttp

import (
	"net/http"

	"example.com/platform/idem"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

type charges struct{}

func (charges) ServeHTTP(w http.ResponseWriter, r *http.Request) { work() }

func serveMux() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/payments/{id}", create)
	mux.HandleFunc("PUT /v1/payments/{id}", create)
	mux.HandleFunc("POST /v1/payments", create)                     // want `idemhandler: POST /v1/payments is served without idempotency middleware`
	mux.Handle("PATCH /v1/payments/{id}", http.HandlerFunc(create)) // want `PATCH /v1/payments/\{id\} is served`
	mux.Handle("POST /v1/charges", charges{})                       // want `POST /v1/charges is served`
	mux.Handle("POST /v1/refunds", idem.Middleware(http.HandlerFunc(create)))
	mux.Handle("POST /v1/refunds2", idem.New(nil)(&charges{}))
	mux.Handle("POST /v1/timeout", http.TimeoutHandler(http.HandlerFunc(create), 0, "")) // want `POST /v1/timeout is served`

	// A sub-tree below a prefix.
	api := http.NewServeMux()
	api.HandleFunc("POST /v1/x", create) // want `POST /api/v1/x is served`
	mux.Handle("/api/", http.StripPrefix("/api", api))

	protected := http.NewServeMux()
	protected.HandleFunc("POST /v1/x", create)
	mux.Handle("/papi/", http.StripPrefix("/papi", idem.Middleware(protected)))

	full := http.NewServeMux()
	full.HandleFunc("POST /full/x", create) // want `POST /full/x is served`
	mux.Handle("/full/", full)

	http.ListenAndServe(":8080", mux)
}

// The whole mux wrapped where it is served.
func wrappedAtServe() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/wrapped", create)
	http.ListenAndServeTLS(":8443", "c", "k", idem.Middleware(mux))
}

func serverLiteral() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/server", create) // want `POST /v1/server is served`
	srv := &http.Server{Addr: ":8080", Handler: mux}
	srv.ListenAndServe()
}

func serverLiteralWrapped() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/server-wrapped", create)
	srv := &http.Server{Addr: ":8080", Handler: idem.Middleware(mux)}
	srv.ListenAndServe()
}

func serverField() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/field", create) // want `POST /v1/field is served`
	var srv http.Server
	srv.Handler = mux
	srv.ListenAndServe()
}

func sequentialWrapping() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/seq", create)
	var h http.Handler = mux
	h = http.TimeoutHandler(h, 0, "")
	h = idem.Middleware(h)
	http.ListenAndServe(":8080", h)
}

func conditionalWrapping(enabled bool) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/cond", create) // not reported: protection depends on a flag
	var h http.Handler = mux
	if enabled {
		h = idem.Middleware(h)
	}
	http.ListenAndServe(":8080", h)
}

// The DefaultServeMux through the package-level helpers.
func defaultMux() {
	http.HandleFunc("POST /v1/default", create) // want `POST /v1/default is served`
	http.Handle("POST /v1/default-wrapped", idem.Middleware(http.HandlerFunc(create)))
	http.ListenAndServe(":8080", nil)
}

// A method value of a wrapped handler keeps the wrapping.
func methodValue() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/method-value", idem.Middleware(http.HandlerFunc(create)).ServeHTTP)
	mux.HandleFunc("POST /v1/method-value-bare", http.HandlerFunc(create).ServeHTTP) // want `POST /v1/method-value-bare is served`
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
