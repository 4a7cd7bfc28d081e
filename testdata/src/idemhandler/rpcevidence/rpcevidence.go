// Package rpcevidence serves procedures whose implementations the
// analysis can see: their effects decide, as for an HTTP handler, and
// their names only when it cannot see them.
package rpcevidence

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net"
	"net/http"

	"connectrpc.com/connect"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/gen/accountspb"
)

// Sessions is an interface of the package: what its implementations do
// is not seen.
type Sessions interface {
	Drop(ctx context.Context, token string) error
}

type accounts struct {
	accountspb.UnimplementedAccountsServer
	secret   []byte
	users    map[string]string
	products *mongo.Collection
	sessions Sessions
}

func sign(secret []byte, user string) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(user))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// Authenticate only checks the password: not mutating.
func (a *accounts) Authenticate(ctx context.Context, c *accountspb.Credentials) (*accountspb.Session, error) {
	want, ok := a.users[c.User]
	if !ok || subtle.ConstantTimeCompare([]byte(want), []byte(c.Password)) != 1 {
		return nil, status.Error(codes.Unauthenticated, "bad credentials")
	}
	return &accountspb.Session{Token: sign(a.secret, c.User)}, nil
}

// Token only signs: not mutating.
func (a *accounts) Token(ctx context.Context, c *accountspb.Credentials) (*accountspb.Session, error) {
	return &accountspb.Session{Token: sign(a.secret, c.User)}, nil
}

// UpdateProduct sets fields by id: naturally idempotent.
func (a *accounts) UpdateProduct(ctx context.Context, p *accountspb.Product) (*accountspb.Product, error) {
	_, err := a.products.UpdateOne(ctx, bson.M{"_id": p.Id}, bson.M{"$set": bson.M{"status": p.Status}})
	return p, err
}

// UpdateStock increments: mutating.
func (a *accounts) UpdateStock(ctx context.Context, p *accountspb.Product) (*accountspb.Product, error) {
	_, err := a.products.UpdateOne(ctx, bson.M{"_id": p.Id}, bson.M{"$inc": bson.M{"stock": p.Stock}})
	return p, err
}

// Revoke calls through an interface: its name decides.
func (a *accounts) Revoke(ctx context.Context, s *accountspb.Session) (*accountspb.Session, error) {
	return s, a.sessions.Drop(ctx, s.Token)
}

func serve(lis net.Listener) {
	s := grpc.NewServer()
	accountspb.RegisterAccountsServer(s, &accounts{}) // want `rpc /accounts.v1.Accounts/UpdateStock is served` `rpc /accounts.v1.Accounts/Revoke is served`
	s.Serve(lis)
}

// unimplemented answers every procedure with codes.Unimplemented: nothing
// mutates.
type unimplemented struct {
	accountspb.UnimplementedAccountsServer
}

func serveUnimplemented(lis net.Listener) {
	s := grpc.NewServer()
	accountspb.RegisterAccountsServer(s, unimplemented{})
	s.Serve(lis)
}

// An implementation behind an interface: the names decide.
func serveInterface(lis net.Listener, impl accountspb.AccountsServer) {
	s := grpc.NewServer()
	accountspb.RegisterAccountsServer(s, impl) // want `rpc /accounts.v1.Accounts/Authenticate is served` `rpc /accounts.v1.Accounts/Token is served` `rpc /accounts.v1.Accounts/UpdateProduct is served` `rpc /accounts.v1.Accounts/UpdateStock is served` `rpc /accounts.v1.Accounts/Revoke is served`
	s.Serve(lis)
}

// connect procedures: the same rule.

var revoked = map[string]bool{}

type tokens struct{ secret []byte }

func (t *tokens) token(ctx context.Context, req *connect.Request[accountspb.Credentials]) (*connect.Response[accountspb.Session], error) {
	if req.Msg.User == "" {
		return nil, connect.NewError(connect.CodeInvalidArgument, errors.New("no user"))
	}
	return connect.NewResponse(&accountspb.Session{Token: sign(t.secret, req.Msg.User)}), nil
}

func (t *tokens) revoke(ctx context.Context, req *connect.Request[accountspb.Session]) (*connect.Response[accountspb.Session], error) {
	revoked[req.Msg.Token] = true
	return connect.NewResponse(req.Msg), nil
}

func connectProcedures() {
	t := &tokens{}
	mux := http.NewServeMux()
	mux.Handle("/accounts.v1.Accounts/Token", connect.NewUnaryHandler("/accounts.v1.Accounts/Token", t.token))
	mux.Handle("/accounts.v1.Accounts/Revoke", connect.NewUnaryHandler("/accounts.v1.Accounts/Revoke", t.revoke)) // want `rpc /accounts.v1.Accounts/Revoke is served`
	http.ListenAndServe(":8080", mux)
}
