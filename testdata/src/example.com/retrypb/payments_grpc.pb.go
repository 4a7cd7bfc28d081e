// Package retrypb is generated-like gRPC client code for the retry tests.
package retrypb

import (
	"context"

	"google.golang.org/grpc"
)

const (
	Payments_Charge_FullMethodName    = "/shop.v1.Payments/Charge"
	Payments_GetCharge_FullMethodName = "/shop.v1.Payments/GetCharge"
	Catalog_ListItems_FullMethodName  = "/shop.v1.Catalog/ListItems"
)

type ChargeRequest struct{}
type Charge struct{}
type GetChargeRequest struct{}

type PaymentsClient interface {
	Charge(ctx context.Context, in *ChargeRequest, opts ...grpc.CallOption) (*Charge, error)
	GetCharge(ctx context.Context, in *GetChargeRequest, opts ...grpc.CallOption) (*Charge, error)
}

type paymentsClient struct{ cc *grpc.ClientConn }

func NewPaymentsClient(cc *grpc.ClientConn) PaymentsClient { return &paymentsClient{cc} }

func (c *paymentsClient) Charge(ctx context.Context, in *ChargeRequest, opts ...grpc.CallOption) (*Charge, error) {
	out := new(Charge)
	return out, c.cc.Invoke(ctx, Payments_Charge_FullMethodName, in, out, opts...)
}

func (c *paymentsClient) GetCharge(ctx context.Context, in *GetChargeRequest, opts ...grpc.CallOption) (*Charge, error) {
	out := new(Charge)
	return out, c.cc.Invoke(ctx, Payments_GetCharge_FullMethodName, in, out, opts...)
}
