package visible

import (
	"net/http"
	"strings"

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
func collect(ids []string) []Order {
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

type feed struct {
	category *category
	counts   map[string]int
}

type category struct{ userID int }

// scan fills memory reached from a variable it made, and named results.
func scan() (counts map[string]int) {
	var f feed
	f.category = &category{}
	f.category.userID = 1
	counts = make(map[string]int)
	counts["read"] = 1
	return counts
}

var (
	templates = map[string]string{}
	hits      = map[string]int{}
)

// template fills a cache of values it computes from the key.
func template(name string) string {
	if t, ok := templates[name]; ok {
		return t
	}
	t := strings.ToUpper(name)
	templates[name] = t
	return t
}

// hit counts in a map every caller shares: not a cache.
func hit(name string) { // want hit:`^effects\(\) opaque$`
	n, ok := hits[name]
	if !ok {
		n = 0
	}
	hits[name] = n + 1
}

// remember writes a key it never reads.
func remember(name string) { templates[name] = name } // want remember:`^effects\(\) opaque$`

type session struct{ flash string }

type sessionKey struct{}

// sessionOf returns the session a middleware put in the request's
// context: made for this request.
func sessionOf(r *http.Request) *session { // want sessionOf:`^effects\(\) returns fresh$`
	if v := r.Context().Value(sessionKey{}); v != nil {
		if s, ok := v.(*session); ok {
			return s
		}
	}
	return nil
}

func (s *session) consume() string { // want consume:`^effects\(\) writes\(recv\)$`
	m := s.flash
	s.flash = ""
	return m
}

// flash consumes the request's session.
func flash(r *http.Request) string {
	if s := sessionOf(r); s != nil {
		return s.consume()
	}
	return ""
}

// load returns the address of a variable of its own.
func load() *Order { // want load:`^effects\(\) returns fresh$`
	var o Order
	o.ID = "1"
	return &o
}

func useLoaded() {
	o := load()
	o.Items = nil
}

// translation reads the cache into the variable it then fills it with.
func translation(lang string) string {
	t, ok := templates[lang]
	if ok {
		return t
	}
	t, err := loadFile(lang)
	if err != nil {
		return ""
	}
	templates[lang] = t
	return t
}

func loadFile(lang string) (string, error) { return strings.ToLower(lang), nil }

// dictionary fills the cache and an error in one assignment.
func dictionary(lang string) (string, error) {
	if _, ok := templates[lang]; !ok {
		var err error
		if templates[lang], err = loadFile(lang); err != nil {
			return "", err
		}
	}
	return templates[lang], nil
}

var lastErr error

// dictionaryShared fills the cache and a package variable: a near miss.
func dictionaryShared(lang string) string { // want dictionaryShared:`^effects\(\) opaque$`
	if _, ok := templates[lang]; !ok {
		templates[lang], lastErr = loadFile(lang)
	}
	return templates[lang]
}

// countTwice fills the map from itself: not a cache.
func countTwice(name string) { // want countTwice:`^effects\(\) opaque$`
	var err error
	if _, ok := hits[name]; !ok {
		hits[name], err = hits[name]+1, nil
	}
	_ = err
}

// tally reads a count into a variable it then increments.
func tally(name string) { // want tally:`^effects\(\) opaque$`
	n, _ := hits[name]
	n++
	hits[name] = n
}

// index fills elements of collections it made.
func index(ids []string) map[string]*Order { // want index:`^effects\(\) returns fresh$`
	byID := make(map[string]*Order)
	for _, id := range ids {
		byID[id] = &Order{ID: id}
	}
	for _, o := range byID {
		o.Items = nil
	}
	if o, ok := byID["x"]; ok {
		o.ID = "y"
	}
	return byID
}

// touchAll writes through the elements of what its caller gave.
func touchAll(orders []*Order) { // want touchAll:`^effects\(\) writes\(0\)$`
	for _, o := range orders {
		o.ID = ""
	}
}

// merge fills what it is given and returns it.
func merge(o *Order, id string) *Order { // want merge:`^effects\(\) writes\(0\) returns 0$`
	o.ID = id
	return o
}

// mergeOwn merges into memory it made, and keeps a part of a slice it made.
func mergeOwn() []Order {
	o := merge(&Order{}, "1")
	setID(merge(o, "2"), "3")
	all := []Order{*o, *o}
	all = all[:1]
	all[0].ID = "4"
	return all
}

// fromAny writes through a value it was handed as any, not one a
// context holds: not its own memory.
func fromAny(v any) { // want fromAny:`^effects\(\) opaque$`
	if s, ok := v.(*session); ok {
		s.flash = ""
	}
}
