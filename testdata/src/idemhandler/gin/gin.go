package gin

import (
	"net/http"

	"example.com/platform/idem"
	"example.com/platform/idemweb"
	"github.com/gin-gonic/gin"
)

func create(c *gin.Context) { work() }

func read(c *gin.Context) {}

// things serves any method and creates on POST.
func things(c *gin.Context) {
	if c.Request.Method == http.MethodPost {
		create(c)
	}
}

func std(w http.ResponseWriter, r *http.Request) { work() }

// routes registers the same routes on whatever group it is given.
func routes(rg *gin.RouterGroup) {
	rg.POST("/orders", create) // want `idemhandler: POST /v2/bare/orders is served without idempotency middleware \(clients and proxies retry POST\)`
	rg.GET("/orders", read)
}

func main() {
	r := gin.New()
	r.Use(gin.Logger())

	// Reads and naturally idempotent writes.
	r.GET("/v1/items", read)
	r.PUT("/v1/items/:id", create)
	r.DELETE("/v1/items/:id", create)

	// Registered before the platform middleware is Used: gin copies the
	// chain at registration, so these are not covered.
	r.POST("/v1/early", create)            // want `POST /v1/early is served without idempotency middleware`
	r.PATCH("/v1/early/:id", create)       // want `PATCH /v1/early/:id is served without idempotency middleware`
	early := r.Group("/v1/early-group")    // created before Use: copies the chain without it
	early.POST("/x", create)               // want `POST /v1/early-group/x is served`
	r.Handle("POST", "/v1/handle", create) // want `POST /v1/handle is served`
	r.Handle("post", "/v1/handle-lower", create)
	r.Any("/v1/any", things)                              // want `POST /v1/any is served`
	r.Any("/v1/any-read", read)                           //
	r.Match([]string{"GET", "POST"}, "/v1/match", create) // want `POST /v1/match is served`
	r.Match([]string{http.MethodGet, http.MethodHead}, "/v1/match-read", create)
	r.POST("/v1/wrapf", gin.WrapF(std)) // want `POST /v1/wrapf is served`
	r.POST("/v1/wraph", gin.WrapH(idem.Middleware(http.HandlerFunc(std))))

	// Handler lists: every handler but the last is middleware.
	r.POST("/v1/chain", idemweb.Gin(), create)
	r.POST("/v1/chain-last", create, idemweb.Gin())   // want `POST /v1/chain-last is served`
	r.POST("/v1/chain-other", gin.Recovery(), create) // want `POST /v1/chain-other is served`

	// Groups with the middleware.
	r.Group("/v1/with", idemweb.Gin()).POST("/x", create)
	g := r.Group("/v1/group")
	g.POST("/before", create) // want `POST /v1/group/before is served`
	g.Use(idemweb.Gin())
	g.POST("/after", create)
	sub := g.Group("/sub")
	sub.POST("/x", create)
	routes(r.Group("/v2/bare"))
	routes(g.Group("/v2"))

	r.Use(idemweb.Gin())

	// Registered after Use: covered.
	r.POST("/v1/late", create)
	late := r.Group("/v1/late-group")
	late.POST("/x", create)
	early.POST("/y", create) // want `POST /v1/early-group/y is served`
	r.Use(gin.Recovery()).POST("/v1/chained", create)

	r.Run(":8080")
}

// served through net/http, with Default's Logger and Recovery.
func serveDefault() {
	r := gin.Default()
	r.POST("/v3/before", create) // want `POST /v3/before is served`
	r.Use(idemweb.Gin())
	r.POST("/v3/after", create)
	srv := &http.Server{Handler: r.Handler()}
	srv.ListenAndServe()
}

// never served: the chain is not complete, nothing is reported.
func unserved() {
	r := gin.New()
	r.POST("/v4/unserved", create)
}

// A router used from several functions: the order of Use and the routes
// is not known, so nothing is reported.
var api = gin.New()

func apiRoutes() { api.POST("/v5/cross", create) }

func apiMiddleware() { api.Use(idemweb.Gin()) }

func serveAPI() { http.ListenAndServe(":8081", api) }

// A function the package calls exactly once runs at its call: these
// routes are registered before the Use that follows the call.
var shared = gin.New()

func sharedRoutes() {
	shared.POST("/v6/once", create) // want `POST /v6/once is served`
}

func sharedMiddleware() { shared.Use(idemweb.Gin()) }

func serveShared() {
	sharedRoutes()
	sharedMiddleware()
	shared.POST("/v6/after", create)
	shared.Run(":8082")
}

// The same functions called the other way round: the routes come after
// the middleware.
var shared2 = gin.New()

func shared2Routes() { shared2.POST("/v6/once-after", create) }

func shared2Middleware() { shared2.Use(idemweb.Gin()) }

func serveShared2() {
	shared2Middleware()
	shared2Routes()
	shared2.Run(":8084")
}

// Called twice: where it runs is not known, nothing is reported.
var twice = gin.New()

func twiceRoutes() { twice.POST("/v7/twice", create) }

func serveTwice() {
	twiceRoutes()
	twice.Use(idemweb.Gin())
	twiceRoutes()
	twice.Run(":8083")
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
