package sqs

import (
	"context"
	"database/sql"

	"example.com/platform/idem"
	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

var (
	db    *sql.DB
	store *idem.RedisStore
)

const queueURL = "https://sqs.eu-west-1.amazonaws.com/1/refunds"

func poll(ctx context.Context, client *sqs.Client) error {
	for {
		out, err := client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL), MaxNumberOfMessages: 10}) // want `idemconsumer: sqs consumer of queue "https://sqs.eu-west-1.amazonaws.com/1/refunds" sends POST https://psp.example.com/refunds with no dedup`
		if err != nil {
			return err
		}
		for _, m := range out.Messages {
			refund(ctx, aws.ToString(m.Body))
			client.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(queueURL), ReceiptHandle: m.ReceiptHandle})
		}
	}
}

func pollClaimed(ctx context.Context, client *sqs.Client) error {
	for {
		out, err := client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)})
		if err != nil {
			return err
		}
		for _, m := range out.Messages {
			if ok, _ := store.Claim(ctx, aws.ToString(m.MessageId)); !ok {
				continue
			}
			refund(ctx, aws.ToString(m.Body))
		}
	}
}

func handler(ctx context.Context, ev events.SQSEvent) error { // want `lambda consumer inserts into refunds`
	for _, r := range ev.Records {
		db.ExecContext(ctx, "INSERT INTO refunds (body) VALUES ($1)", r.Body)
	}
	return nil
}

func claimedHandler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	for _, r := range ev.Records {
		if ok, _ := store.Claim(ctx, r.MessageId); !ok {
			continue
		}
		db.ExecContext(ctx, "INSERT INTO refunds (body) VALUES ($1)", r.Body)
	}
	return events.SQSEventResponse{}, nil
}

func main() {
	lambda.Start(handler)
	lambda.Start(claimedHandler)
}
