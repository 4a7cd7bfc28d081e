package gorilla

import (
	"net/http"

	"example.com/platform/idem"
	"github.com/gorilla/mux"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

// items serves any method and branches on POST.
func items(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		work()
		return
	}
}

// read serves any method and only branches on reads.
func read(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func logging(next http.Handler) http.Handler { return next }

func main() {
	r := mux.NewRouter()
	r.Use(logging, mux.CORSMethodMiddleware(r))

	// Methods chained after the registration.
	r.HandleFunc("/v1/items", create).Methods("POST")                // want `idemhandler: POST /v1/items is served without idempotency middleware \(clients and proxies retry POST\); wrap it in idem.Middleware or exempt it with an ADR`
	r.HandleFunc("/v1/items/{id}", create).Methods(http.MethodPatch) // want `PATCH /v1/items/\{id\} is served`
	r.Handle("/v1/handle", http.HandlerFunc(create)).Methods("post") // want `POST /v1/handle is served`
	r.HandleFunc("/v1/items", create).Methods("GET")                 //
	r.HandleFunc("/v1/items/{id}", create).Methods(http.MethodPut)   //
	r.HandleFunc("/v1/items/{id}", create).Methods("DELETE")         //
	r.HandleFunc("/v1/read", create).Methods("GET", "HEAD")          //
	r.Handle("/v1/wrapped", idem.Middleware(http.HandlerFunc(create))).Methods("POST")

	// Several methods: one finding naming the first mutating method.
	r.HandleFunc("/v1/multi", create).Methods("GET", "POST")    // want `POST /v1/multi is served`
	r.HandleFunc("/v1/multi2", create).Methods("PATCH", "POST") // want `PATCH /v1/multi2 is served`
	r.HandleFunc("/v1/multi3", create).Methods("PUT", "POST")   // want `POST /v1/multi3 is served`
	r.HandleFunc("/v1/narrow", create).Methods("GET", "POST").Methods("GET")
	r.HandleFunc("/v1/never", create).Methods("POST").Methods("GET")

	// Methods set before the handler.
	r.Methods("POST").Path("/v1/before").HandlerFunc(create) // want `POST /v1/before is served`
	r.Methods("GET").Path("/v1/before").HandlerFunc(create)
	r.Path("/v1/path").Methods("PATCH").Handler(http.HandlerFunc(create))  // want `PATCH /v1/path is served`
	r.NewRoute().Path("/v1/new-route").HandlerFunc(create).Methods("POST") // want `POST /v1/new-route is served`

	// A chain over several lines, and a route kept in a variable.
	r.HandleFunc("/v1/lines", create). // want `POST /v1/lines is served`
						Methods("POST").
						Name("lines")
	rt := r.HandleFunc("/v1/later", create) // want `POST /v1/later is served`
	rt.Methods("POST")

	// No Methods: any method; the handler decides.
	r.HandleFunc("/v1/any", items) // want `POST /v1/any is served`
	r.HandleFunc("/v1/any-read", read)
	r.HandleFunc("/v1/any-plain", create)
	r.PathPrefix("/v1/files/").HandlerFunc(items) // want `POST /v1/files/ is served`

	// Routes mux never matches.
	r.HandleFunc("v1/no-slash", create).Methods("POST")
	r.HandleFunc("/v1/{broken", create).Methods("POST")
	r.HandleFunc("/v1/build-only", create).Methods("POST").BuildOnly()
	r.HandleFunc("/v1/named-twice", create).Methods("POST").Name("a").Name("b")

	// Methods not known statically.
	methods := []string{"GET"}
	r.HandleFunc("/v1/dynamic-methods", create).Methods(methods...)

	// Subrouters: paths extend the prefix; unprotected is reported.
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/orders", create).Methods("POST") // want `POST /api/orders is served`
	api.HandleFunc("/orders", create).Methods("GET")  //
	api.HandleFunc("", create).Methods("POST")        // want `POST /api is served`
	v1 := api.PathPrefix("/v1/").Subrouter()
	v1.HandleFunc("/carts", create).Methods("POST") // want `POST /api/v1/carts is served`

	// A subrouter that uses the middleware.
	papi := r.PathPrefix("/papi/").Subrouter()
	papi.Use(idem.Middleware)
	papi.HandleFunc("/orders", create).Methods("POST")
	papi.PathPrefix("/nested").Subrouter().HandleFunc("/x", create).Methods("POST")

	// Middleware used after the routes of a subrouter.
	lapi := r.PathPrefix("/lapi").Subrouter()
	lapi.HandleFunc("/orders", create).Methods("POST")
	lapi.Use(mux.MiddlewareFunc(idem.Middleware))

	// The methods of the route a subrouter is made from.
	posts := r.Methods("POST").Subrouter()
	posts.HandleFunc("/v1/sub-post", create) // want `POST /v1/sub-post is served`
	gets := r.Methods("GET").Subrouter()
	gets.HandleFunc("/v1/sub-get", create)
	host := r.Host("api.example.com").Subrouter()
	host.HandleFunc("/v1/host", create).Methods("POST") // want `POST /v1/host is served`

	// Two subrouters of one route.
	shop := r.PathPrefix("/shop").Methods("POST")
	shop.Subrouter().HandleFunc("/a", create) // want `POST /shop/a is served`
	guarded := shop.Subrouter()
	guarded.Use(idem.Middleware)
	guarded.HandleFunc("/b", create)

	// A MiddlewareFunc applied by hand.
	r.Handle("/v1/mwfunc", mux.MiddlewareFunc(idem.Middleware).Middleware(http.HandlerFunc(create))).Methods("POST")
	r.Handle("/v1/mwfunc-other", mux.MiddlewareFunc(logging).Middleware(http.HandlerFunc(create))).Methods("POST") // want `POST /v1/mwfunc-other is served`

	// A helper that configures a route.
	post(r.HandleFunc("/v1/helper", create)) // want `POST /v1/helper is served`

	// A net/http mux below a prefix.
	legacy := http.NewServeMux()
	legacy.HandleFunc("POST /x", create) // want `POST /legacy/x is served`
	r.PathPrefix("/legacy/").Handler(http.StripPrefix("/legacy", legacy))

	http.ListenAndServe(":8080", r)
}

// Use after the routes still applies to them.
func useAfter() {
	r := mux.NewRouter()
	r.HandleFunc("/v1/late", create).Methods("POST")
	r.Methods("PATCH").Path("/v1/late").HandlerFunc(create)
	r.Use(idem.Middleware)
	http.ListenAndServe(":8081", r)
}

// A parent's middleware covers its subrouters, before and after.
func parentUse() {
	r := mux.NewRouter()
	r.Use(idem.New(nil))
	before := r.PathPrefix("/before").Subrouter()
	before.HandleFunc("/x", create).Methods("POST")
	http.ListenAndServe(":8082", r)

	p := mux.NewRouter()
	sub := p.PathPrefix("/after").Subrouter()
	sub.HandleFunc("/x", create).Methods("POST")
	p.Use(idem.Middleware)
	http.ListenAndServe(":8083", p)
}

// A subrouter's middleware does not protect its parent or siblings.
func siblings() {
	r := mux.NewRouter()
	a := r.PathPrefix("/a").Subrouter()
	a.Use(idem.Middleware)
	a.HandleFunc("/x", create).Methods("POST")
	b := r.PathPrefix("/b").Subrouter()
	b.HandleFunc("/x", create).Methods("POST") // want `POST /b/x is served`
	r.HandleFunc("/c", create).Methods("POST") // want `POST /c is served`
	http.ListenAndServe(":8084", r)
}

// The whole router wrapped where it is served.
func wrappedAtServe() {
	r := mux.NewRouter()
	r.HandleFunc("/v1/wrapped", create).Methods("POST")
	http.ListenAndServe(":8085", idem.Middleware(r))
}

// A router that is never served is not reported.
func unserved() {
	r := mux.NewRouter()
	r.HandleFunc("/v1/unserved", create).Methods("POST")
}

func post(rt *mux.Route) *mux.Route { return rt.Methods(http.MethodPost) }

// A helper that registers on the router it is given.
func register(r *mux.Router) {
	r.HandleFunc("/orders", create).Methods("POST") // want `POST /bare/orders is served`
}

func helpers() {
	r := mux.NewRouter()
	safe := r.PathPrefix("/safe").Subrouter()
	safe.Use(idem.Middleware)
	register(safe)
	register(r.PathPrefix("/bare").Subrouter())
	http.ListenAndServe(":8086", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
