// Package visible exercises visibility: whether the effects model sees
// everything a function does. A function with a fact "opaque" does
// something it cannot see; one without a fact does not.
package visible

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"sync"

	"effects/seenlib"

	"github.com/andybalholm/brotli"
	"github.com/google/uuid"
)

type Order struct {
	ID    string
	Items []string
}

// Repo is an interface of the module: calls through it are not known.
type Repo interface {
	Get(ctx context.Context, id string) (Order, error)
}

// Logger is the module's logger: calls shaped like logging are known.
type Logger interface {
	Info(msg string, args ...any)
	Errorf(format string, args ...any)
}

type server struct {
	mu     sync.Mutex
	repo   Repo
	log    Logger
	hook   func(string)
	orders map[string]Order
	events chan string
	out    io.Writer
	db     *sql.DB
	level  slog.LevelVar
	last   *Order
}

var requests int

// ---- opaque ----

func (s *server) throughInterface(ctx context.Context) { // want throughInterface:`^effects\(\) opaque pending\(1; effects\(\)\)$`
	s.repo.Get(ctx, "1")
}

func (s *server) throughField() { // want throughField:`^effects\(\) opaque$`
	s.hook("x")
}

func countRequests() { // want countRequests:`^effects\(\) opaque$`
	requests++
}

// ---- writes through the receiver or a parameter: their callers judge ----

func (s *server) storeInMemory(o Order) { // want storeInMemory:`^effects\(\) writes\(recv\)$`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.orders[o.ID] = o
}

func (s *server) appendThroughPointer(o *Order) { // want appendThroughPointer:`^effects\(\) writes\(0\)$`
	o.Items = append(o.Items, "x")
}

func (s *server) send() { // want send:`^effects\(\) writes\(recv\)$`
	s.events <- "created"
}

func (s *server) forget(id string) { // want forget:`^effects\(\) writes\(recv\)$`
	delete(s.orders, id)
}

// ---- opaque ----

func (s *server) writeElsewhere() { // want writeElsewhere:`^effects\(\) opaque$`
	s.out.Write([]byte("x"))
}

func run() { // want run:`^effects\(\) opaque$`
	exec.Command("rm", "-rf", "/").Run()
}

func callsOpaque() { // want callsOpaque:`^effects\(\) opaque$`
	seenlib.Fire()
}

func callsOpaqueOfPackage(ctx context.Context, s *server) { // want callsOpaqueOfPackage:`^effects\(\) opaque pending\(1; effects\(\)\)$`
	s.throughInterface(ctx)
}

func passesField(s *server) { // want passesField:`^effects\(\) opaque$`
	apply(s.hook)
}

func (s *server) dynamicQuery(ctx context.Context, q string) { // want dynamicQuery:`^effects\(\) opaque$`
	s.db.QueryRowContext(ctx, q)
}

func (s *server) dynamicRequest(ctx context.Context, method string) { // want dynamicRequest:`^effects\(\) opaque$`
	req, _ := http.NewRequestWithContext(ctx, method, "https://example.com", nil)
	http.DefaultClient.Do(req)
}

func indexed(fs []func()) { // want indexed:`^effects\(\) opaque$`
	fs[0]()
}

// ---- visible: no fact ----

func apply(f func(string)) { f("x") }

func webhook(w http.ResponseWriter, r *http.Request, l Logger, secret []byte) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	if !seenlib.Verify(secret, body, r.Header.Get("X-Signature")) {
		l.Errorf("bad signature from %s", r.RemoteAddr)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var event struct{ Type string }
	if err := json.Unmarshal(body, &event); err != nil {
		return
	}
	l.Info("event", "type", event.Type)
	log.Printf("event %s", event.Type)
	slog.Info("event", "type", event.Type, "mode", seenlib.Config())
	w.WriteHeader(http.StatusNoContent)
}

func search(w http.ResponseWriter, r *http.Request) {
	var q struct{ Terms []string }
	json.NewDecoder(r.Body).Decode(&q)
	out := make(map[string]int)
	for i, t := range q.Terms {
		out[strings.ToLower(t)] = i
	}
	resp := &struct{ Hits map[string]int }{}
	resp.Hits = out
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

func (s *server) setLevel(w http.ResponseWriter, r *http.Request) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(r.URL.Query().Get("level"))); err != nil {
		return
	}
	s.level.Set(l)
}

// compressed writes the response through a compressing writer of a
// library the model knows as harmless.
func compressed(w http.ResponseWriter, body []byte) {
	bw := brotli.NewWriterLevel(w, 5)
	bw.Write(body)
	bw.Close()
}

// queryVar reads with a query held in a local variable: it is known.
func (s *server) queryVar(id string) bool {
	var found bool
	query := `SELECT true FROM orders WHERE id = $1`
	s.db.QueryRow(query, id).Scan(&found)
	return found
}

// queryVars reads with one of two queries chosen at run time: both read.
func (s *server) queryVars(id string, all bool) {
	query := `SELECT id FROM orders WHERE id = $1`
	if all {
		query = `SELECT id FROM orders`
	}
	s.db.Query(query, id)
}

func locals() string {
	var o Order
	o.ID = uuid.NewString()
	o.Items = append(o.Items, "x")
	total := 0
	f := func() { total++ }
	f()
	func() { o.ID += "!" }()
	return o.ID
}

// publicIP only reads an address: the standard library's classifications
// of an IP are known.
func publicIP(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && !ip.IsPrivate() && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() &&
		!ip.IsLinkLocalMulticast() && !ip.IsMulticast() && !ip.IsUnspecified() && ip.IsGlobalUnicast()
}

// dials opens a listener: not one of the net functions that only read.
func dials() { // want dials:`^effects\(\) opaque$`
	net.Listen("tcp", ":0")
}

func (s *server) locked() {
	s.mu.Lock()
	s.mu.Unlock()
}

func (s *server) update(ctx context.Context, id string) error { // want update:`^effects\(sql\)$`
	_, err := s.db.ExecContext(ctx, "UPDATE orders SET status = $1 WHERE id = $2", "paid", id)
	return err
}

func ctxValue(ctx context.Context) any {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return ctx.Value("k")
}

var now = strings.ToUpper

func localFunc() string {
	g := strings.TrimSpace
	return g(now(" x "))
}

//idem:readonly
func trusted(s *server) { s.hook("x") }

// ---- pending on interfaces of the module ----

// Many is an interface of the module with more methods than a function
// can be pending on.
type Many interface {
	M1()
	M2()
	M3()
	M4()
	M5()
	M6()
	M7()
	M8()
	M9()
}

func eight(m Many) { // want eight:`^effects\(\) opaque pending\(8; effects\(\)\)$`
	m.M1()
	m.M2()
	m.M3()
	m.M4()
	m.M5()
	m.M6()
	m.M7()
	m.M8()
	m.M1()
}

func nine(m Many) { // want nine:`^effects\(\) opaque$`
	eight(m)
	m.M9()
}

func pendingAndOpaque(ctx context.Context, s *server) { // want pendingAndOpaque:`^effects\(\) opaque$`
	s.repo.Get(ctx, "1")
	run()
}

func pendingWithEffects(ctx context.Context, s *server, id string) error { // want pendingWithEffects:`^effects\(sql\) opaque pending\(1; effects\(sql\)\)$`
	s.throughInterface(ctx)
	return s.update(ctx, id)
}

// anonymous is an interface without a name: nothing to resolve it by.
func anonymous(x interface{ Get() }) { // want anonymous:`^effects\(\) opaque$`
	x.Get()
}
