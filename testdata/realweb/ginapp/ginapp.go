// Package ginapp registers routes on the real gin engine in the ways gin
// offers and serves them. Each expected idemhandler finding is marked by
// an analysistest expectation on its registration line; NOTES.md explains
// the cases.
package ginapp

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/platform/idem"
	"example.com/realweb/platform/idemweb"
)

// DB is the database the handlers write to.
var DB *sql.DB

// create writes a row.
func create(c *gin.Context) {
	if _, err := DB.ExecContext(c.Request.Context(), `INSERT INTO things (name) VALUES ($1)`, c.PostForm("name")); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusCreated)
}

// read only reads.
func read(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"id": c.Param("id")})
}

// things serves any method and creates on POST.
func things(c *gin.Context) {
	if c.Request.Method == http.MethodPost {
		create(c)
		return
	}
	read(c)
}

// createStd writes a row: a net/http handler.
func createStd(w http.ResponseWriter, r *http.Request) {
	if _, err := DB.ExecContext(r.Context(), `INSERT INTO things (name) VALUES ($1)`, r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// routes registers the same routes on whatever group it is given.
func routes(rg *gin.RouterGroup) {
	rg.POST("/orders", create) // want `idemhandler: POST /v2/bare/orders is served without idempotency middleware`
	rg.GET("/orders", read)
}

// NewRouter builds the engine Serve serves.
func NewRouter() *gin.Engine {
	r := gin.New()
	r.Use(gin.Logger())

	r.GET("/v1/items/:id", read)
	r.PUT("/v1/items/:id", create)
	r.DELETE("/v1/items/:id", create)

	// Before the platform middleware is Used.
	r.POST("/v1/early", create)                           // want `idemhandler: POST /v1/early is served without idempotency middleware`
	r.PATCH("/v1/early/:id", create)                      // want `idemhandler: PATCH /v1/early/:id is served without idempotency middleware`
	early := r.Group("/v1/early-group")                   // copies the chain without the middleware
	early.POST("/x", create)                              // want `idemhandler: POST /v1/early-group/x is served without idempotency middleware`
	r.Handle(http.MethodPost, "/v1/handle", create)       // want `idemhandler: POST /v1/handle is served without idempotency middleware`
	r.Any("/v1/any", things)                              // want `idemhandler: POST /v1/any is served without idempotency middleware`
	r.Any("/v1/any-read", read)                           //
	r.Match([]string{"GET", "POST"}, "/v1/match", create) // want `idemhandler: POST /v1/match is served without idempotency middleware`
	r.POST("/v1/wrapf", gin.WrapF(createStd))             // want `idemhandler: POST /v1/wrapf is served without idempotency middleware`
	r.POST("/v1/wraph", gin.WrapH(idem.Middleware(http.HandlerFunc(createStd))))

	// Handler lists.
	r.POST("/v1/chain", idemweb.Gin(), create)
	r.POST("/v1/chain-last", create, idemweb.Gin())   // want `idemhandler: POST /v1/chain-last is served without idempotency middleware`
	r.POST("/v1/chain-other", gin.Recovery(), create) // want `idemhandler: POST /v1/chain-other is served without idempotency middleware`

	// Groups.
	r.Group("/v1/with", idemweb.Gin()).POST("/x", create)
	g := r.Group("/v1/group")
	g.POST("/before", create) // want `idemhandler: POST /v1/group/before is served without idempotency middleware`
	g.Use(idemweb.Gin())
	g.POST("/after", create)
	g.Group("/sub").POST("/x", create)
	routes(r.Group("/v2/bare"))
	routes(g.Group("/v2"))

	r.Use(idemweb.Gin())

	r.POST("/v1/late", create)
	r.Group("/v1/late-group").POST("/x", create)
	early.POST("/y", create) // want `idemhandler: POST /v1/early-group/y is served without idempotency middleware`
	return r
}

// Serve serves the engine.
func Serve() error {
	return NewRouter().Run(":8080")
}

// NewDefault builds an engine with Default's middleware.
func NewDefault() *gin.Engine {
	r := gin.Default()
	r.POST("/v3/before", create) // want `idemhandler: POST /v3/before is served without idempotency middleware`
	r.Use(idemweb.Gin())
	r.POST("/v3/after", create)
	return r
}

// ServeDefault serves the engine NewDefault builds through net/http.
func ServeDefault() error {
	srv := &http.Server{Addr: ":8081", Handler: NewDefault().Handler()}
	return srv.ListenAndServe()
}
