// Package redis is a stub of github.com/redis/go-redis/v9 v9.23.0.
package redis

import (
	"context"
	"time"
)

type Options struct{ Addr string }

type IntCmd struct{}

func (cmd *IntCmd) Result() (int64, error) { return 0, nil }

type StatusCmd struct{}

func (cmd *StatusCmd) Err() error { return nil }

type BoolCmd struct{}

func (cmd *BoolCmd) Result() (bool, error) { return false, nil }

type StringCmd struct{}

func (cmd *StringCmd) Result() (string, error) { return "", nil }

type cmdable func(ctx context.Context, cmd interface{}) error

type Client struct {
	cmdable
}

func NewClient(opt *Options) *Client { return &Client{} }

func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd { return &IntCmd{} }

func (c cmdable) HSet(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}

func (c cmdable) LPush(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}

func (c cmdable) Publish(ctx context.Context, channel string, message interface{}) *IntCmd {
	return &IntCmd{}
}

func (c cmdable) SAdd(ctx context.Context, key string, members ...interface{}) *IntCmd {
	return &IntCmd{}
}

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

func (c cmdable) Incr(ctx context.Context, key string) *IntCmd { return &IntCmd{} }

func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

func (c cmdable) SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd {
	return &BoolCmd{}
}
