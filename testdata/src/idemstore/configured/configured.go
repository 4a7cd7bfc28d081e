// Package configured uses a platform described by configuration only; the
// in-process store is named by its type.
package configured

import (
	"net/http"
	"time"

	"example.com/platform/idemcfg"
)

func handle(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/carts", idemcfg.New(idemcfg.NewMemoryStore())(http.HandlerFunc(handle))) // want `idemcfg.NewMemoryStore\(\) is an in-process dedup store guarding POST /v1/carts`
	mux.Handle("POST /v1/orders", idemcfg.New(&idemcfg.MemoryStore{})(http.HandlerFunc(handle)))  // want `&idemcfg.MemoryStore\{\} is an in-process dedup store guarding POST /v1/orders`
	mux.Handle("POST /v1/payments", idemcfg.New(idemcfg.NewRedisStore(nil, 72*time.Hour))(http.HandlerFunc(handle)))
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
