// Command gen writes a synthetic monorepo of Go services for benchmarking
// and testing idemlint:
//
//	go run ./bench/gen -n 200 -seed 1 -out DIR
//
// DIR becomes a module, example.com/mono, that needs nothing but the
// standard library. It holds a platform idempotency package
// (platform/idem: //idem:middleware Middleware, //idem:dedup Claim), a
// shared HTTP helper package (platform/httpx), a server package
// (platform/server) and N packages. A service on net/http's ServeMux is
// laid out as real services are: its handlers and routes in a package of
// their own (api), its database/sql repository (store), and a command
// that serves the routes, built by api.NewMux, added to the command's
// own mux by api.Register, or handed to platform/server; a quarter of
// the services have a second command serving the same routes. The other
// packages, about half, are utility packages that import nothing
// idemlint cares about. Some utilities and services import other
// utilities.
//
// Mutating routes are protected in several ways (the middleware on the
// route, a local or imported wrapper of it, a protected sub-mux, a dedup
// claim in the handler, an ADR exemption) or deliberately left unprotected.
// Routes whose handlers only set values (PATCH updates, state transitions
// that set a status) are not mutating: the analysis sees their handlers
// whole. DIR/EXPECTED.txt lists exactly the unprotected mutating ones, one
//
//	relative/file.go:LINE: idemhandler: METHOD PATH
//
// line each, sorted. The output depends only on -n and -seed.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	n := flag.Int("n", 200, "number of generated packages, besides the platform packages")
	seed := flag.Uint64("seed", 1, "random seed; the output depends only on -n and -seed")
	out := flag.String("out", "", "directory to write the module to (created if missing)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	m, err := Generate(*n, *seed)
	if err != nil {
		log.Fatal(err)
	}
	if err := m.Write(*out); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d packages (%d services, %d utilities), %d files, %d expected findings to %s\n",
		m.Packages, m.Services, m.Utilities, len(m.Files), len(m.Expected), *out)
}

// ModulePath is the module path of the generated module.
const ModulePath = "example.com/mono"

// A Module is a generated module.
type Module struct {
	Files    map[string][]byte // slash-separated path relative to the module root -> contents
	Expected []string          // sorted lines of EXPECTED.txt, without newlines

	Packages, Services, Utilities int // generated package counts (platform packages excluded)
}

// Write writes the module's files and EXPECTED.txt below dir.
func (m *Module) Write(dir string) error {
	names := make([]string, 0, len(m.Files))
	for name := range m.Files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, m.Files[name], 0o644); err != nil {
			return err
		}
	}
	var b strings.Builder
	for _, e := range m.Expected {
		b.WriteString(e + "\n")
	}
	return os.WriteFile(filepath.Join(dir, "EXPECTED.txt"), []byte(b.String()), 0o644)
}

// Generate builds the module for n packages and seed.
func Generate(n int, seed uint64) (*Module, error) {
	if n < 0 {
		return nil, fmt.Errorf("-n must not be negative")
	}
	g := &generator{
		rng: rand.New(rand.NewPCG(seed, 0x1de5)),
		m:   &Module{Files: make(map[string][]byte)},
	}
	g.add("go.mod", []byte("module "+ModulePath+"\n\ngo 1.24\n"))
	if err := g.addGo("platform/idem/idem.go", idemSource, nil); err != nil {
		return nil, err
	}
	if err := g.addGo("platform/httpx/httpx.go", httpxSource, nil); err != nil {
		return nil, err
	}
	if err := g.addGo("platform/server/server.go", serverSource, nil); err != nil {
		return nil, err
	}
	// A service is three packages (api, store and a command), and every
	// fourth has a second command.
	services := n / 6
	utilities := n - 3*services - (services+3)/4
	// Utilities first, so that services can import them.
	for i := range utilities {
		if err := g.utility(i); err != nil {
			return nil, err
		}
	}
	for i := range services {
		if err := g.service(i); err != nil {
			return nil, err
		}
	}
	slices.Sort(g.m.Expected)
	g.m.Packages, g.m.Services, g.m.Utilities = 3*services+(services+3)/4+utilities, services, utilities
	return g.m, nil
}

type generator struct {
	rng   *rand.Rand
	m     *Module
	utils []string // import paths of the utilities generated so far
}

func (g *generator) add(name string, data []byte) { g.m.Files[name] = data }

// An expectation is an unprotected route: the registration is the one
// line of the file containing key.
type expectation struct {
	key, text string
}

// addGo formats src, adds it as file name and records the expected
// findings in it.
func (g *generator) addGo(name, src string, exps []expectation) error {
	out, err := format.Source([]byte(src))
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", name, err, src)
	}
	g.add(name, out)
	lines := strings.Split(string(out), "\n")
	for _, e := range exps {
		found := 0
		for i, l := range lines {
			if strings.Contains(l, e.key) {
				if found != 0 {
					return fmt.Errorf("%s: %s appears on lines %d and %d", name, e.key, found, i+1)
				}
				found = i + 1
			}
		}
		if found == 0 {
			return fmt.Errorf("%s: %s not found", name, e.key)
		}
		g.m.Expected = append(g.m.Expected, fmt.Sprintf("%s:%d: idemhandler: %s", name, found, e.text))
	}
	return nil
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

// src accumulates Go source.
type src struct{ bytes.Buffer }

func (s *src) f(format string, args ...any) { fmt.Fprintf(&s.Buffer, format+"\n", args...) }

// imports writes an import block of the sorted standard library paths,
// then the module paths.
func (s *src) imports(std, local []string) {
	slices.Sort(std)
	std = slices.Compact(std)
	slices.Sort(local)
	local = slices.Compact(local)
	s.f("import (")
	for _, p := range std {
		s.f("\t%q", p)
	}
	if len(std) > 0 && len(local) > 0 {
		s.f("")
	}
	for _, p := range local {
		s.f("\t%q", p)
	}
	s.f(")")
	s.f("")
}

// ---- platform ----

const idemSource = `// Package idem is the platform idempotency library: HTTP middleware keyed
// by the Idempotency-Key header and the shared dedup store it claims keys
// in.
package idem

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
)

// KeyHeader is the request header carrying the idempotency key.
const KeyHeader = "Idempotency-Key"

// ErrNoStore is returned by Claim before SetStore was called.
var ErrNoStore = errors.New("idem: no dedup store configured")

// A Store is the shared dedup store.
type Store struct {
	claim func(ctx context.Context, key string) (bool, error)
}

// NewStore returns a store that claims keys with claim, typically a Redis
// SET NX with the platform TTL.
func NewStore(claim func(ctx context.Context, key string) (bool, error)) *Store {
	return &Store{claim: claim}
}

// Claim claims key: true if this call claimed it, false if it was claimed
// before.
//
//idem:dedup
func (s *Store) Claim(ctx context.Context, key string) (bool, error) {
	return s.claim(ctx, "idem:"+key)
}

var shared atomic.Pointer[Store]

// SetStore sets the store used by Middleware and Claim.
func SetStore(s *Store) { shared.Store(s) }

// Claim claims key in the shared store.
//
//idem:dedup
func Claim(ctx context.Context, key string) (bool, error) {
	s := shared.Load()
	if s == nil {
		return false, ErrNoStore
	}
	return s.Claim(ctx, key)
}

// Middleware rejects a request whose Idempotency-Key was already claimed
// with 409 Conflict, and fails closed when the store is unavailable.
//
//idem:middleware
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get(KeyHeader)
		if key == "" {
			http.Error(w, "missing "+KeyHeader, http.StatusBadRequest)
			return
		}
		fresh, err := Claim(r.Context(), r.Method+" "+r.URL.Path+" "+key)
		switch {
		case err != nil:
			http.Error(w, "idempotency store unavailable", http.StatusServiceUnavailable)
			return
		case !fresh:
			http.Error(w, "duplicate request", http.StatusConflict)
			return
		}
		next.ServeHTTP(w, r)
	})
}
`

const httpxSource = `// Package httpx holds the HTTP helpers shared by the services.
package httpx

import (
	"encoding/json"
	"log"
	"net/http"
	"time"

	"example.com/mono/platform/idem"
)

// Logging logs the method, path and duration of each request.
func Logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		log.Printf("%s %s %s", r.Method, r.URL.Path, time.Since(start))
	})
}

// Protect applies the platform idempotency middleware.
func Protect(next http.Handler) http.Handler {
	return idem.Middleware(next)
}

// JSON writes v as a JSON response with the given status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("httpx: encoding response: %v", err)
	}
}
`

const serverSource = `// Package server runs the services' HTTP servers.
package server

import (
	"net/http"
	"time"

	"example.com/mono/platform/httpx"
)

// A Server serves one handler, logging every request.
type Server struct {
	srv *http.Server
}

// New returns a server of h on addr.
func New(addr string, h http.Handler) *Server {
	return &Server{srv: &http.Server{Addr: addr, Handler: httpx.Logging(h), ReadHeaderTimeout: 5 * time.Second}}
}

// Run serves until the server fails.
func (s *Server) Run() error { return s.srv.ListenAndServe() }
`

// ---- utilities ----

// Every utility exports Normalize(string) string, so that any package can
// use any utility.
var utilityKinds = []struct {
	name string
	doc  string
	body func(g *generator, s *src) []string // writes declarations, returns the standard imports
}{
	{"strutil", "string helpers", func(g *generator, s *src) []string {
		s.f("// Normalize trims s and folds it to lower case.")
		s.f("func Normalize(s string) string { return strings.ToLower(strings.TrimSpace(s)) }")
		s.f("")
		s.f("// Slug turns a title into a URL slug.")
		s.f("func Slug(title string) string {")
		s.f("\tvar b strings.Builder")
		s.f("\tdash := false")
		s.f("\tfor _, r := range Normalize(title) {")
		s.f("\t\tswitch {")
		s.f("\t\tcase unicode.IsLetter(r) || unicode.IsDigit(r):")
		s.f("\t\t\tb.WriteRune(r)")
		s.f("\t\t\tdash = false")
		s.f("\t\tcase !dash && b.Len() > 0:")
		s.f("\t\t\tb.WriteByte('-')")
		s.f("\t\t\tdash = true")
		s.f("\t\t}")
		s.f("\t}")
		s.f("\treturn strings.TrimSuffix(b.String(), \"-\")")
		s.f("}")
		s.f("")
		s.f("// Truncate shortens s to at most %d runes.", 16+g.rng.IntN(64))
		s.f("func Truncate(s string, n int) string {")
		s.f("\tr := []rune(s)")
		s.f("\tif len(r) <= n {")
		s.f("\t\treturn s")
		s.f("\t}")
		s.f("\treturn string(r[:n])")
		s.f("}")
		return []string{"strings", "unicode"}
	}},
	{"mathutil", "numeric helpers", func(g *generator, s *src) []string {
		s.f("// Normalize returns s unchanged; utilities share this signature.")
		s.f("func Normalize(s string) string { return s }")
		s.f("")
		s.f("// Clamp limits v to [lo, hi].")
		s.f("func Clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }")
		s.f("")
		s.f("// Percentile returns the p-th percentile of xs (0 <= p <= 100).")
		s.f("func Percentile(xs []float64, p float64) float64 {")
		s.f("\tif len(xs) == 0 {")
		s.f("\t\treturn math.NaN()")
		s.f("\t}")
		s.f("\tys := append([]float64(nil), xs...)")
		s.f("\tsort.Float64s(ys)")
		s.f("\ti := int(Clamp(p, 0, 100) / 100 * float64(len(ys)-1))")
		s.f("\treturn ys[i]")
		s.f("}")
		s.f("")
		s.f("// Mean returns the arithmetic mean of xs.")
		s.f("func Mean(xs []float64) float64 {")
		s.f("\tsum := 0.0")
		s.f("\tfor _, x := range xs {")
		s.f("\t\tsum += x")
		s.f("\t}")
		s.f("\treturn sum / float64(max(len(xs), 1))")
		s.f("}")
		return []string{"math", "sort"}
	}},
	{"paging", "pagination parameters", func(g *generator, s *src) []string {
		limit := 20 + 10*g.rng.IntN(8)
		s.f("// DefaultLimit is the page size when none is given.")
		s.f("const DefaultLimit = %d", limit)
		s.f("")
		s.f("// Normalize strips a leading cursor marker.")
		s.f("func Normalize(s string) string { return strings.TrimPrefix(s, \"cursor:\") }")
		s.f("")
		s.f("// Parse reads the limit and offset query parameters.")
		s.f("func Parse(limit, offset string) (int, int) {")
		s.f("\tl, err := strconv.Atoi(limit)")
		s.f("\tif err != nil || l <= 0 || l > %d {", 10*limit)
		s.f("\t\tl = DefaultLimit")
		s.f("\t}")
		s.f("\to, err := strconv.Atoi(Normalize(offset))")
		s.f("\tif err != nil || o < 0 {")
		s.f("\t\to = 0")
		s.f("\t}")
		s.f("\treturn l, o")
		s.f("}")
		return []string{"strconv", "strings"}
	}},
	{"idgen", "identifier helpers", func(g *generator, s *src) []string {
		s.f("// Normalize upper-cases an identifier.")
		s.f("func Normalize(s string) string { return strings.ToUpper(s) }")
		s.f("")
		s.f("// Derive returns a stable identifier for parts, with prefix.")
		s.f("func Derive(prefix string, parts ...string) string {")
		s.f("\th := fnv.New64a()")
		s.f("\tfor _, p := range parts {")
		s.f("\t\th.Write([]byte(p))")
		s.f("\t\th.Write([]byte{0})")
		s.f("\t}")
		s.f("\treturn prefix + \"_\" + hex.EncodeToString(h.Sum(nil))")
		s.f("}")
		return []string{"encoding/hex", "hash/fnv", "strings"}
	}},
	{"money", "monetary amounts", func(g *generator, s *src) []string {
		cur := g.pick([]string{"EUR", "USD", "GBP", "JPY", "CHF"})
		s.f("// Currency is the default currency.")
		s.f("const Currency = %q", cur)
		s.f("")
		s.f("// Amount is an amount in minor units.")
		s.f("type Amount int64")
		s.f("")
		s.f("// String formats a as major.minor.")
		s.f("func (a Amount) String() string { return fmt.Sprintf(\"%%d.%%02d %%s\", a/100, a%%100, Currency) }")
		s.f("")
		s.f("// Split divides a into n parts that add up to a.")
		s.f("func (a Amount) Split(n int) []Amount {")
		s.f("\tif n <= 0 {")
		s.f("\t\treturn nil")
		s.f("\t}")
		s.f("\tparts := make([]Amount, n)")
		s.f("\tfor i := range parts {")
		s.f("\t\tparts[i] = a / Amount(n)")
		s.f("\t}")
		s.f("\tparts[0] += a %% Amount(n)")
		s.f("\treturn parts")
		s.f("}")
		s.f("")
		s.f("// Normalize removes grouping separators from a decimal amount.")
		s.f("func Normalize(s string) string { return strings.ReplaceAll(s, \",\", \"\") }")
		return []string{"fmt", "strings"}
	}},
	{"validate", "input validation", func(g *generator, s *src) []string {
		s.f("// ErrEmpty reports a missing value.")
		s.f("var ErrEmpty = errors.New(\"value is empty\")")
		s.f("")
		s.f("// Normalize trims surrounding space.")
		s.f("func Normalize(s string) string { return strings.TrimSpace(s) }")
		s.f("")
		s.f("// Email reports whether s looks like an email address.")
		s.f("func Email(s string) bool {")
		s.f("\tat := strings.LastIndexByte(s, '@')")
		s.f("\treturn at > 0 && at < len(s)-1 && !strings.ContainsAny(s, \" \\t\")")
		s.f("}")
		s.f("")
		s.f("// Required returns ErrEmpty, named, when s is blank.")
		s.f("func Required(name, s string) error {")
		s.f("\tif Normalize(s) == \"\" {")
		s.f("\t\treturn fmt.Errorf(\"%%s: %%w\", name, ErrEmpty)")
		s.f("\t}")
		s.f("\treturn nil")
		s.f("}")
		return []string{"errors", "fmt", "strings"}
	}},
	{"timeutil", "time helpers", func(g *generator, s *src) []string {
		s.f("// Layout is the timestamp layout of the APIs.")
		s.f("const Layout = time.RFC3339")
		s.f("")
		s.f("// Normalize reformats a timestamp in UTC, or returns it unchanged.")
		s.f("func Normalize(s string) string {")
		s.f("\tt, err := time.Parse(Layout, s)")
		s.f("\tif err != nil {")
		s.f("\t\treturn s")
		s.f("\t}")
		s.f("\treturn t.UTC().Format(Layout)")
		s.f("}")
		s.f("")
		s.f("// StartOfDay returns midnight of t's day in t's location.")
		s.f("func StartOfDay(t time.Time) time.Time {")
		s.f("\ty, m, d := t.Date()")
		s.f("\treturn time.Date(y, m, d, 0, 0, 0, 0, t.Location())")
		s.f("}")
		s.f("")
		s.f("// Window reports whether t lies in [from, from+d).")
		s.f("func Window(t, from time.Time, d time.Duration) bool {")
		s.f("\treturn !t.Before(from) && t.Before(from.Add(d))")
		s.f("}")
		return []string{"time"}
	}},
	{"sets", "generic collections", func(g *generator, s *src) []string {
		s.f("// Set is a set of comparable values.")
		s.f("type Set[T comparable] map[T]struct{}")
		s.f("")
		s.f("// Of returns a set holding xs.")
		s.f("func Of[T comparable](xs ...T) Set[T] {")
		s.f("\ts := make(Set[T], len(xs))")
		s.f("\tfor _, x := range xs {")
		s.f("\t\ts[x] = struct{}{}")
		s.f("\t}")
		s.f("\treturn s")
		s.f("}")
		s.f("")
		s.f("// Has reports whether x is in s.")
		s.f("func (s Set[T]) Has(x T) bool { _, ok := s[x]; return ok }")
		s.f("")
		s.f("// Sorted returns the elements of s in order.")
		s.f("func Sorted[T cmp.Ordered](s Set[T]) []T { return slices.Sorted(maps.Keys(s)) }")
		s.f("")
		s.f("// Normalize returns s unchanged; utilities share this signature.")
		s.f("func Normalize(s string) string { return s }")
		return []string{"cmp", "maps", "slices"}
	}},
}

// utility writes utility package i.
func (g *generator) utility(i int) error {
	kind := utilityKinds[g.rng.IntN(len(utilityKinds))]
	name := fmt.Sprintf("%s%d", kind.name, i)
	path := "internal/" + name
	dep := ""
	if len(g.utils) > 0 && g.chance(0.4) {
		dep = g.pick(g.utils)
	}
	var body src
	std := kind.body(g, &body)
	var local []string
	if dep != "" {
		local = append(local, ModulePath+"/"+dep)
		body.f("")
		body.f("// NormalizeAll normalizes every element of xs, first as %s does.", filepath.Base(dep))
		body.f("func NormalizeAll(xs []string) []string {")
		body.f("\tout := make([]string, len(xs))")
		body.f("\tfor i, x := range xs {")
		body.f("\t\tout[i] = Normalize(%s.Normalize(x))", filepath.Base(dep))
		body.f("\t}")
		body.f("\treturn out")
		body.f("}")
	}
	var s src
	s.f("// Package %s provides %s.", name, kind.doc)
	s.f("package %s", name)
	s.f("")
	s.imports(std, local)
	s.Write(body.Bytes())
	if err := g.addGo(path+"/"+name+".go", s.String(), nil); err != nil {
		return err
	}
	if g.chance(0.3) {
		var t src
		t.f("package %s", name)
		t.f("")
		t.imports([]string{"testing"}, nil)
		t.f("func TestNormalizeIdempotent(t *testing.T) {")
		t.f("\tfor _, s := range []string{\"\", \" a \", \"B\", \"cursor:7\", \"1,000\"} {")
		t.f("\t\tif once, twice := Normalize(s), Normalize(Normalize(s)); once != twice {")
		t.f("\t\t\tt.Errorf(\"Normalize(%%q) = %%q, but Normalize of that is %%q\", s, once, twice)")
		t.f("\t\t}")
		t.f("\t}")
		t.f("}")
		if err := g.addGo(path+"/"+name+"_test.go", t.String(), nil); err != nil {
			return err
		}
	}
	g.utils = append(g.utils, path)
	return nil
}

// ---- services ----

type resource struct {
	plural, singular, typ string
}

var resources = []resource{
	{"orders", "order", "Order"}, {"payments", "payment", "Payment"}, {"invoices", "invoice", "Invoice"},
	{"carts", "cart", "Cart"}, {"customers", "customer", "Customer"}, {"shipments", "shipment", "Shipment"},
	{"refunds", "refund", "Refund"}, {"subscriptions", "subscription", "Subscription"}, {"coupons", "coupon", "Coupon"},
	{"reviews", "review", "Review"}, {"tickets", "ticket", "Ticket"}, {"accounts", "account", "Account"},
	{"profiles", "profile", "Profile"}, {"devices", "device", "Device"}, {"reports", "report", "Report"},
	{"plans", "plan", "Plan"}, {"addresses", "address", "Address"}, {"products", "product", "Product"},
	{"vendors", "vendor", "Vendor"}, {"campaigns", "campaign", "Campaign"}, {"members", "member", "Member"},
	{"projects", "project", "Project"}, {"tasks", "task", "Task"}, {"documents", "document", "Document"},
	{"quotes", "quote", "Quote"}, {"returns", "return", "Return"}, {"transfers", "transfer", "Transfer"},
}

var serviceWords = []string{"checkout", "billing", "catalog", "fulfilment", "identity", "support", "growth", "ledger", "partner", "warehouse", "loyalty", "pricing"}

var actions = []string{"cancel", "approve", "archive", "restore", "submit", "close"}

// A field is an extra column of a resource.
type field struct{ name, typ, col, sample string }

var fieldPool = []field{
	{"Name", "string", "name", `"n"`}, {"Amount", "int64", "amount", "100"}, {"Email", "string", "email", `"a@b.c"`},
	{"Quantity", "int", "quantity", "1"}, {"Currency", "string", "currency", `"EUR"`}, {"Title", "string", "title", `"t"`},
}

// protection is how a mutating route is registered.
type protection int

const (
	plain  protection = iota // unprotected
	logged                   // wrapped in non-platform middleware only: unprotected
	exempt                   // unprotected but exempted with an ADR
	direct                   // idem.Middleware on the route
	local                    // a local wrapper of idem.Middleware
	shared                   // httpx.Protect, derived from idem.Middleware in another package
	claim                    // the handler claims a dedup key itself
)

var protectionWeights = []struct {
	p protection
	w int
}{{plain, 20}, {logged, 10}, {exempt, 5}, {direct, 25}, {local, 10}, {shared, 15}, {claim, 15}}

func (g *generator) protection() protection {
	n := g.rng.IntN(100)
	for _, pw := range protectionWeights {
		if n < pw.w {
			return pw.p
		}
		n -= pw.w
	}
	return plain
}

// svc is the state of one service being generated.
type svc struct {
	name, dir string
	res       []resource
	fields    map[string][]field
	util      string          // import path of a utility the handlers use, or ""
	claims    map[string]bool // handlers that claim a dedup key
	has       map[string]bool // optional handlers: "action:NAME", "notes:TYPE"

	exps     []expectation
	usesIdem bool
	usesX    bool
	usesProt bool
	adr      int
}

func (g *generator) service(i int) error {
	sv := &svc{
		name:   fmt.Sprintf("%s%d", g.pick(serviceWords), i),
		fields: make(map[string][]field),
		claims: make(map[string]bool),
		has:    make(map[string]bool),
	}
	sv.dir = "services/" + sv.name
	perm := g.rng.Perm(len(resources))
	for _, k := range perm[:2+g.rng.IntN(3)] {
		r := resources[k]
		sv.res = append(sv.res, r)
		fp := g.rng.Perm(len(fieldPool))
		for _, j := range fp[:1+g.rng.IntN(2)] {
			sv.fields[r.plural] = append(sv.fields[r.plural], fieldPool[j])
		}
		slices.SortFunc(sv.fields[r.plural], func(a, b field) int { return strings.Compare(a.name, b.name) })
	}
	if len(g.utils) > 0 && g.chance(0.6) {
		sv.util = g.pick(g.utils)
	}
	if err := g.store(sv); err != nil {
		return err
	}
	if err := g.routes(sv); err != nil {
		return err
	}
	if err := g.handlers(sv); err != nil {
		return err
	}
	if err := g.serviceMain(sv, i); err != nil {
		return err
	}
	if i%4 == 0 {
		return g.adminMain(sv)
	}
	return nil
}

// store writes the repository package of sv.
func (g *generator) store(sv *svc) error {
	var s src
	s.f("// Package store is the persistence layer of the %s service.", sv.name)
	s.f("package store")
	s.f("")
	s.imports([]string{"context", "database/sql", "errors", "time"}, nil)
	s.f("// ErrNotFound is returned when no row matches.")
	s.f("var ErrNotFound = errors.New(\"not found\")")
	s.f("")
	s.f("// Repo reads and writes the %s database.", sv.name)
	s.f("type Repo struct {")
	s.f("\tdb *sql.DB")
	s.f("}")
	s.f("")
	s.f("// New returns a Repo using db.")
	s.f("func New(db *sql.DB) *Repo { return &Repo{db: db} }")
	for _, r := range sv.res {
		fs := sv.fields[r.plural]
		cols := []string{"id", "status"}
		scan := []string{"&x.ID", "&x.Status"}
		args := []string{"x.ID", "x.Status"}
		for _, f := range fs {
			cols = append(cols, f.col)
			scan = append(scan, "&x."+f.name)
			args = append(args, "x."+f.name)
		}
		scan = append(scan, "&x.UpdatedAt")
		ph := make([]string, len(cols))
		set := make([]string, 0, len(cols))
		for i, c := range cols {
			ph[i] = fmt.Sprintf("$%d", i+1)
			if i > 0 {
				set = append(set, c+" = excluded."+c)
			}
		}
		colList := strings.Join(cols, ", ")
		s.f("")
		s.f("// %s is a row of the %s table.", r.typ, r.plural)
		s.f("type %s struct {", r.typ)
		s.f("\tID string `json:\"id\"`")
		s.f("\tStatus string `json:\"status\"`")
		for _, f := range fs {
			s.f("\t%s %s `json:\"%s\"`", f.name, f.typ, f.col)
		}
		s.f("\tUpdatedAt time.Time `json:\"updated_at\"`")
		s.f("}")
		s.f("")
		s.f("// Create%s inserts x.", r.typ)
		s.f("func (r *Repo) Create%s(ctx context.Context, x %s) error {", r.typ, r.typ)
		s.f("\t_, err := r.db.ExecContext(ctx, `INSERT INTO %s (%s, updated_at) VALUES (%s, now())`, %s)", r.plural, colList, strings.Join(ph, ", "), strings.Join(args, ", "))
		s.f("\treturn err")
		s.f("}")
		s.f("")
		s.f("// Get%s returns the %s with id.", r.typ, r.singular)
		s.f("func (r *Repo) Get%s(ctx context.Context, id string) (%s, error) {", r.typ, r.typ)
		s.f("\tvar x %s", r.typ)
		s.f("\terr := r.db.QueryRowContext(ctx, `SELECT %s, updated_at FROM %s WHERE id = $1`, id).Scan(%s)", colList, r.plural, strings.Join(scan, ", "))
		s.f("\tif errors.Is(err, sql.ErrNoRows) {")
		s.f("\t\treturn x, ErrNotFound")
		s.f("\t}")
		s.f("\treturn x, err")
		s.f("}")
		s.f("")
		s.f("// List%s returns up to limit %s, newest first.", strings.ToUpper(r.plural[:1])+r.plural[1:], r.plural)
		s.f("func (r *Repo) List%s(ctx context.Context, limit, offset int) ([]%s, error) {", strings.ToUpper(r.plural[:1])+r.plural[1:], r.typ)
		s.f("\trows, err := r.db.QueryContext(ctx, `SELECT %s, updated_at FROM %s ORDER BY updated_at DESC LIMIT $1 OFFSET $2`, limit, offset)", colList, r.plural)
		s.f("\tif err != nil {")
		s.f("\t\treturn nil, err")
		s.f("\t}")
		s.f("\tdefer rows.Close()")
		s.f("\tvar out []%s", r.typ)
		s.f("\tfor rows.Next() {")
		s.f("\t\tvar x %s", r.typ)
		s.f("\t\tif err := rows.Scan(%s); err != nil {", strings.Join(scan, ", "))
		s.f("\t\t\treturn nil, err")
		s.f("\t\t}")
		s.f("\t\tout = append(out, x)")
		s.f("\t}")
		s.f("\treturn out, rows.Err()")
		s.f("}")
		s.f("")
		s.f("// Update%s updates the columns of x.", r.typ)
		s.f("func (r *Repo) Update%s(ctx context.Context, x %s) error {", r.typ, r.typ)
		upd := make([]string, 0, len(cols)-1)
		for i, c := range cols[1:] {
			upd = append(upd, fmt.Sprintf("%s = $%d", c, i+2))
		}
		s.f("\tres, err := r.db.ExecContext(ctx, `UPDATE %s SET %s, updated_at = now() WHERE id = $1`, %s)", r.plural, strings.Join(upd, ", "), strings.Join(args, ", "))
		s.f("\tif err != nil {")
		s.f("\t\treturn err")
		s.f("\t}")
		s.f("\tif n, err := res.RowsAffected(); err == nil && n == 0 {")
		s.f("\t\treturn ErrNotFound")
		s.f("\t}")
		s.f("\treturn err")
		s.f("}")
		s.f("")
		s.f("// Put%s inserts or replaces x.", r.typ)
		s.f("func (r *Repo) Put%s(ctx context.Context, x %s) error {", r.typ, r.typ)
		s.f("\t_, err := r.db.ExecContext(ctx, `INSERT INTO %s (%s, updated_at) VALUES (%s, now()) ON CONFLICT (id) DO UPDATE SET %s, updated_at = now()`, %s)", r.plural, colList, strings.Join(ph, ", "), strings.Join(set, ", "), strings.Join(args, ", "))
		s.f("\treturn err")
		s.f("}")
		s.f("")
		s.f("// Delete%s deletes the %s with id.", r.typ, r.singular)
		s.f("func (r *Repo) Delete%s(ctx context.Context, id string) error {", r.typ)
		s.f("\t_, err := r.db.ExecContext(ctx, `DELETE FROM %s WHERE id = $1`, id)", r.plural)
		s.f("\treturn err")
		s.f("}")
		s.f("")
		s.f("// Set%sStatus moves the %s with id to status.", r.typ, r.singular)
		s.f("func (r *Repo) Set%sStatus(ctx context.Context, id, status string) error {", r.typ)
		s.f("\t_, err := r.db.ExecContext(ctx, `UPDATE %s SET status = $2, updated_at = now() WHERE id = $1`, id, status)", r.plural)
		s.f("\treturn err")
		s.f("}")
		s.f("")
		s.f("// Add%sNote appends a note to the %s with id.", r.typ, r.singular)
		s.f("func (r *Repo) Add%sNote(ctx context.Context, id, note string) error {", r.typ)
		s.f("\t_, err := r.db.ExecContext(ctx, `INSERT INTO %s_notes (%s_id, note) VALUES ($1, $2)`, id, note)", r.singular, r.singular)
		s.f("\treturn err")
		s.f("}")
		s.f("")
		s.f("// %sNotes returns the notes of the %s with id.", r.typ, r.singular)
		s.f("func (r *Repo) %sNotes(ctx context.Context, id string) ([]string, error) {", r.typ)
		s.f("\trows, err := r.db.QueryContext(ctx, `SELECT note FROM %s_notes WHERE %s_id = $1 ORDER BY id`, id)", r.singular, r.singular)
		s.f("\tif err != nil {")
		s.f("\t\treturn nil, err")
		s.f("\t}")
		s.f("\tdefer rows.Close()")
		s.f("\tvar notes []string")
		s.f("\tfor rows.Next() {")
		s.f("\t\tvar n string")
		s.f("\t\tif err := rows.Scan(&n); err != nil {")
		s.f("\t\t\treturn nil, err")
		s.f("\t\t}")
		s.f("\t\tnotes = append(notes, n)")
		s.f("\t}")
		s.f("\treturn notes, rows.Err()")
		s.f("}")
	}
	return g.addGo(sv.dir+"/store/store.go", s.String(), nil)
}

// mutating writes the registration of a route with a mutating method on
// mux and records whether it is expected to be reported: unprotected, and
// its handler's writes are not all naturally idempotent (idempotent: the
// analysis sees that they are, and the route does not mutate).
func (g *generator) mutating(sv *svc, s *src, mux, method, path, handler string, idempotent bool) {
	pattern := fmt.Sprintf("%q", method+" "+path)
	p := g.protection()
	if idempotent && p == exempt {
		p = plain // an exemption of a route that does not mutate suppresses nothing
	}
	switch p {
	case plain:
		s.f("\t%s.HandleFunc(%s, h.%s)", mux, pattern, handler)
	case logged:
		sv.usesX = true
		s.f("\t%s.Handle(%s, httpx.Logging(http.HandlerFunc(h.%s)))", mux, pattern, handler)
	case exempt:
		sv.adr++
		s.f("\t//idem:exempt ADR-%04d partner clients send a request id that the %s store deduplicates", 100+sv.adr, sv.name)
		s.f("\t%s.HandleFunc(%s, h.%s)", mux, pattern, handler)
	case direct:
		sv.usesIdem = true
		s.f("\t%s.Handle(%s, idem.Middleware(http.HandlerFunc(h.%s)))", mux, pattern, handler)
	case local:
		sv.usesProt = true
		s.f("\t%s.Handle(%s, protect(h.%s))", mux, pattern, handler)
	case shared:
		sv.usesX = true
		s.f("\t%s.Handle(%s, httpx.Protect(http.HandlerFunc(h.%s)))", mux, pattern, handler)
	case claim:
		sv.claims[handler] = true
		s.f("\t%s.HandleFunc(%s, h.%s)", mux, pattern, handler)
	}
	if (p == plain || p == logged) && !idempotent {
		sv.exps = append(sv.exps, expectation{key: pattern, text: method + " " + path})
	}
}

// resourceRoutes writes the routes of r on mux.
func (g *generator) resourceRoutes(sv *svc, s *src, r resource) {
	base := "/v1/" + r.plural
	item := base + "/{id}"
	s.f("\tmux.HandleFunc(%q, h.list%s)", "GET "+base, strings.ToUpper(r.plural[:1])+r.plural[1:])
	s.f("\tmux.HandleFunc(%q, h.get%s)", "GET "+item, r.typ)
	g.mutating(sv, s, "mux", "POST", base, "create"+r.typ, false)
	g.mutating(sv, s, "mux", "PATCH", item, "patch"+r.typ, true) // UPDATE ... SET
	s.f("\tmux.HandleFunc(%q, h.put%s)", "PUT "+item, r.typ)
	s.f("\tmux.HandleFunc(%q, h.delete%s)", "DELETE "+item, r.typ)
	if g.chance(0.5) {
		// State transitions.
		acts := g.rng.Perm(len(actions))[:1+g.rng.IntN(2)]
		slices.Sort(acts)
		if g.chance(0.7) {
			sv.usesIdem = true
			s.f("")
			s.f("\t// State transitions are deduplicated as a whole.")
			s.f("\t%sWrites := http.NewServeMux()", r.singular)
			for _, a := range acts {
				s.f("\t%sWrites.HandleFunc(%q, h.%s%s)", r.singular, "POST "+item+"/"+actions[a], actions[a], r.typ)
			}
			s.f("\tmux.Handle(%q, idem.Middleware(%sWrites))", item+"/", r.singular)
		} else {
			// Not reported: the handler only sets a status (UPDATE ...
			// SET status), naturally idempotent.
			for _, a := range acts {
				s.f("\tmux.HandleFunc(%q, h.%s%s)", "POST "+item+"/"+actions[a], actions[a], r.typ)
			}
		}
		for _, a := range acts {
			sv.has["action:"+actions[a]+r.typ] = true
		}
	}
	if g.chance(0.4) {
		// Notes: one route for every method; the handler branches.
		pattern := fmt.Sprintf("%q", item+"/notes")
		s.f("\tmux.HandleFunc(%s, h.%sNotes)", pattern, r.singular)
		sv.exps = append(sv.exps, expectation{key: pattern, text: "POST " + item + "/notes"})
		sv.has["notes:"+r.typ] = true
	}
}

// routes writes the router of sv, and records which handlers the routes
// need and how.
func (g *generator) routes(sv *svc) error {
	var body, helpers src
	body.f("// NewMux returns the %s API on a mux of its own.", sv.name)
	body.f("func NewMux(h *Handlers) *http.ServeMux {")
	body.f("\tmux := http.NewServeMux()")
	body.f("\tRegister(mux, h)")
	body.f("\treturn mux")
	body.f("}")
	body.f("")
	body.f("// Register adds the %s API to mux.", sv.name)
	body.f("func Register(mux *http.ServeMux, h *Handlers) {")
	body.f("\tmux.HandleFunc(\"/healthz\", health)")
	for _, r := range sv.res {
		if g.chance(0.5) {
			body.f("\tregister%s(mux, h)", r.typ)
			helpers.f("")
			helpers.f("// register%s adds the %s routes to mux.", r.typ, r.plural)
			helpers.f("func register%s(mux *http.ServeMux, h *Handlers) {", r.typ)
			g.resourceRoutes(sv, &helpers, r)
			helpers.f("}")
		} else {
			body.f("")
			body.f("\t// %s", strings.ToUpper(r.plural[:1])+r.plural[1:])
			g.resourceRoutes(sv, &body, r)
		}
	}
	body.f("}")
	body.Write(helpers.Bytes())
	if sv.usesProt {
		body.f("")
		body.f("// protect wraps a handler in the platform idempotency middleware.")
		body.f("func protect(h http.HandlerFunc) http.Handler { return idem.Middleware(h) }")
		sv.usesIdem = true
	}
	var local []string
	if sv.usesIdem {
		local = append(local, ModulePath+"/platform/idem")
	}
	if sv.usesX {
		local = append(local, ModulePath+"/platform/httpx")
	}
	var s src
	s.f("// Package api serves the %s API.", sv.name)
	s.f("package api")
	s.f("")
	s.imports([]string{"net/http"}, local)
	s.Write(body.Bytes())
	return g.addGo(sv.dir+"/api/routes.go", s.String(), sv.exps)
}

// handlers writes the handlers of sv.
func (g *generator) handlers(sv *svc) error {
	std := []string{"encoding/json", "errors", "net/http"}
	local := []string{ModulePath + "/" + sv.dir + "/store"}
	normalize := func(x string) string { return x }
	if sv.util != "" {
		local = append(local, ModulePath+"/"+sv.util)
		name := filepath.Base(sv.util)
		normalize = func(x string) string { return name + ".Normalize(" + x + ")" }
	}
	var s src // the declarations; the imports depend on them
	usesIdem := false
	s.f("// Handlers serves the %s API.", sv.name)
	s.f("type Handlers struct {")
	s.f("\trepo *store.Repo")
	s.f("}")
	s.f("")
	s.f("// NewHandlers returns the handlers of the API, on repo.")
	s.f("func NewHandlers(repo *store.Repo) *Handlers { return &Handlers{repo: repo} }")
	s.f("")
	s.f("func health(w http.ResponseWriter, r *http.Request) {")
	s.f("\tw.Header().Set(\"Content-Type\", \"text/plain\")")
	s.f("\tw.Write([]byte(\"ok\\n\"))")
	s.f("}")
	s.f("")
	s.f("// fail writes err with the status it calls for.")
	s.f("func fail(w http.ResponseWriter, err error) {")
	s.f("\tswitch {")
	s.f("\tcase errors.Is(err, store.ErrNotFound):")
	s.f("\t\thttp.Error(w, err.Error(), http.StatusNotFound)")
	s.f("\tdefault:")
	s.f("\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)")
	s.f("\t}")
	s.f("}")
	s.f("")
	s.f("func reply(w http.ResponseWriter, status int, v any) {")
	s.f("\tw.Header().Set(\"Content-Type\", \"application/json\")")
	s.f("\tw.WriteHeader(status)")
	s.f("\tjson.NewEncoder(w).Encode(v)")
	s.f("}")
	claimPrologue := func() {
		usesIdem = true
		s.f("\tfresh, err := idem.Claim(r.Context(), r.Header.Get(idem.KeyHeader))")
		s.f("\tif err != nil {")
		s.f("\t\thttp.Error(w, \"idempotency store unavailable\", http.StatusServiceUnavailable)")
		s.f("\t\treturn")
		s.f("\t}")
		s.f("\tif !fresh {")
		s.f("\t\thttp.Error(w, \"duplicate request\", http.StatusConflict)")
		s.f("\t\treturn")
		s.f("\t}")
	}
	for _, r := range sv.res {
		plural := strings.ToUpper(r.plural[:1]) + r.plural[1:]
		s.f("")
		s.f("func (h *Handlers) list%s(w http.ResponseWriter, r *http.Request) {", plural)
		s.f("\tlimit, offset := 50, 0")
		s.f("\tif v := r.URL.Query().Get(\"limit\"); v != \"\" {")
		s.f("\t\tif n, err := strconv.Atoi(v); err == nil && n > 0 && n <= 500 {")
		s.f("\t\t\tlimit = n")
		s.f("\t\t}")
		s.f("\t}")
		s.f("\tif v := r.URL.Query().Get(\"offset\"); v != \"\" {")
		s.f("\t\toffset, _ = strconv.Atoi(v)")
		s.f("\t}")
		s.f("\txs, err := h.repo.List%s(r.Context(), limit, offset)", plural)
		s.f("\tif err != nil {")
		s.f("\t\tfail(w, err)")
		s.f("\t\treturn")
		s.f("\t}")
		s.f("\treply(w, http.StatusOK, xs)")
		s.f("}")
		s.f("")
		s.f("func (h *Handlers) get%s(w http.ResponseWriter, r *http.Request) {", r.typ)
		s.f("\tx, err := h.repo.Get%s(r.Context(), %s)", r.typ, normalize(`r.PathValue("id")`))
		s.f("\tif err != nil {")
		s.f("\t\tfail(w, err)")
		s.f("\t\treturn")
		s.f("\t}")
		s.f("\treply(w, http.StatusOK, x)")
		s.f("}")
		writeHandler := func(name, call, status string, withID bool) {
			s.f("")
			s.f("func (h *Handlers) %s(w http.ResponseWriter, r *http.Request) {", name)
			if sv.claims[name] {
				claimPrologue()
			}
			s.f("\tvar x store.%s", r.typ)
			s.f("\tif err := json.NewDecoder(r.Body).Decode(&x); err != nil {")
			s.f("\t\thttp.Error(w, err.Error(), http.StatusBadRequest)")
			s.f("\t\treturn")
			s.f("\t}")
			if withID {
				s.f("\tx.ID = %s", normalize(`r.PathValue("id")`))
			}
			s.f("\tif err := h.repo.%s(r.Context(), x); err != nil {", call)
			s.f("\t\tfail(w, err)")
			s.f("\t\treturn")
			s.f("\t}")
			s.f("\treply(w, %s, x)", status)
			s.f("}")
		}
		writeHandler("create"+r.typ, "Create"+r.typ, "http.StatusCreated", false)
		writeHandler("patch"+r.typ, "Update"+r.typ, "http.StatusOK", true)
		writeHandler("put"+r.typ, "Put"+r.typ, "http.StatusOK", true)
		s.f("")
		s.f("func (h *Handlers) delete%s(w http.ResponseWriter, r *http.Request) {", r.typ)
		s.f("\tif err := h.repo.Delete%s(r.Context(), r.PathValue(\"id\")); err != nil {", r.typ)
		s.f("\t\tfail(w, err)")
		s.f("\t\treturn")
		s.f("\t}")
		s.f("\tw.WriteHeader(http.StatusNoContent)")
		s.f("}")
		for _, a := range actions {
			if !sv.has["action:"+a+r.typ] {
				continue
			}
			s.f("")
			s.f("func (h *Handlers) %s%s(w http.ResponseWriter, r *http.Request) {", a, r.typ)
			s.f("\tif err := h.repo.Set%sStatus(r.Context(), r.PathValue(\"id\"), %q); err != nil {", r.typ, a+"d")
			s.f("\t\tfail(w, err)")
			s.f("\t\treturn")
			s.f("\t}")
			s.f("\tw.WriteHeader(http.StatusNoContent)")
			s.f("}")
		}
		if sv.has["notes:"+r.typ] {
			s.f("")
			s.f("func (h *Handlers) %sNotes(w http.ResponseWriter, r *http.Request) {", r.singular)
			s.f("\tid := r.PathValue(\"id\")")
			s.f("\tswitch r.Method {")
			s.f("\tcase http.MethodGet:")
			s.f("\t\tnotes, err := h.repo.%sNotes(r.Context(), id)", r.typ)
			s.f("\t\tif err != nil {")
			s.f("\t\t\tfail(w, err)")
			s.f("\t\t\treturn")
			s.f("\t\t}")
			s.f("\t\treply(w, http.StatusOK, notes)")
			s.f("\tcase http.MethodPost:")
			s.f("\t\tvar note struct{ Text string `json:\"text\"` }")
			s.f("\t\tif err := json.NewDecoder(r.Body).Decode(&note); err != nil {")
			s.f("\t\t\thttp.Error(w, err.Error(), http.StatusBadRequest)")
			s.f("\t\t\treturn")
			s.f("\t\t}")
			s.f("\t\tif err := h.repo.Add%sNote(r.Context(), id, note.Text); err != nil {", r.typ)
			s.f("\t\t\tfail(w, err)")
			s.f("\t\t\treturn")
			s.f("\t\t}")
			s.f("\t\tw.WriteHeader(http.StatusCreated)")
			s.f("\tdefault:")
			s.f("\t\tw.Header().Set(\"Allow\", \"GET, POST\")")
			s.f("\t\tw.WriteHeader(http.StatusMethodNotAllowed)")
			s.f("\t}")
			s.f("}")
		}
	}
	text := s.String()
	if usesIdem {
		local = append(local, ModulePath+"/platform/idem")
	}
	var h src
	h.f("package api")
	h.f("")
	h.imports(append(std, "strconv"), local)
	h.WriteString(text)
	return g.addGo(sv.dir+"/api/handlers.go", h.String(), nil)
}

// serviceMain writes the main file of sv, which serves the API: built by
// api.NewMux, added to a mux of its own by api.Register, or handed to
// platform/server.
func (g *generator) serviceMain(sv *svc, i int) error {
	std := []string{"database/sql", "log", "net/http", "os"}
	local := []string{ModulePath + "/" + sv.dir + "/api", ModulePath + "/" + sv.dir + "/store"}
	var serve src
	port := 8000 + g.rng.IntN(1000)
	switch i % 3 {
	case 0:
		serve.f("\tmux := api.NewMux(h)")
	case 1:
		serve.f("\tmux := http.NewServeMux()")
		serve.f("\tapi.Register(mux, h)")
	case 2:
		std = slices.DeleteFunc(std, func(p string) bool { return p == "net/http" })
		local = append(local, ModulePath+"/platform/server")
		serve.f("\tlog.Fatal(server.New(addr, api.NewMux(h)).Run())")
	}
	if i%3 != 2 {
		switch g.rng.IntN(3) {
		case 0:
			serve.f("\tlog.Fatal(http.ListenAndServe(addr, mux))")
		case 1:
			std = append(std, "time")
			serve.f("\tsrv := &http.Server{")
			serve.f("\t\tAddr: addr,")
			serve.f("\t\tHandler: mux,")
			serve.f("\t\tReadHeaderTimeout: 5 * time.Second,")
			serve.f("\t}")
			serve.f("\tlog.Fatal(srv.ListenAndServe())")
		case 2:
			local = append(local, ModulePath+"/platform/httpx")
			serve.f("\tlog.Fatal(http.ListenAndServe(addr, httpx.Logging(mux)))")
		}
	}
	var s src
	s.f("// Command %s serves the %s API.", sv.name, sv.name)
	s.f("package main")
	s.f("")
	s.imports(std, local)
	s.f("func main() {")
	s.f("\tdb, err := sql.Open(\"postgres\", os.Getenv(\"DATABASE_URL\"))")
	s.f("\tif err != nil {")
	s.f("\t\tlog.Fatal(err)")
	s.f("\t}")
	s.f("\tdefer db.Close()")
	s.f("\taddr := os.Getenv(\"ADDR\")")
	s.f("\tif addr == \"\" {")
	s.f("\t\taddr = \":%d\"", port)
	s.f("\t}")
	s.f("\th := api.NewHandlers(store.New(db))")
	s.Write(serve.Bytes())
	s.f("}")
	return g.addGo(sv.dir+"/main.go", s.String(), nil)
}

// adminMain writes a second command of sv, serving the same API on an
// internal address.
func (g *generator) adminMain(sv *svc) error {
	var s src
	s.f("// Command admin serves the %s API on the internal address.", sv.name)
	s.f("package main")
	s.f("")
	s.imports([]string{"database/sql", "log", "net/http", "os"}, []string{ModulePath + "/" + sv.dir + "/api", ModulePath + "/" + sv.dir + "/store"})
	s.f("func main() {")
	s.f("\tdb, err := sql.Open(\"postgres\", os.Getenv(\"DATABASE_URL\"))")
	s.f("\tif err != nil {")
	s.f("\t\tlog.Fatal(err)")
	s.f("\t}")
	s.f("\tlog.Fatal(http.ListenAndServe(os.Getenv(\"ADMIN_ADDR\"), api.NewMux(api.NewHandlers(store.New(db)))))")
	s.f("}")
	return g.addGo(sv.dir+"/cmd/admin/main.go", s.String(), nil)
}
