// Package resty is a stub of resty.dev/v3 v3.0.0-rc.4.
package resty

type Client struct{}

type Request struct{}

type Response struct{}

func New() *Client { return &Client{} }

func (c *Client) R() *Request { return &Request{} }

func (c *Client) SetHeader(header, value string) *Client { return c }

func (c *Client) SetRetryCount(count int) *Client { return c }

func (c *Client) SetRetryAllowNonIdempotent(b bool) *Client { return c }

func (r *Request) SetHeader(header, value string) *Request { return r }

func (r *Request) SetBody(body any) *Request { return r }

func (r *Request) SetRetryCount(count int) *Request { return r }

func (r *Request) SetRetryAllowNonIdempotent(b bool) *Request { return r }

func (r *Request) Get(url string) (*Response, error) { return nil, nil }

func (r *Request) Post(url string) (*Response, error) { return nil, nil }

func (r *Request) Patch(url string) (*Response, error) { return nil, nil }

func (r *Request) Execute(method string, url string) (res *Response, err error) { return nil, nil }
