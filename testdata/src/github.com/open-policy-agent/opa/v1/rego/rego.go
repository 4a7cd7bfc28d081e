// Package rego is a stub of github.com/open-policy-agent/opa/v1/rego:
// preparing and evaluating a policy. Like the real package it inserts
// into syntax trees of its own through an interface, which the model
// would take as an effect if the package were not harmless.
package rego

import "context"

type Object interface {
	Insert(k, v any)
}

type Rego struct {
	query   string
	modules map[string]string
	tree    Object
}

func New(options ...func(r *Rego)) *Rego {
	r := &Rego{modules: map[string]string{}}
	for _, o := range options {
		o(r)
	}
	return r
}

func Query(q string) func(r *Rego) {
	return func(r *Rego) { r.query = q }
}

func Module(filename, input string) func(r *Rego) {
	return func(r *Rego) { r.modules[filename] = input }
}

type PreparedEvalQuery struct{ r *Rego }

func (r *Rego) PrepareForEval(ctx context.Context) (PreparedEvalQuery, error) {
	for k, v := range r.modules {
		r.tree.Insert(k, v)
	}
	return PreparedEvalQuery{r}, nil
}

type EvalOption func(*evalConfig)

type evalConfig struct{ input any }

func EvalInput(input any) EvalOption {
	return func(c *evalConfig) { c.input = input }
}

type Result struct {
	Bindings map[string]any
}

type ResultSet []Result

func (q PreparedEvalQuery) Eval(ctx context.Context, options ...EvalOption) (ResultSet, error) {
	q.r.tree.Insert("input", nil)
	return nil, nil
}

func (rs ResultSet) Allowed() bool { return len(rs) > 0 }
