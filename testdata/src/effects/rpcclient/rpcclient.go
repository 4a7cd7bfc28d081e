// Package rpcclient calls procedures of another program through a
// connection: each call is judged by the procedure's name.
package rpcclient

import (
	"context"

	"google.golang.org/grpc"
)

type conn struct {
	cc *grpc.ClientConn
}

// Lookup reads by its name: visible, no fact.
func (c *conn) Lookup(ctx context.Context) error {
	return c.cc.Invoke(ctx, "/stock.v1.Stock/LookupSku", nil, nil, grpc.WaitForReady(true))
}

func (c *conn) Wipe(ctx context.Context) error { // want Wipe:`^effects\(rpc\)$`
	return c.cc.Invoke(ctx, "/stock.v1.Stock/EmptyShelf", nil, nil)
}

func (c *conn) Remove(ctx context.Context) error { // want Remove:`^effects\(rpc\)$`
	return c.cc.Invoke(ctx, "/stock.v1.Stock/RemoveSku", nil, nil)
}

func (c *conn) Reserve(ctx context.Context) error { // want Reserve:`^effects\(rpc; calls rpc /stock.v1.Stock/ReserveSku\)$`
	return c.cc.Invoke(ctx, "/stock.v1.Stock/ReserveSku", nil, nil)
}

// Emptiness is not a verb: only a whole camel-case word counts.
func (c *conn) Emptiness(ctx context.Context) error { // want Emptiness:`^effects\(rpc; calls rpc /stock.v1.Stock/Emptiness\)$`
	return c.cc.Invoke(ctx, "/stock.v1.Stock/Emptiness", nil, nil)
}

// A name the package does not show: not known.
func (c *conn) Any(ctx context.Context, method string) error { // want Any:`^effects\(\) opaque$`
	return c.cc.Invoke(ctx, method, nil, nil)
}
