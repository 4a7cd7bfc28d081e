// Package common is a stub of github.com/adyen/adyen-go-api-library/v21/src/common.
package common

type Client struct{}

type Service struct {
	Client *Client
}
