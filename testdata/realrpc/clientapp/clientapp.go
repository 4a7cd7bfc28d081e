// Package clientapp serves POST routes that call procedures of another
// program through the real google.golang.org/grpc, with a client written
// in the shape protoc-gen-go-grpc generates: each Invoke is judged by the
// procedure's name; a stream or a name the package does not show is not
// known.
package clientapp

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
)

const (
	Shelf_LookupItem_FullMethodName = "/shelf.v1.Shelf/LookupItem"
	Shelf_EmptyShelf_FullMethodName = "/shelf.v1.Shelf/EmptyShelf"
	Shelf_PlaceItem_FullMethodName  = "/shelf.v1.Shelf/PlaceItem"
	Shelf_Tail_FullMethodName       = "/shelf.v1.Shelf/Tail"
)

type Item struct{ Sku string }

type ShelfClient interface {
	LookupItem(ctx context.Context, in *Item, opts ...grpc.CallOption) (*Item, error)
	EmptyShelf(ctx context.Context, in *Item, opts ...grpc.CallOption) (*Item, error)
	PlaceItem(ctx context.Context, in *Item, opts ...grpc.CallOption) (*Item, error)
	Tail(ctx context.Context, in *Item, opts ...grpc.CallOption) (grpc.ClientStream, error)
}

type shelfClient struct {
	cc grpc.ClientConnInterface
}

func NewShelfClient(cc grpc.ClientConnInterface) ShelfClient { return &shelfClient{cc} }

func (c *shelfClient) LookupItem(ctx context.Context, in *Item, opts ...grpc.CallOption) (*Item, error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	out := new(Item)
	if err := c.cc.Invoke(ctx, Shelf_LookupItem_FullMethodName, in, out, cOpts...); err != nil {
		return nil, err
	}
	return out, nil
}

func (c *shelfClient) EmptyShelf(ctx context.Context, in *Item, opts ...grpc.CallOption) (*Item, error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	out := new(Item)
	if err := c.cc.Invoke(ctx, Shelf_EmptyShelf_FullMethodName, in, out, cOpts...); err != nil {
		return nil, err
	}
	return out, nil
}

func (c *shelfClient) PlaceItem(ctx context.Context, in *Item, opts ...grpc.CallOption) (*Item, error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	out := new(Item)
	if err := c.cc.Invoke(ctx, Shelf_PlaceItem_FullMethodName, in, out, cOpts...); err != nil {
		return nil, err
	}
	return out, nil
}

func (c *shelfClient) Tail(ctx context.Context, in *Item, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	return c.cc.NewStream(ctx, &grpc.StreamDesc{StreamName: "Tail", ServerStreams: true}, Shelf_Tail_FullMethodName, cOpts...)
}

type front struct{ conn *grpc.ClientConn }

func (f *front) empty(w http.ResponseWriter, r *http.Request) {
	c := NewShelfClient(f.conn)
	if _, err := c.LookupItem(r.Context(), &Item{}); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	c.EmptyShelf(r.Context(), &Item{})
}

func (f *front) place(w http.ResponseWriter, r *http.Request) {
	NewShelfClient(f.conn).PlaceItem(r.Context(), &Item{Sku: r.FormValue("sku")})
}

func (f *front) tail(w http.ResponseWriter, r *http.Request) {
	NewShelfClient(f.conn).Tail(r.Context(), &Item{})
}

func (f *front) raw(w http.ResponseWriter, r *http.Request) {
	f.conn.Invoke(r.Context(), r.FormValue("procedure"), nil, nil)
}

func Serve(conn *grpc.ClientConn) error {
	f := &front{conn: conn}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /shelf/empty", f.empty)
	mux.HandleFunc("POST /shelf/items", f.place) // want `POST /shelf/items is served without idempotency middleware`
	mux.HandleFunc("POST /shelf/tail", f.tail)   // want `POST /shelf/tail is served without idempotency middleware`
	mux.HandleFunc("POST /shelf/raw", f.raw)     // want `POST /shelf/raw is served without idempotency middleware`
	return http.ListenAndServe(":8080", mux)
}
