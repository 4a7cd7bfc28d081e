// Package otherrouter is a router that idemlint does not support.
package otherrouter

import "net/http"

// A Router routes requests.
type Router struct{}

// New returns a Router.
func New() *Router { return &Router{} }

func (r *Router) Post(path string, h http.HandlerFunc)               {}
func (r *Router) PATCH(path string, h http.HandlerFunc)              {}
func (r *Router) Handle(pattern string, h http.Handler)              {}
func (r *Router) HandleFunc(pattern string, h http.HandlerFunc)      {}
func (r *Router) Add(method, path string, h http.HandlerFunc)        {}
func (r *Router) Get(path string, h http.HandlerFunc)                {}
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (r *Router) Group(prefix string, fn func(r *Router))            {}

// A Client calls an API.
type Client struct{}

func (c *Client) Post(path string, body any) error { return nil }
