// Package pubsub is a stub of cloud.google.com/go/pubsub/v2 v2.9.0.
package pubsub

import (
	"context"

	ipubsub "cloud.google.com/go/internal/pubsub"
)

type Message = ipubsub.Message

type Client struct{}

func (c *Client) Subscriber(nameOrID string) *Subscriber { return &Subscriber{} }

func (c *Client) Publisher(topicNameOrID string) *Publisher { return &Publisher{} }

type Subscriber struct{}

func (s *Subscriber) Receive(ctx context.Context, f func(context.Context, *Message)) error {
	return nil
}

type Publisher struct{}

func (t *Publisher) Publish(ctx context.Context, msg *Message) *PublishResult {
	return &PublishResult{}
}

type PublishResult struct{}

func (r *PublishResult) Get(ctx context.Context) (serverID string, err error) { return "", nil }
