// Package lib has effects that importers see through facts.
package lib

import (
	"context"
	"database/sql"
	"net/http"
	"net/smtp"
	"strings"

	"github.com/redis/go-redis/v9"
	kafka "github.com/segmentio/kafka-go"
	stripe "github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/paymentintent"
)

const ordersTable = "orders"

const insertOrder = "INSERT INTO " + ordersTable + " (id, total) VALUES ($1, $2)"

func InsertOrder(ctx context.Context, db *sql.DB, id string) error { // want InsertOrder:`effects\(sql; inserts into orders\)`
	_, err := db.ExecContext(ctx, insertOrder, id, 1)
	return err
}

func UpsertOrder(ctx context.Context, tx *sql.Tx, id string) error { // want UpsertOrder:`effects\(sql\)`
	_, err := tx.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", id)
	return err
}

func Debit(ctx context.Context, db *sql.DB, id string) error { // want Debit:`effects\(sql; updates accounts\)`
	_, err := db.ExecContext(ctx, "UPDATE accounts SET balance = balance - 10 WHERE id = $1", id)
	return err
}

func MarkShipped(ctx context.Context, db *sql.DB, id string) error { // want MarkShipped:`effects\(sql\)`
	_, err := db.ExecContext(ctx, "UPDATE orders SET status = 'shipped' WHERE id = $1", id)
	return err
}

// ReturningInsert writes through QueryRow.
func ReturningInsert(ctx context.Context, db *sql.DB) error { // want ReturningInsert:`effects\(sql; inserts into events\)`
	var id int
	return db.QueryRowContext(ctx, "insert into events (kind) values ('x') returning id").Scan(&id)
}

// Lookup only reads.
func Lookup(ctx context.Context, db *sql.DB, id string) error {
	var n int
	return db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE id = $1", id).Scan(&n)
}

// DynamicQuery is not known to write, nor known to read.
func DynamicQuery(ctx context.Context, db *sql.DB, q string) error { // want DynamicQuery:`^effects\(\) opaque$`
	rows, err := db.QueryContext(ctx, q)
	if err == nil {
		rows.Close()
	}
	return err
}

func DynamicExec(ctx context.Context, db *sql.DB, q string) error { // want DynamicExec:`effects\(sql; writes to the database\)`
	_, err := db.ExecContext(ctx, strings.TrimSpace(q))
	return err
}

var emails = &kafka.Writer{Topic: "emails"}

func Notify(ctx context.Context, body []byte) error { // want Notify:`effects\(publish; publishes to "emails"\)`
	return emails.WriteMessages(ctx, kafka.Message{Value: body})
}

func Cache(ctx context.Context, rdb *redis.Client, id string) { // want Cache:`effects\(kv\)`
	rdb.Set(ctx, "order:"+id, 1, 0)
	rdb.SAdd(ctx, "orders", id)
	rdb.Del(ctx, "stale")
}

func Count(ctx context.Context, rdb *redis.Client) { // want Count:`effects\(kv; runs redis INCR on "orders:count"\)`
	rdb.Incr(ctx, "orders:count")
}

func Charge(amount int64) (*stripe.PaymentIntent, error) { // want Charge:`effects\(payment; money; calls stripe paymentintent.New\)`
	return paymentintent.New(&stripe.PaymentIntentParams{Amount: stripe.Int64(amount)})
}

func ChargeV1(ctx context.Context, sc *stripe.Client) error { // want ChargeV1:`effects\(payment; money; calls stripe v1PaymentIntentService.Create\)`
	_, err := sc.V1PaymentIntents.Create(ctx, &stripe.PaymentIntentCreateParams{})
	return err
}

// Peek reads a payment intent.
func Peek(ctx context.Context, sc *stripe.Client) error {
	_, err := sc.V1PaymentIntents.Retrieve(ctx, "pi_1", nil)
	return err
}

func Webhook(ctx context.Context) error { // want Webhook:`effects\(http; sends POST https://hooks.example.com/x\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://hooks.example.com/x", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return err
}

// Fetch sends a GET: no effect.
func Fetch(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return err
}

func Replace(ctx context.Context) error { // want Replace:`effects\(http\)`
	req, _ := http.NewRequestWithContext(ctx, "PUT", "https://example.com/x", nil)
	_, err := http.DefaultClient.Do(req)
	return err
}

func Form() { // want Form:`effects\(http; sends POST https://example.com/form\)`
	http.PostForm("https://example.com/form", nil)
}

func Mail() error { // want Mail:`effects\(mail; sends mail\)`
	return smtp.SendMail("localhost:25", nil, "a@example.com", []string{"b@example.com"}, nil)
}

// Repo is an application interface.
type Repo interface {
	CreateOrder(ctx context.Context, id string) error
	SaveOrder(ctx context.Context, id string) error
	Created() bool
	Get(ctx context.Context, id string) error
}

func ViaInterface(ctx context.Context, r Repo) error { // want ViaInterface:`effects\(iface; calls Repo.CreateOrder\)`
	if r.Created() {
		return r.Get(ctx, "x")
	}
	return r.CreateOrder(ctx, "x")
}

func SaveViaInterface(ctx context.Context, r Repo) error { // want SaveViaInterface:`effects\(iface\)`
	return r.SaveOrder(ctx, "x")
}

// Store writes orders.
type Store struct{ db *sql.DB }

func (s *Store) Put(ctx context.Context, id string) error { // want Put:`effects\(sql; inserts into orders\)`
	return InsertOrder(ctx, s.db, id)
}

// Audited is declared to mutate.
//
//idem:mutates
func Audited() {} // want Audited:`effects\(mutates; calls Audited \(//idem:mutates\)\)`

// Cached only fills a local cache, whatever it calls.
//
//idem:readonly
func Cached(ctx context.Context, db *sql.DB) error {
	return InsertOrder(ctx, db, "x")
}

func Prepared(ctx context.Context, db *sql.DB) error { // want Prepared:`effects\(sql\)`
	stmt, err := db.PrepareContext(ctx, "DELETE FROM sessions WHERE id = $1")
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

func PreparedUnknown(ctx context.Context, stmt *sql.Stmt) error { // want PreparedUnknown:`effects\(sql; executes a prepared SQL statement\)`
	_, err := stmt.Exec(1)
	return err
}

// Generic inserts through any executor.
func Generic[T any](ctx context.Context, db *sql.DB, v T) error { // want Generic:`effects\(sql; inserts into things\)`
	_, err := db.ExecContext(ctx, "INSERT INTO things VALUES ($1)", v)
	return err
}
