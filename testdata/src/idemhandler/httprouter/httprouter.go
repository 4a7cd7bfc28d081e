package httprouter

import (
	"net/http"

	"example.com/platform/idem"
	"github.com/julienschmidt/httprouter"
)

func create(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { work() }

func createStd(w http.ResponseWriter, r *http.Request) { work() }

func logging(next http.Handler) http.Handler { return next }

func main() {
	router := httprouter.New()

	// Reads and naturally idempotent writes.
	router.GET("/v1/items", create)
	router.HEAD("/v1/items", create)
	router.OPTIONS("/v1/items", create)
	router.PUT("/v1/items/:id", create)
	router.DELETE("/v1/items/:id", create)

	// Bare mutating routes.
	router.POST("/v1/items", create)                                                           // want `idemhandler: POST /v1/items is served without idempotency middleware \(clients and proxies retry POST\); wrap it in idem.Middleware or exempt it with an ADR`
	router.PATCH("/v1/items/:id", create)                                                      // want `PATCH /v1/items/:id is served`
	router.POST("/v1/lit", func(w http.ResponseWriter, r *http.Request, _ httprouter.Params) { // want `POST /v1/lit is served`
		work()
	})
	router.Handle("POST", "/v1/handle", create)           // want `POST /v1/handle is served`
	router.Handle(http.MethodPatch, "/v1/handle", create) // want `PATCH /v1/handle is served`
	router.Handle("GET", "/v1/handle", httprouter.Handle(create))
	router.Handle("post", "/v1/lower", create)                                 // a method no client sends as POST
	router.Handler("POST", "/v1/handler", http.HandlerFunc(createStd))         // want `POST /v1/handler is served`
	router.HandlerFunc("PATCH", "/v1/handlerfunc", createStd)                  // want `PATCH /v1/handlerfunc is served`
	router.Handler("POST", "/v1/logged", logging(http.HandlerFunc(createStd))) // want `POST /v1/logged is served`
	router.ServeFiles("/static/*filepath", http.Dir("static"))

	// Wrapped per route.
	router.Handler("POST", "/v1/wrapped", idem.Middleware(http.HandlerFunc(createStd)))
	router.Handler(http.MethodPatch, "/v1/wrapped-new", idem.New(nil)(http.HandlerFunc(createStd)))

	http.ListenAndServe(":8080", router)
}

// The whole router wrapped where it is served.
func wrappedAtServe() {
	router := httprouter.New()
	router.POST("/v1/orders", create)
	router.PATCH("/v1/orders/:id", create)
	http.ListenAndServe(":8081", idem.Middleware(router))
}

// Wrapped in other middleware only.
func otherWrapper() {
	router := httprouter.New()
	router.POST("/v1/logged-all", create) // want `POST /v1/logged-all is served`
	srv := &http.Server{Addr: ":8082", Handler: logging(router)}
	srv.ListenAndServe()
}

// A router below a prefix of a ServeMux.
func mounted() {
	router := httprouter.New()
	router.POST("/api/x", create) // want `POST /api/x is served`
	mux := http.NewServeMux()
	mux.Handle("/api/", router)
	http.ListenAndServe(":8083", mux)
}

// Never served.
func unserved() {
	router := httprouter.New()
	router.POST("/v1/unserved", create)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
