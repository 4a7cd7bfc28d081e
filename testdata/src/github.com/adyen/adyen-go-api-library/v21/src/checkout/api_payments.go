// Package checkout is a stub of github.com/adyen/adyen-go-api-library/v21/src/checkout.
package checkout

import (
	"context"
	"net/http"

	"github.com/adyen/adyen-go-api-library/v21/src/common"
)

type PaymentsApi common.Service

type PaymentRequest struct{ Reference string }
type PaymentResponse struct{ PspReference *string }
type PaymentMethodsRequest struct{}
type PaymentMethodsResponse struct{}

type PaymentsApiPaymentsInput struct {
	idempotencyKey *string
	paymentRequest *PaymentRequest
}

func (r PaymentsApiPaymentsInput) IdempotencyKey(idempotencyKey string) PaymentsApiPaymentsInput {
	r.idempotencyKey = &idempotencyKey
	return r
}

func (r PaymentsApiPaymentsInput) PaymentRequest(paymentRequest PaymentRequest) PaymentsApiPaymentsInput {
	r.paymentRequest = &paymentRequest
	return r
}

func (a *PaymentsApi) PaymentsInput() PaymentsApiPaymentsInput { return PaymentsApiPaymentsInput{} }

func (a *PaymentsApi) Payments(ctx context.Context, r PaymentsApiPaymentsInput) (PaymentResponse, *http.Response, error) {
	return PaymentResponse{}, nil, nil
}

type PaymentsApiPaymentMethodsInput struct {
	idempotencyKey        *string
	paymentMethodsRequest *PaymentMethodsRequest
}

func (a *PaymentsApi) PaymentMethodsInput() PaymentsApiPaymentMethodsInput {
	return PaymentsApiPaymentMethodsInput{}
}

func (a *PaymentsApi) PaymentMethods(ctx context.Context, r PaymentsApiPaymentMethodsInput) (PaymentMethodsResponse, *http.Response, error) {
	return PaymentMethodsResponse{}, nil, nil
}
