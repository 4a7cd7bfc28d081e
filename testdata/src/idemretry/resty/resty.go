package resty

import (
	resty2 "github.com/go-resty/resty/v2"
	"github.com/google/uuid"
	resty3 "resty.dev/v3"
)

const url = "https://api.example.com/payouts"

func v2Unkeyed() error {
	c := resty2.New().SetRetryCount(3)
	_, err := c.R().SetBody(`{}`).Post(url) // want `idemretry: resty Request.Post retries POST https://api.example.com/payouts without an idempotency key`
	return err
}

func v2Keyed() error {
	c := resty2.New().SetRetryCount(3)
	_, err := c.R().SetHeader("Idempotency-Key", uuid.NewString()).SetBody(`{}`).Post(url)
	return err
}

func v2NoRetries() error {
	c := resty2.New()
	_, err := c.R().SetBody(`{}`).Post(url)
	return err
}

func v2Get() error {
	c := resty2.New().SetRetryCount(3)
	_, err := c.R().Get(url)
	return err
}

type payouts struct {
	http *resty2.Client
}

func newPayouts() *payouts {
	p := &payouts{http: resty2.New()}
	p.http.SetRetryCount(5)
	return p
}

func (p *payouts) create() error {
	req := p.http.R()
	req.SetBody(`{}`)
	_, err := req.Execute("PATCH", url) // want `idemretry: resty Request.Execute retries PATCH https://api.example.com/payouts without an idempotency key`
	return err
}

func v3WithoutAllow() error {
	c := resty3.New().SetRetryCount(3)
	_, err := c.R().SetBody(`{}`).Post(url)
	return err
}

func v3Allowed() error {
	c := resty3.New().SetRetryCount(3).SetRetryAllowNonIdempotent(true)
	_, err := c.R().SetBody(`{}`).Post(url) // want `idemretry: resty Request.Post retries POST https://api.example.com/payouts without an idempotency key`
	return err
}
