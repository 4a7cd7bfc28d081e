package effects

import (
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// Payment SDKs: stripe-go (every major version, Checkout sessions
// included) and the Adyen Go library.
// Their calls move money and are not idempotent.
func init() {
	for _, pkg := range []string{"paymentintent", "charge", "refund", "transfer", "payout", "topup", "setupintent", "invoice", "subscription"} {
		names := []string{"New", "Confirm", "Capture", "Pay", "Cancel"}
		register(
			api{"github.com/stripe/stripe-go/" + pkg, "", names, stripeCall(pkg)},
			api{"github.com/stripe/stripe-go/" + pkg, "Client", names, stripeCall(pkg)},
		)
	}
	// A Checkout session takes the customer's payment.
	register(
		api{"github.com/stripe/stripe-go/checkout/session", "", []string{"New"}, stripeCall("checkout/session")},
		api{"github.com/stripe/stripe-go/checkout/session", "Client", []string{"New"}, stripeCall("checkout/session")},
	)
	register(api{"github.com/stripe/stripe-go", "*", []string{"Create", "Confirm", "Capture", "Pay", "Cancel"}, stripeService})
	for _, pkg := range []string{"checkout", "payment", "modifications", "transfers", "payout", "payments", "recurring", "binlookup"} {
		register(api{"github.com/adyen/adyen-go-api-library/src/" + pkg, "*", nil, adyenCall})
	}
}

func stripeCall(pkg string) classifier {
	return func(s *site) (effect, bool) {
		return effect{kind: Payment, desc: "calls stripe " + pkg + "." + s.method, money: true}, true
	}
}

// stripeService judges the V1 services of stripe.Client
// (sc.V1PaymentIntents.Create): money-moving services only.
func stripeService(s *site) (effect, bool) {
	recv := s.fn.Signature().Recv()
	if recv == nil {
		return effect{}, false
	}
	n := typesutil.NamedOf(recv.Type())
	if n == nil {
		return effect{}, false
	}
	name := strings.ToLower(n.Obj().Name())
	for _, svc := range []string{"paymentintent", "charge", "refund", "transfer", "payout", "topup", "invoice", "checkoutsession"} {
		if strings.Contains(name, svc) {
			return effect{kind: Payment, desc: "calls stripe " + n.Obj().Name() + "." + s.method, money: true}, true
		}
	}
	return effect{}, false
}

// adyenMoving are the money-moving methods of the Adyen API services
// (checkout, classic payment and modifications, transfers, payouts).
var adyenMoving = map[string]bool{
	"Payments": true, "PaymentsDetails": true, "Donations": true,
	"CaptureAuthorisedPayment": true, "RefundCapturedPayment": true, "RefundOrCancelPayment": true,
	"CancelAuthorisedPayment": true, "CancelAuthorisedPaymentByPspReference": true, "UpdateAuthorisedAmount": true,
	"Authorise": true, "Authorise3d": true, "Authorise3ds2": true,
	"Capture": true, "Refund": true, "CancelOrRefund": true, "Cancel": true, "TechnicalCancel": true,
	"AdjustAuthorisation": true, "Donate": true, "VoidPendingRefund": true,
	"TransferFunds": true, "ApproveInitiatedTransfers": true, "Payout": true,
	"ConfirmThirdParty": true, "SubmitThirdParty": true, "StoreDetailAndSubmitThirdParty": true, "InstantCardPayout": true,
}

// adyenCall judges a method of an Adyen API service (a type named ...Api).
func adyenCall(s *site) (effect, bool) {
	recv := s.fn.Signature().Recv()
	if recv == nil || !strings.HasSuffix(nameOf(recv.Type()), "Api") || !adyenMoving[s.method] {
		return effect{}, false
	}
	return effect{kind: Payment, desc: "calls adyen " + nameOf(recv.Type()) + "." + s.method, money: true}, true
}
