package confluent

import (
	"database/sql"
	"time"

	"example.com/platform/idem"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

func read(c *kafka.Consumer) error {
	c.SubscribeTopics([]string{"orders"}, nil)
	for {
		m, err := c.ReadMessage(time.Second) // want `idemconsumer: confluent-kafka-go consumer of topic "orders" inserts into orders`
		if err != nil {
			continue
		}
		db.Exec("INSERT INTO orders (k) VALUES ($1)", m.Key)
		c.CommitMessage(m)
	}
}

func poll(c *kafka.Consumer) {
	c.Subscribe("stock", nil)
	for {
		switch e := c.Poll(100).(type) { // want `confluent-kafka-go consumer of topic "stock" updates stock`
		case *kafka.Message:
			db.Exec("UPDATE stock SET n = n - 1 WHERE sku = $1", e.Key)
		case kafka.Error:
			return
		}
	}
}

func pollClaimed(c *kafka.Consumer) {
	for {
		ev := c.Poll(100)
		m, ok := ev.(*kafka.Message)
		if !ok {
			continue
		}
		if fresh, _ := store.Claim(nil, string(m.Key)); !fresh {
			continue
		}
		db.Exec("UPDATE stock SET n = n - 1 WHERE sku = $1", m.Key)
	}
}

func produceOnly(p *kafka.Producer) error {
	topic := "orders"
	return p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Value: []byte("x")}, nil)
}
