// Package rpcclient consumes messages and calls procedures of another
// program through a generated client: a procedure whose name is a
// naturally idempotent verb may be repeated by a redelivery, one that
// creates or charges may not.
package rpcclient

import (
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"

	"example.com/gen/cartpb"
)

var conn *grpc.ClientConn

func subscribe(js nats.JetStreamContext) {
	js.Subscribe("orders.placed", func(m *nats.Msg) {
		cartpb.NewBasketsClient(conn).EmptyBasket(nil, &cartpb.Basket{Owner: string(m.Data)})
		m.Ack()
	}, nats.Durable("basket-cleaner"), nats.ManualAck())
	js.Subscribe("orders.accepted", func(m *nats.Msg) { // want `nats consumer of subject "orders.accepted" calls BasketsClient.ChargeCard with no dedup`
		c := cartpb.NewBasketsClient(conn)
		c.GetBasket(nil, &cartpb.Basket{Owner: string(m.Data)})
		c.ChargeCard(nil, &cartpb.Basket{Owner: string(m.Data)})
		m.Ack()
	}, nats.Durable("charger"), nats.ManualAck())
}
