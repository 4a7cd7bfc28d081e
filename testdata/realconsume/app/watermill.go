package app

import (
	"context"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
)

func saveInvoice(msg *message.Message) error {
	_, err := db.Exec("INSERT INTO invoices (payload) VALUES ($1)", []byte(msg.Payload))
	return err
}

func router(sub message.Subscriber) error {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return err
	}
	r.AddNoPublisherHandler("invoices", "invoices", sub, saveInvoice) // want `watermill consumer of topic "invoices" inserts into invoices`
	return r.Run(context.Background())
}

func dedupRouter(sub message.Subscriber) error {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return err
	}
	r.AddMiddleware((&middleware.Deduplicator{}).Middleware)
	r.AddNoPublisherHandler("invoices", "invoices", sub, saveInvoice)
	return r.Run(context.Background())
}
