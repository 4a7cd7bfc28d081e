// Package rpcpolicy serves procedures that log through a logger with
// hooks the analysis cannot follow and decide with an OPA policy: logging
// and evaluating a policy change nothing, so the implementations' effects
// decide. Each near miss is reported.
package rpcpolicy

import (
	"context"
	"database/sql"
	"net"

	"github.com/open-policy-agent/opa/v1/rego"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"effects/hooklog"
	"example.com/gen/accountspb"
)

// Tokens is an interface of the package: what its implementations do is
// not seen.
type Tokens interface {
	Forget(ctx context.Context, token string) error
}

type accounts struct {
	accountspb.UnimplementedAccountsServer
	log    *hooklog.Logger
	db     *sql.DB
	tokens Tokens
}

// Authenticate asks a policy: not mutating.
func (a *accounts) Authenticate(ctx context.Context, c *accountspb.Credentials) (*accountspb.Session, error) {
	q, err := rego.New(rego.Query("x = data.auth.allow"), rego.Module("auth.rego", "package auth")).PrepareForEval(ctx)
	if err != nil {
		a.log.Info(ctx, "policy", "err", err)
		return nil, status.Error(codes.Unauthenticated, "policy")
	}
	rs, err := q.Eval(ctx, rego.EvalInput(map[string]any{"user": c.User}))
	if err != nil || !rs.Allowed() {
		a.log.Info(ctx, "denied", "user", c.User)
		return nil, status.Error(codes.PermissionDenied, "denied")
	}
	return &accountspb.Session{Token: c.User}, nil
}

// Token only logs: not mutating.
func (a *accounts) Token(ctx context.Context, c *accountspb.Credentials) (*accountspb.Session, error) {
	a.log.Info(ctx, "token", "user", c.User)
	return &accountspb.Session{Token: c.User}, nil
}

// UpdateProduct calls a logger method not shaped like logging: not seen,
// its name decides.
func (a *accounts) UpdateProduct(ctx context.Context, p *accountspb.Product) (*accountspb.Product, error) {
	a.log.Event(ctx, "product")
	return p, nil
}

// UpdateStock inserts a row: mutating.
func (a *accounts) UpdateStock(ctx context.Context, p *accountspb.Product) (*accountspb.Product, error) {
	a.log.Info(ctx, "stock")
	_, err := a.db.ExecContext(ctx, "INSERT INTO stock_moves (product, delta) VALUES ($1, $2)", p.Id, p.Stock)
	return p, err
}

// Revoke calls through an interface no implementation of which is seen.
func (a *accounts) Revoke(ctx context.Context, s *accountspb.Session) (*accountspb.Session, error) {
	a.log.Info(ctx, "revoke")
	return s, a.tokens.Forget(ctx, s.Token)
}

func serve(lis net.Listener) {
	s := grpc.NewServer()
	accountspb.RegisterAccountsServer(s, &accounts{}) // want `rpc /accounts.v1.Accounts/UpdateProduct is served` `rpc /accounts.v1.Accounts/UpdateStock is served` `rpc /accounts.v1.Accounts/Revoke is served`
	s.Serve(lis)
}
