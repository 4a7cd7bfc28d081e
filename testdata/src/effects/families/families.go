// Package families exercises every recognised API family.
package families

import (
	"context"

	"cloud.google.com/go/pubsub"
	pubsubv2 "cloud.google.com/go/pubsub/v2"
	"github.com/IBM/sarama"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/adyen/adyen-go-api-library/v21/src/checkout"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	confluent "github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	jinzhu "github.com/jinzhu/gorm"
	"github.com/jmoiron/sqlx"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	amqp "github.com/rabbitmq/amqp091-go"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"gorm.io/gorm"
)

type Order struct{ ID, Status string }

func PgxInsert(ctx context.Context, c *pgx.Conn) { // want PgxInsert:`effects\(sql; inserts into orders\)`
	c.Exec(ctx, "INSERT INTO orders (id) VALUES ($1)", 1)
}

func PgxRead(ctx context.Context, c *pgx.Conn) {
	c.QueryRow(ctx, "SELECT 1")
}

func PgxCopy(ctx context.Context, p *pgxpool.Pool) { // want PgxCopy:`effects\(sql; copies rows into orders\)`
	p.CopyFrom(ctx, pgx.Identifier{"orders"}, []string{"id"}, pgx.CopyFromRows(nil))
}

func PgxTx(ctx context.Context, tx pgx.Tx) { // want PgxTx:`effects\(sql\)`
	tx.Exec(ctx, "DELETE FROM carts WHERE id = $1", 1)
}

func PgxBatch(ctx context.Context, c *pgx.Conn) { // want PgxBatch:`effects\(sql; sends a SQL batch\)`
	c.SendBatch(ctx, &pgx.Batch{})
}

func Sqlx(db *sqlx.DB) { // want Sqlx:`effects\(sql; inserts into orders\)`
	db.NamedExec("INSERT INTO orders (id) VALUES (:id)", Order{})
}

func SqlxRead(db *sqlx.DB) {
	db.Get(&Order{}, "SELECT * FROM orders")
}

func GormCreate(db *gorm.DB) { // want GormCreate:`effects\(sql; creates Order\)`
	db.Create(&Order{ID: "1"})
}

func GormSave(db *gorm.DB) { // want GormSave:`effects\(sql\)`
	db.Save(&Order{ID: "1"})
	db.Model(&Order{}).Where("id = ?", "1").Update("status", "paid")
	db.Delete(&Order{}, "1")
	db.Where(Order{ID: "1"}).FirstOrCreate(&Order{})
	db.Model(&Order{}).Association("Tags").Append(&Order{})
}

// GormSaveNew saves a record without its primary key: gorm creates it.
func GormSaveNew(db *gorm.DB) { // want GormSaveNew:`effects\(sql; saves Order \(a new row when its primary key is zero\)\)`
	db.Save(&Order{Status: "new"})
}

// GormSaveGiven saves what its caller gives: the key may be zero.
func GormSaveGiven(db *jinzhu.DB, o *Order) { // want GormSaveGiven:`effects\(sql; saves Order \(a new row when its primary key is zero\)\)`
	db.Save(o)
}

func JinzhuCreate(db *jinzhu.DB) { // want JinzhuCreate:`effects\(sql; creates Order\)`
	db.Create(&Order{ID: "1"})
}

func JinzhuFollow(db *jinzhu.DB) { // want JinzhuFollow:`effects\(sql\)`
	db.Where(Order{ID: "1"}).FirstOrCreate(&Order{})
	db.Model(&Order{}).Association("Tags").Append(&Order{})
}

func GormIncrement(db *gorm.DB) { // want GormIncrement:`effects\(sql; updates rows with an expression\)`
	db.Model(&Order{}).Update("stock", gorm.Expr("stock - ?", 1))
}

func GormRead(db *gorm.DB) {
	db.First(&Order{}, "1")
}

func MongoInsert(ctx context.Context, db *mongo.Database) { // want MongoInsert:`effects\(doc; inserts into orders\)`
	db.Collection("orders").InsertOne(ctx, Order{})
}

func MongoUpsert(ctx context.Context, db *mongo.Database) { // want MongoUpsert:`effects\(doc\)`
	coll := db.Collection("orders")
	coll.UpdateOne(ctx, Order{}, Order{}, options.Update().SetUpsert(true))
	opts := options.Replace().SetUpsert(true)
	coll.ReplaceOne(ctx, Order{}, Order{}, opts)
	coll.DeleteOne(ctx, Order{})
}

func MongoUpdate(ctx context.Context, coll *mongo.Collection) { // want MongoUpdate:`effects\(doc; updates a collection\)`
	coll.UpdateOne(ctx, Order{}, Order{})
}

func MongoRead(ctx context.Context, coll *mongo.Collection) {
	coll.FindOne(ctx, Order{})
}

func Sarama(p sarama.SyncProducer) { // want Sarama:`effects\(publish; publishes to "ledger"\)`
	p.SendMessage(&sarama.ProducerMessage{Topic: "ledger"})
}

func SaramaAsync(p sarama.AsyncProducer) { // want SaramaAsync:`effects\(publish; publishes a message\)`
	p.Input() <- &sarama.ProducerMessage{Topic: "ledger"}
}

func Confluent(p *confluent.Producer) error { // want Confluent:`effects\(publish; publishes to "orders"\)`
	topic := "orders"
	return p.Produce(&confluent.Message{TopicPartition: confluent.TopicPartition{Topic: &topic}}, nil)
}

func SQS(ctx context.Context, c *sqs.Client) { // want SQS:`effects\(publish; publishes to "jobs"\)`
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String("jobs")})
}

func SNS(ctx context.Context, c *sns.Client) { // want SNS:`effects\(publish; publishes to "arn:aws:sns:eu-west-1:1:alerts"\)`
	in := &sns.PublishInput{TopicArn: aws.String("arn:aws:sns:eu-west-1:1:alerts")}
	c.Publish(ctx, in)
}

func NATS(nc *nats.Conn) { // want NATS:`effects\(publish; publishes to "events"\)`
	nc.Publish("events", nil)
}

func JetStream(js nats.JetStreamContext) { // want JetStream:`effects\(publish; publishes to "orders.created"\)`
	js.Publish("orders.created", nil)
}

func JetStreamPkg(ctx context.Context, js jetstream.JetStream) { // want JetStreamPkg:`effects\(publish; publishes to "orders.created"\)`
	js.Publish(ctx, "orders.created", nil)
}

func AMQP(ch *amqp.Channel) { // want AMQP:`effects\(publish; publishes to "mails"\)`
	ch.Publish("", "mails", false, false, amqp.Publishing{})
}

func PubSub(ctx context.Context, c *pubsub.Client) { // want PubSub:`effects\(publish; publishes to "invoices"\)`
	c.Topic("invoices").Publish(ctx, &pubsub.Message{})
}

func PubSubV2(ctx context.Context, c *pubsubv2.Client) { // want PubSubV2:`effects\(publish; publishes to "invoices"\)`
	p := c.Publisher("invoices")
	p.Publish(ctx, &pubsubv2.Message{})
}

func Watermill(p message.Publisher) { // want Watermill:`effects\(publish; publishes to "orders"\)`
	p.Publish("orders", message.NewMessage("1", nil))
}

// Subscribe is not a publish.
func Subscribe(ctx context.Context, s message.Subscriber) {
	s.Subscribe(ctx, "orders")
}

func Adyen(ctx context.Context, api *checkout.PaymentsApi) { // want Adyen:`effects\(payment; money; calls adyen PaymentsApi.Payments\)`
	api.Payments(ctx, api.PaymentsInput().PaymentRequest(checkout.PaymentRequest{}))
}

func AdyenMethods(ctx context.Context, api *checkout.PaymentsApi) {
	api.PaymentMethods(ctx, api.PaymentMethodsInput())
}

// Article has a has-many association, a many2many one and one through a
// record keyed by two columns.
type Article struct {
	ID        uint
	Comments  []Comment
	Favorites []User   `gorm:"many2many:favorites;"`
	Followers []Follow `gorm:"foreignkey:FollowingID"`
}

type Comment struct {
	ID   uint
	Body string
}

type User struct{ ID uint }

type Follow struct {
	FollowerID  uint `gorm:"primary_key"`
	FollowingID uint `gorm:"primary_key"`
}

// JinzhuComment appends to a has-many association: gorm saves the
// comment, a new row.
func JinzhuComment(db *jinzhu.DB, a *Article, c *Comment) { // want JinzhuComment:`effects\(sql; appends to Comments \(a new row when its primary key is zero\)\)`
	db.Model(a).Association("Comments").Append(c)
}

// GormFavorite links two rows of a many2many association.
func GormFavorite(db *gorm.DB, a *Article, u *User) { // want GormFavorite:`^effects\(sql\)$`
	db.Model(a).Association("Favorites").Append(u)
}

// JinzhuFollowKeyed appends a record that sets its whole primary key.
func JinzhuFollowKeyed(db *jinzhu.DB, a *Article, id uint) { // want JinzhuFollowKeyed:`^effects\(sql\)$`
	db.Model(a).Association("Followers").Append(&Follow{FollowerID: id, FollowingID: a.ID})
}

// JinzhuFollowHalf sets half of the key: a near miss.
func JinzhuFollowHalf(db *jinzhu.DB, a *Article, id uint) { // want JinzhuFollowHalf:`effects\(sql; appends to Followers`
	db.Model(a).Association("Followers").Append(&Follow{FollowerID: id})
}
