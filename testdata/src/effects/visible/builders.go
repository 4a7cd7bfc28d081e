package visible

import (
	"net/http"

	"effects/buildlib"
)

// ---- writes through parameters, judged at the call ----

// respond chains setters on a builder it made: visible, no fact.
func respond(w http.ResponseWriter) {
	buildlib.New(w).WithStatus(http.StatusCreated).WithHeader("X", "1").Write()
}

// respondVar holds the builder in a variable first.
func respondVar(w http.ResponseWriter) {
	b := buildlib.New(w)
	b.WithStatus(http.StatusAccepted)
	b.Write()
}

func setID(o *Order, id string) { o.ID = id } // want setID:`^effects\(\) writes\(0\)$`

// fillLocal fills a variable of its own, through its address and through
// a pointer it made.
func fillLocal() string {
	var o Order
	setID(&o, "1")
	p := &Order{}
	setID(p, "2")
	h := map[string]string{}
	buildlib.Fill(h)
	return o.ID + p.ID
}

// fillParam passes its own parameter on: it writes through it too.
func fillParam(o *Order) { setID(o, "3") } // want fillParam:`^effects\(\) writes\(0\)$`

// fillCopy fills a copy it holds, and hands a builder it made on.
func (s *server) fillCopy() {
	o := s.orders["1"]
	setID(&o, "4")
	s.withBuilder(buildlib.New(nil))
}

// fillField writes through a pointer its receiver holds.
func (s *server) fillField() { setID(s.last, "4") } // want fillField:`^effects\(\) writes\(recv\)$`

func (s *server) withBuilder(b *buildlib.Builder) { b.WithStatus(1) } // want withBuilder:`^effects\(\) writes\(0\)$`

var lastOrder Order

// fillGlobal writes a package variable through the setter.
func fillGlobal() { setID(&lastOrder, "5") } // want fillGlobal:`^effects\(\) opaque$`

// useShared writes through a builder every caller shares.
func useShared() { buildlib.Default.WithStatus(http.StatusOK) } // want useShared:`^effects\(\) opaque$`

// fillFromCall writes through what a function it cannot judge returns.
func (s *server) fillFromCall() { setID(s.current(), "6") } // want fillFromCall:`^effects\(\) opaque$`

func (s *server) current() *Order { return s.last }

// setterAsValue hands the setter to code that may call it on anything.
func setterAsValue() func(*Order, string) { return setID } // want setterAsValue:`^effects\(\) opaque$`

// rewrite writes through its request: a handler may, the request is its
// own.
func rewrite(w http.ResponseWriter, r *http.Request) { // want rewrite:`^effects\(\) writes\(1\)$`
	r.URL.Path = "/x"
}

// respondSwitch gives its builder several values, each the builder
// itself or one it made.
func respondSwitch(w http.ResponseWriter, created bool) {
	b := buildlib.New(w).WithHeader("X", "1")
	if created {
		b = b.WithStatus(http.StatusCreated)
	}
	b.Write()
}

// collect fills the elements of a slice it built, and a zero value.
func collect(ids []string) []Order { // want collect:`^effects\(\) returns fresh$`
	orders := make([]Order, 0, len(ids))
	for _, id := range ids {
		orders = append(orders, Order{ID: id})
	}
	if len(orders) > 0 {
		orders[0].Items = []string{"first"}
	}
	var last Order
	setID(&last, "7")
	return orders
}

// collectInto fills the elements of a slice its caller gave.
func collectInto(orders []Order) { // want collectInto:`^effects\(\) writes\(0\)$`
	if len(orders) > 0 {
		orders[0].ID = "first"
	}
	orders = make([]Order, 1)
	orders[0].ID = "mine"
}

// mixed gives its builder one value it made and one every caller shares.
func mixed(w http.ResponseWriter, fresh bool) { // want mixed:`^effects\(\) opaque$`
	b := buildlib.Default
	if fresh {
		b = buildlib.New(w)
	}
	b.WithStatus(http.StatusOK)
}
