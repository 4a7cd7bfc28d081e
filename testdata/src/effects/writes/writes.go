// Package writes exercises effects that other libraries' types, fields
// and parameters hide: a transaction of a library that wraps database/sql,
// a request whose method a field or parameter holds, Stripe Checkout, and
// MongoDB updates that only set values.
package writes

import (
	"context"
	"io"
	"net/http"

	stripe "github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/checkout/session"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"example.com/sqlkit"
)

// ---- a transaction of another library ----

func Insert(ctx context.Context, tx *sqlkit.Tx) error { // want Insert:`^effects\(sql; inserts into orders\)$`
	_, err := tx.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", "1")
	return err
}

func SetStatus(ctx context.Context, db *sqlkit.DB, id string) error { // want SetStatus:`^effects\(sql\)$`
	tx, err := db.BeginTx(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET status = $1 WHERE id = $2", "paid", id); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func Increment(ctx context.Context, tx *sqlkit.Tx, id string) error { // want Increment:`^effects\(sql; updates stock\)$`
	_, err := tx.ExecContext(ctx, "UPDATE stock SET count = count + 1 WHERE id = $1", id)
	return err
}

func ReadBack(ctx context.Context, tx *sqlkit.Tx, id string) error {
	var n int
	return tx.QueryRowContext(ctx, "SELECT n FROM orders WHERE id = $1", id).Scan(&n)
}

// Command is sqlkit's Exec of a command, not shaped like database/sql's.
func Command(tx *sqlkit.Tx) error { return tx.Exec([]string{"vacuum"}) }

// ---- the method of a request held by a field or a parameter ----

// Client delivers webhooks; its method is POST unless an option says
// otherwise.
type Client struct {
	method string
	url    string
	http   *http.Client
}

// NewClient calls options it cannot resolve.
func NewClient(url string, opts ...func(*Client)) *Client { // want NewClient:`^effects\(\) opaque$`
	c := &Client{method: http.MethodPost, url: url, http: http.DefaultClient}
	for _, o := range opts {
		o(c)
	}
	return c
}

// WithMethod writes through a pointer it did not make.
func WithMethod(m string) func(*Client) { return func(c *Client) { c.method = m } } // want WithMethod:`^effects\(\) opaque$`

func (c *Client) Deliver(ctx context.Context, body io.Reader) error { // want Deliver:`^effects\(http; sends POST request\)$`
	req, err := http.NewRequestWithContext(ctx, c.method, c.url, body)
	if err != nil {
		return err
	}
	_, err = c.http.Do(req)
	return err
}

// Probe's field is only ever GET.
type Probe struct{ verb string }

func NewProbe() *Probe { return &Probe{verb: http.MethodGet} }

func (p *Probe) Check(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, p.verb, "https://example.com/health", nil)
	_, err := http.DefaultClient.Do(req)
	return err
}

func (c *Client) send(ctx context.Context, method, url string) error { // want send:`^effects\(http; sends PATCH request\)$`
	req, _ := http.NewRequestWithContext(ctx, method, url, nil)
	_, err := c.http.Do(req)
	return err
}

func (c *Client) Rename(ctx context.Context) error { // want Rename:`^effects\(http; sends PATCH request\)$`
	return c.send(ctx, http.MethodPatch, c.url)
}

// Fetch sends GET, but a parameter stands for the values of every call:
// send's effect is its.
func (c *Client) Fetch(ctx context.Context) error { // want Fetch:`^effects\(http; sends PATCH request\)$`
	return c.send(ctx, http.MethodGet, c.url)
}

// put's callers only PUT: naturally idempotent.
func (c *Client) put(ctx context.Context, method string) error { // want put:`^effects\(http\)$`
	req, _ := http.NewRequestWithContext(ctx, method, c.url, nil)
	_, err := c.http.Do(req)
	return err
}

func (c *Client) Replace(ctx context.Context) error { // want Replace:`^effects\(http\)$`
	return c.put(ctx, http.MethodPut)
}

// ---- Stripe Checkout ----

func Checkout() error { // want Checkout:`^effects\(payment; money; calls stripe checkout/session.New\)$`
	_, err := session.New(&stripe.CheckoutSessionParams{SuccessURL: stripe.String("https://example.com/ok")})
	return err
}

func CheckoutV1(ctx context.Context, sc *stripe.Client) error { // want CheckoutV1:`^effects\(payment; money; calls stripe v1CheckoutSessionService.Create\)$`
	_, err := sc.V1CheckoutSessions.Create(ctx, &stripe.CheckoutSessionCreateParams{})
	return err
}

func CheckoutRead() error {
	_, err := session.Get("cs_1", nil)
	return err
}

// ---- MongoDB updates that set ----

func MongoSet(ctx context.Context, coll *mongo.Collection, id string) error { // want MongoSet:`^effects\(doc\)$`
	_, err := coll.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"status": "paid"}})
	return err
}

func MongoSetD(ctx context.Context, coll *mongo.Collection, id string) error { // want MongoSetD:`^effects\(doc\)$`
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: "paid"}}}, {Key: "$unset", Value: bson.M{"hold": ""}}}
	_, err := coll.UpdateByID(ctx, id, update)
	return err
}

func MongoInc(ctx context.Context, db *mongo.Database, id string) error { // want MongoInc:`^effects\(doc; updates orders\)$`
	_, err := db.Collection("orders").UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"status": "paid"}, "$inc": bson.M{"version": 1}})
	return err
}

func MongoPush(ctx context.Context, coll *mongo.Collection, id string) error { // want MongoPush:`^effects\(doc; updates a collection\)$`
	_, err := coll.UpdateOne(ctx, bson.M{"_id": id}, bson.D{{"$push", bson.M{"items": "x"}}})
	return err
}

func MongoReplace(ctx context.Context, coll *mongo.Collection, id string) error { // want MongoReplace:`^effects\(doc; replaces in a collection\)$`
	_, err := coll.ReplaceOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"status": "paid"}})
	return err
}
