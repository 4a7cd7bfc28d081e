// Package sns is a stub of github.com/aws/aws-sdk-go-v2/service/sns v1.48.0.
package sns

import "context"

type Options struct{ Region string }

type Client struct{ options Options }

type PublishInput struct {
	Message  *string
	TopicArn *string
}

type PublishOutput struct{ MessageId *string }

func (c *Client) Publish(ctx context.Context, params *PublishInput, optFns ...func(*Options)) (*PublishOutput, error) {
	return &PublishOutput{}, nil
}
