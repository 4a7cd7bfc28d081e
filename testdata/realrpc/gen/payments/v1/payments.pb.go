// Package paymentsv1 holds the messages and the gRPC service of
// payments/v1/payments.proto:
//
//	service Payments {
//	  rpc CreateCharge(CreateChargeRequest) returns (Charge);
//	  rpc GetCharge(GetChargeRequest) returns (Charge);
//	  rpc ListCharges(ListChargesRequest) returns (ListChargesResponse);
//	  rpc RefundCharge(RefundChargeRequest) returns (Charge);
//	  rpc WatchCharges(ListChargesRequest) returns (stream Charge);
//	}
//
// and in the same file the connect-served ledger:
//
//	service LedgerService {
//	  rpc CreateCharge(CreateChargeRequest) returns (Charge);
//	  rpc GetCharge(GetChargeRequest) returns (Charge) {
//	    option idempotency_level = NO_SIDE_EFFECTS;
//	  }
//	  rpc ListCharges(ListChargesRequest) returns (ListChargesResponse) {
//	    option idempotency_level = NO_SIDE_EFFECTS;
//	  }
//	  rpc RefundCharge(RefundChargeRequest) returns (Charge);
//	  rpc QuoteCharge(CreateChargeRequest) returns (Charge) {
//	    option idempotency_level = NO_SIDE_EFFECTS;
//	  }
//	}
//
// protoc-gen-go would generate the messages as protobuf messages; they are
// plain structs here, which neither gRPC nor connect needs at compile time.
package paymentsv1

type CreateChargeRequest struct{ AmountCents int64 }

type GetChargeRequest struct{ Id string }

type ListChargesRequest struct{ PageToken string }

type RefundChargeRequest struct{ Id string }

type Charge struct {
	Id          string
	AmountCents int64
}

type ListChargesResponse struct{ Charges []*Charge }
