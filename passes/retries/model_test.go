package retries_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/passtest"
	"github.com/idemlint/idemlint/passes/retries"
)

// summary gives what the model records of r: its mechanism; each
// operation retried, with "keyed" when its idempotency key is fixed
// before the first attempt and "payment" for a payment SDK call; each key
// minted inside the retry, the operation it keys and whether minting it
// can be moved before the retry; what bounds the retry; and its backoff.
func summary(r *retries.Retry) string {
	var ops []string
	for _, op := range r.Ops {
		s := op.Desc
		if op.Keyed {
			s += " keyed"
		}
		if op.Payment {
			s += " payment"
		}
		ops = append(ops, s)
	}
	var mints []string
	for _, m := range r.Mints {
		s := m.Minter
		if m.Op != nil {
			s += " for " + m.Op.Desc
		}
		if m.Hoist != nil {
			s += " hoistable"
		}
		mints = append(mints, s)
	}
	bound := "bounded"
	switch {
	case r.Unbounded != "":
		bound = "unbounded: " + r.Unbounded
	case r.Bound != "":
		bound = "bounded " + r.Bound
	}
	backoff := "backoff"
	if r.NoBackoff != "" {
		backoff = "no backoff: " + r.NoBackoff
	}
	return fmt.Sprintf("%s ops=[%s] mints=[%s] %s; %s", r.Mechanism, strings.Join(ops, "; "), strings.Join(mints, "; "), bound, backoff)
}

// TestRetries checks the model of the retry fixtures: for every retry,
// keyed by the function that holds it (#2 for a second one), its
// mechanism, the operations each attempt performs and whether their
// idempotency key is fixed before the first attempt, the keys minted
// inside the retry, what bounds it and its backoff; and that the near
// misses of each package (loops that are not retries, clients that do not
// retry) are not retries.
func TestRetries(t *testing.T) {
	want := map[string]map[string]string{
		"retries/model": {
			"insertUntilDone": `retry loop ops=[] mints=[] bounded; backoff`,
		},
		"retries/sites": {
			"sites":   `backoff.Retry ops=[POST https://api.example.com/x] mints=[] bounded; backoff`,
			"sites#2": `backoff.Retry ops=[POST https://api.example.com/x (in sites.post)] mints=[] bounded; backoff`,
			"sites#3": `retry.Do ops=[POST https://api.example.com/x] mints=[] bounded; backoff`,
			"sites#4": `retry.Do ops=[] mints=[] bounded; backoff`,
			"sites#5": `retryablehttp.Post ops=[POST https://api.example.com/x] mints=[] bounded; backoff`,
			"sites#6": `retry loop ops=[POST https://api.example.com/x (in sites.post)] mints=[] bounded; backoff`,
		},
		"idemretry/backoff": {
			"keyOutsideV4": `backoff.Retry ops=[POST https://api.example.com/transfers keyed] mints=[] bounded; backoff`,
			"mintedV5":     `backoff.Retry ops=[POST https://api.example.com/transfers keyed] mints=[uuid.NewString for POST https://api.example.com/transfers hoistable] bounded; backoff`,
			"named":        `backoff.RetryNotify ops=[POST https://api.example.com/transfers] mints=[] bounded; backoff`,
			"read":         `backoff.Retry ops=[] mints=[] bounded; backoff`,
			"unkeyedV4":    `backoff.Retry ops=[POST https://api.example.com/transfers] mints=[] bounded; backoff`,
		},
		"idemretry/configured": {
			"configuredHeader": `retryablehttp.Client.Do ops=[POST https://api.example.com/items keyed] mints=[] bounded; backoff`,
			"defaultHeader":    `retryablehttp.Client.Do ops=[POST https://api.example.com/items] mints=[] bounded; backoff`,
			"put":              `retryablehttp.Client.Do ops=[PUT https://api.example.com/items] mints=[] bounded; backoff`,
		},
		"idemretry/effects": {
			"charge": `backoff.Retry ops=[retrybilling.Charge (which sends POST https://billing.example.com/charges)] mints=[] bounded; backoff`,
			"keyed":  `backoff.Retry ops=[retrybilling.ChargeWithKey (which sends POST https://billing.example.com/charges) keyed] mints=[] bounded; backoff`,
			"minted": `backoff.Retry ops=[retrybilling.ChargeWithKey (which sends POST https://billing.example.com/charges) keyed] mints=[uuid.NewString for retrybilling.ChargeWithKey (which sends POST https://billing.example.com/charges)] bounded; backoff`,
			"read":   `backoff.Retry ops=[] mints=[] bounded; backoff`,
			"settle": `backoff.Retry ops=[retrybilling.Settle (which sends POST https://billing.example.com/settlements)] mints=[] bounded; backoff`,
		},
		"idemretry/exempt": {
			"exempted":   `backoff.Retry ops=[POST https://ledger.example.com/transfers] mints=[] bounded; backoff`,
			"loop":       `retry loop ops=[POST https://ledger.example.com/transfers (in exempt.post)] mints=[] unbounded: it goes round until the call succeeds; backoff`,
			"otherCheck": `backoff.Retry ops=[POST https://ledger.example.com/transfers] mints=[] bounded; backoff`,
		},
		"idemretry/failsafe": {
			"executor":     `failsafe Run ops=[POST https://api.example.com/captures] mints=[] bounded; backoff`,
			"request":      `failsafehttp Request.Do ops=[POST https://api.example.com/captures keyed] mints=[] bounded; backoff`,
			"roundTripper": `the retrying http.Client's Do ops=[POST https://api.example.com/captures] mints=[] bounded; backoff`,
		},
		"idemretry/fix": {
			"closure":  `backoff.Retry ops=[POST https://api.example.com/charges keyed] mints=[uuid.NewString for POST https://api.example.com/charges hoistable] bounded; backoff`,
			"indirect": `backoff.Retry ops=[POST https://api.example.com/charges keyed] mints=[uuid.NewString for POST https://api.example.com/charges hoistable] bounded; backoff`,
			"loop":     `retry loop ops=[POST https://api.example.com/charges keyed] mints=[uuid.New for POST https://api.example.com/charges hoistable] bounded; backoff`,
			"loopVar":  `retry loop ops=[POST https://api.example.com/charges keyed] mints=[uuid.NewString for POST https://api.example.com/charges hoistable] bounded; backoff`,
			"taken":    `backoff.Retry ops=[POST https://api.example.com/charges keyed] mints=[uuid.NewString for POST https://api.example.com/charges hoistable] bounded; backoff`,
		},
		"idemretry/grpc": {
			"dial":        `grpc.WithDefaultServiceConfig ops=[gRPC /shop.v1.Payments/Charge] mints=[] bounded; backoff`,
			"dial#2":      `grpc.WithDefaultServiceConfig ops=[gRPC /shop.v1.Payments/Charge] mints=[] bounded; backoff`,
			"interceptor": `retry.UnaryClientInterceptor ops=[PaymentsClient.Charge (and every call on the connection)] mints=[] bounded; backoff`,
			"perCall":     `retry.WithMax ops=[PaymentsClient.Charge] mints=[] bounded; backoff`,
		},
		"idemretry/libs": {
			"goRetryRetryable": `retry.Do ops=[POST https://api.example.com/refunds] mints=[] bounded; backoff`,
			"retryGo":          `retry.Do ops=[POST https://api.example.com/refunds] mints=[] bounded; backoff`,
			"retryGoV5":        `retry.Do ops=[POST https://api.example.com/refunds] mints=[] bounded; backoff`,
		},
		"idemretry/loops": {
			"condLoop":      `retry loop ops=[POST https://api.example.com/charges] mints=[] bounded; backoff`,
			"get":           `retry loop ops=[] mints=[] bounded; backoff`,
			"headerLiteral": `retry loop ops=[POST https://api.example.com/charges keyed] mints=[] bounded; backoff`,
			"helperKeyed":   `retry loop ops=[POST https://api.example.com/charges keyed] mints=[] bounded; backoff`,
			"helperMinted":  `retry loop ops=[POST https://api.example.com/charges keyed] mints=[uuid.NewString for POST https://api.example.com/charges] bounded; backoff`,
			"keyed":         `retry loop ops=[POST https://api.example.com/charges keyed] mints=[] bounded; backoff`,
			"minted":        `retry loop ops=[PATCH https://api.example.com/charges keyed] mints=[uuid.New for PATCH https://api.example.com/charges] bounded; backoff`,
			"outerAssigned": `retry loop ops=[POST https://api.example.com/charges keyed] mints=[uuid.NewString for POST https://api.example.com/charges] bounded; backoff`,
			"randomKey":     `retry loop ops=[POST https://api.example.com/charges keyed] mints=[rand.Read for POST https://api.example.com/charges] bounded; backoff`,
			"unkeyed":       `retry loop ops=[POST https://api.example.com/charges] mints=[] bounded; backoff`,
			"viaHelper":     `retry loop ops=[POST https://api.example.com/charges (in loops.postHelper)] mints=[] unbounded: it goes round until the call succeeds; backoff`,
		},
		"idemretry/resty": {
			"payouts.create": `resty Request.Execute ops=[PATCH https://api.example.com/payouts] mints=[] bounded; backoff`,
			"v2Keyed":        `resty Request.Post ops=[POST https://api.example.com/payouts keyed] mints=[] bounded; backoff`,
			"v2Unkeyed":      `resty Request.Post ops=[POST https://api.example.com/payouts] mints=[] bounded; backoff`,
			"v3Allowed":      `resty Request.Post ops=[POST https://api.example.com/payouts] mints=[] bounded; backoff`,
		},
		"idemretry/retryablehttp": {
			"api.create":    `the retrying http.Client's Post ops=[POST https://api.example.com/orders] mints=[] bounded; backoff`,
			"api.create#2":  `the retrying http.Client's Do ops=[POST https://api.example.com/orders] mints=[] bounded; backoff`,
			"client.create": `the retrying http.Client's Do ops=[PATCH https://api.example.com/orders] mints=[] bounded; backoff`,
			"keyed":         `retryablehttp.Client.Do ops=[POST https://api.example.com/orders keyed] mints=[] bounded; backoff`,
			"packageLevel":  `retryablehttp.Post ops=[POST https://api.example.com/orders] mints=[] bounded; backoff`,
			"unkeyed":       `retryablehttp.Client.Do ops=[POST https://api.example.com/orders] mints=[] bounded; backoff`,
		},
		"idemretry/stripe": {
			"keyed":        `retry loop ops=[paymentintent.New keyed payment] mints=[] bounded; backoff`,
			"keyedLiteral": `retry loop ops=[paymentintent.New keyed payment] mints=[] bounded; backoff`,
			"mintedClient": `retry loop ops=[stripe V1PaymentIntents.Create keyed payment] mints=[stripe.NewIdempotencyKey for stripe V1PaymentIntents.Create] bounded; backoff`,
			"mintedUUID":   `retry loop ops=[paymentintent.New keyed payment] mints=[uuid.NewString for paymentintent.New] bounded; backoff`,
			"unkeyed":      `retry loop ops=[paymentintent.New payment] mints=[] bounded; backoff`,
		},
		"idembudget/failsafe": {
			"cases":   `failsafe Run ops=[] mints=[] bounded; no backoff: failsafe-go retry policies retry at once unless given a delay`,
			"cases#2": `failsafe Run ops=[] mints=[] unbounded: its retry policy has no max retries (-1) and no max duration; backoff`,
			"cases#3": `failsafe Run ops=[] mints=[] bounded; backoff`,
			"cases#4": `failsafe Run ops=[] mints=[] bounded; backoff`,
		},
		"idembudget/libs": {
			"goRetryCases":     `retry.Do ops=[] mints=[] unbounded: its backoff has no WithMaxRetries or WithMaxDuration and its context no deadline; backoff`,
			"goRetryCases#2":   `retry.Constant ops=[] mints=[] unbounded: its backoff has no WithMaxRetries or WithMaxDuration and its context no deadline; backoff`,
			"goRetryCases#3":   `retry.Do ops=[] mints=[] bounded; backoff`,
			"goRetryCases#4":   `retry.Do ops=[] mints=[] bounded; backoff`,
			"goRetryCases#5":   `retry.Do ops=[] mints=[] bounded; backoff`,
			"goRetryCases#6":   `retry.Do ops=[] mints=[] bounded; backoff`,
			"retryGoCases":     `retry.Do ops=[] mints=[] unbounded: Attempts(0) or UntilSucceeded() retries until it succeeds; backoff`,
			"retryGoCases#2":   `retry.Do ops=[] mints=[] unbounded: Attempts(0) or UntilSucceeded() retries until it succeeds; backoff`,
			"retryGoCases#3":   `retry.Do ops=[] mints=[] bounded; backoff`,
			"retryGoCases#4":   `retry.Do ops=[] mints=[] bounded; backoff`,
			"retryGoCases#5":   `retry.Do ops=[] mints=[] bounded; backoff`,
			"retryGoCases#6":   `retry.Do ops=[] mints=[] bounded; backoff`,
			"retryGoV5Cases":   `retry.Do ops=[] mints=[] unbounded: Attempts(0) or UntilSucceeded() retries until it succeeds; backoff`,
			"retryGoV5Cases#2": `retry.Do ops=[] mints=[] unbounded: Attempts(0) or UntilSucceeded() retries until it succeeds; backoff`,
			"retryGoV5Cases#3": `retry.Do ops=[] mints=[] bounded; backoff`,
			"retryGoV5Cases#4": `retry.Do ops=[] mints=[] unbounded: Attempts(0) or UntilSucceeded() retries until it succeeds; backoff`,
			"v4Cases":          `backoff.Retry ops=[] mints=[] unbounded: its BackOff never stops; backoff`,
			"v4Cases#2":        `backoff.Retry ops=[] mints=[] unbounded: its BackOff never stops; backoff`,
			"v4Cases#3":        `backoff.Retry ops=[] mints=[] unbounded: its BackOff never stops; backoff`,
			"v4Cases#4":        `backoff.Retry ops=[] mints=[] unbounded: its BackOff never stops; no backoff: a ZeroBackOff tries again at once`,
			"v4Cases#5":        `backoff.Retry ops=[] mints=[] unbounded: its BackOff never stops; backoff`,
			"v4Cases#6":        `backoff.Retry ops=[] mints=[] bounded; backoff`,
			"v4Cases#7":        `backoff.Retry ops=[] mints=[] bounded; backoff`,
			"v4Cases#8":        `backoff.Retry ops=[] mints=[] bounded; backoff`,
			"v4Cases#9":        `backoff.Retry ops=[] mints=[] bounded; no backoff: a ZeroBackOff tries again at once`,
			"v5Cases":          `backoff.Retry ops=[] mints=[] unbounded: WithMaxElapsedTime(0) without WithMaxTries retries until it succeeds; backoff`,
			"v5Cases#2":        `backoff.Retry ops=[] mints=[] bounded; backoff`,
			"v5Cases#3":        `backoff.Retry ops=[] mints=[] bounded; backoff`,
			"v5Cases#4":        `backoff.Retry ops=[] mints=[] bounded; backoff`,
			"v5Cases#5":        `backoff.Retry ops=[] mints=[] bounded; no backoff: a ZeroBackOff tries again at once`,
		},
		"idembudget/loops": {
			"boundedAtOnce": `retry loop ops=[] mints=[] bounded; no backoff: it tries again at once`,
			"counted":       `retry loop ops=[] mints=[] bounded; backoff`,
			"countedCond":   `retry loop ops=[] mints=[] bounded; backoff`,
			"ctxBounded":    `retry loop ops=[] mints=[] bounded until the context is done; backoff`,
			"forever":       `retry loop ops=[] mints=[] unbounded: it goes round until the call succeeds; backoff`,
			"foreverAtOnce": `retry loop ops=[] mints=[] unbounded: it goes round until the call succeeds; no backoff: it tries again at once`,
			"good":          `retry loop ops=[] mints=[] bounded; backoff`,
			"untilNil":      `retry loop ops=[] mints=[] unbounded: it goes round until the call succeeds; backoff`,
			"variable":      `retry loop ops=[] mints=[] bounded; backoff`,
		},
		"idembudget/viadep": {
			"saveForever": `retry loop ops=[] mints=[] unbounded: it goes round until the call succeeds; backoff`,
		},
	}
	near := map[string][]string{
		"retries/model":           {"insertEach"},
		"retries/sites":           {"post", "opV5"},
		"idemretry/libs":          {"goRetryPlain"},
		"idemretry/loops":         {"fanOut", "worker", "postHelper"},
		"idemretry/resty":         {"v2Get", "v2NoRetries", "v3WithoutAllow"},
		"idemretry/retryablehttp": {"noRetries", "literalNoRetries", "customPolicy", "get", "plain"},
		"idembudget/loops":        {"dial", "failover", "publish", "randomScalar", "sample", "serve"},
		"idembudget/viadep":       {"parse", "parseForever"},
	}
	got := passtest.Run(t, testdata, retries.Analyzer, func(pass *analysis.Pass, result any) []passtest.Item {
		var items []passtest.Item
		for _, r := range result.(*retries.Result).Retries {
			items = append(items, passtest.Item{Pos: r.Pos, Desc: summary(r)})
		}
		return items
	}, slices.Sorted(maps.Keys(want))...)
	passtest.Check(t, "retry", got, want, near)
}
