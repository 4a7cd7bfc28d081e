// Package resty is a stub of github.com/go-resty/resty/v2 v2.17.2.
package resty

type Client struct{}

type Request struct{}

type Response struct{}

func New() *Client { return &Client{} }

func (c *Client) R() *Request { return &Request{} }

func (c *Client) NewRequest() *Request { return c.R() }

func (c *Client) SetHeader(header, value string) *Client { return c }

func (c *Client) SetRetryCount(count int) *Client { return c }

func (r *Request) SetHeader(header, value string) *Request { return r }

func (r *Request) SetHeaders(headers map[string]string) *Request { return r }

func (r *Request) SetBody(body interface{}) *Request { return r }

func (r *Request) Get(url string) (*Response, error) { return nil, nil }

func (r *Request) Post(url string) (*Response, error) { return nil, nil }

func (r *Request) Put(url string) (*Response, error) { return nil, nil }

func (r *Request) Patch(url string) (*Response, error) { return nil, nil }

func (r *Request) Delete(url string) (*Response, error) { return nil, nil }

func (r *Request) Execute(method, url string) (*Response, error) { return nil, nil }
