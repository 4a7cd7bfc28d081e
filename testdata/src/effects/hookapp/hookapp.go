// Package hookapp logs through hooklog and evaluates a policy with OPA.
package hookapp

import (
	"context"

	"github.com/open-policy-agent/opa/v1/rego"

	"effects/hooklog"
)

type app struct{ log *hooklog.Logger }

// Authorize logs and evaluates a policy: seen, no effect, no fact.
func (a *app) Authorize(ctx context.Context, input map[string]any) bool {
	q, err := rego.New(rego.Query("x = data.policy.allow"), rego.Module("policy.rego", "package policy")).PrepareForEval(ctx)
	if err != nil {
		a.log.Info(ctx, "prepare", "err", err)
		return false
	}
	rs, err := q.Eval(ctx, rego.EvalInput(input))
	if err != nil {
		return false
	}
	return rs.Allowed()
}

// Fail logs an error, which stores it: the effect counts.
func (a *app) Fail(ctx context.Context) { // want Fail:`^effects\(sql; inserts into errors\)$`
	a.log.Error(ctx, "failed")
}

// Audit calls a method not shaped like logging: hidden.
func (a *app) Audit(ctx context.Context) { // want Audit:`^effects\(\) opaque$`
	a.log.Event(ctx, "audited")
}
