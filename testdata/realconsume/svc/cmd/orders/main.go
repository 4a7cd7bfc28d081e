// Command orders wires the service to kafka.
package main

import (
	"context"
	"database/sql"
	"log"

	"example.com/realconsume/svc/broker/kafkabroker"
	"example.com/realconsume/svc/idempotence"
	"example.com/realconsume/svc/orders"
)

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		log.Fatal(err)
	}
	var store idempotence.Store
	svc := orders.New(db, &kafkabroker.Subscriber{Brokers: []string{"kafka:9092"}, Group: "orders"}, store)
	if err := svc.Start(context.Background()); err != nil {
		log.Fatal(err)
	}
}
