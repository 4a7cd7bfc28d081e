package app

import (
	"context"
	"errors"

	"github.com/ThreeDotsLabs/watermill"
	wsql "github.com/ThreeDotsLabs/watermill-sql/v4/pkg/sql"
	"github.com/ThreeDotsLabs/watermill/message"
)

// saveLedger writes through the transaction watermill-sql's subscriber
// handles the message in: a SQL write.
func saveLedger(msg *message.Message) error {
	tx, ok := wsql.TxFromContext(msg.Context())
	if !ok {
		return errors.New("no transaction")
	}
	_, err := tx.ExecContext(msg.Context(), "INSERT INTO ledger (payload) VALUES ($1)", []byte(msg.Payload))
	return err
}

// touchLedger updates in place: naturally idempotent.
func touchLedger(msg *message.Message) error {
	tx, ok := wsql.TxFromContext(msg.Context())
	if !ok {
		return errors.New("no transaction")
	}
	_, err := tx.ExecContext(msg.Context(), "UPDATE ledger SET seen = true WHERE id = $1", msg.UUID)
	return err
}

func sqlRouter(sub message.Subscriber) error {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return err
	}
	r.AddNoPublisherHandler("ledger", "ledger", sub, saveLedger) // want `watermill consumer of topic "ledger" inserts into ledger`
	r.AddNoPublisherHandler("ledger-touch", "ledger-touch", sub, touchLedger)
	r.AddNoPublisherHandler("audit", "audit", sub, func(msg *message.Message) error { // want `watermill consumer of topic "audit" inserts into audit`
		stx, err := db.BeginTx(msg.Context(), nil)
		if err != nil {
			return err
		}
		tx := wsql.TxFromStdSQL(stx)
		if _, err := tx.ExecContext(msg.Context(), "INSERT INTO audit (payload) VALUES ($1)", []byte(msg.Payload)); err != nil {
			return errors.Join(err, tx.Rollback())
		}
		return tx.Commit()
	})
	return r.Run(context.Background())
}
