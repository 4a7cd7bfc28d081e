// Package rpcclient serves POST routes whose handlers call procedures of
// another program through a generated client: each call is judged by the
// procedure's name, and a handler whose calls are all reads or naturally
// idempotent writes does not mutate.
package rpcclient

import (
	"context"
	"net/http"

	"google.golang.org/grpc"

	"example.com/gen/cartpb"
)

type frontend struct {
	conn *grpc.ClientConn
	any  grpc.ClientConnInterface
}

func owner(r *http.Request) *cartpb.Basket { return &cartpb.Basket{Owner: r.Header.Get("X-Owner")} }

// empty empties the basket and shows it again: a repeat finds it empty.
func (f *frontend) empty(w http.ResponseWriter, r *http.Request) {
	c := cartpb.NewBasketsClient(f.conn)
	if _, err := c.EmptyBasket(r.Context(), owner(r)); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	if _, err := c.GetBasket(r.Context(), owner(r)); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// clear and set: naturally idempotent verbs.
func (f *frontend) clearAndSet(w http.ResponseWriter, r *http.Request) {
	c := cartpb.NewBasketsClient(f.conn)
	c.ClearLines(r.Context(), owner(r))
	c.SetLine(r.Context(), &cartpb.Line{Owner: "o", Sku: "s", Count: 2})
}

// add adds a line: a repeat adds it twice.
func (f *frontend) add(w http.ResponseWriter, r *http.Request) {
	cartpb.NewBasketsClient(f.conn).AddLine(r.Context(), &cartpb.Line{Owner: "o", Sku: "s", Count: 1})
}

// order creates an order and charges the card.
func (f *frontend) order(w http.ResponseWriter, r *http.Request) {
	c := cartpb.NewBasketsClient(f.conn)
	c.CreateOrder(r.Context(), owner(r))
	c.ChargeCard(r.Context(), owner(r))
}

// show: Show does not read as a read, so the procedure may write.
func (f *frontend) show(w http.ResponseWriter, r *http.Request) {
	cartpb.NewBasketsClient(f.conn).ShowBasket(r.Context(), owner(r))
}

// invoke calls a procedure whose name comes from the request: not known.
func (f *frontend) invoke(w http.ResponseWriter, r *http.Request) {
	f.any.Invoke(context.Background(), r.URL.Query().Get("proc"), nil, nil)
}

func main() {
	f := &frontend{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /basket/empty", f.empty)
	mux.HandleFunc("POST /basket/reset", f.clearAndSet)
	mux.HandleFunc("POST /basket/lines", f.add)     // want `POST /basket/lines is served without idempotency middleware`
	mux.HandleFunc("POST /basket/order", f.order)   // want `POST /basket/order is served without idempotency middleware`
	mux.HandleFunc("POST /basket/show", f.show)     // want `POST /basket/show is served without idempotency middleware`
	mux.HandleFunc("POST /basket/invoke", f.invoke) // want `POST /basket/invoke is served without idempotency middleware`
	http.ListenAndServe(":8080", mux)
}
