package app

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func pollRefunds(ctx context.Context, client *sqs.Client) error {
	for {
		out, err := client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String("refunds")}) // want `sqs consumer of queue "refunds" publishes to "refunds-done"`
		if err != nil {
			return err
		}
		for _, m := range out.Messages {
			client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String("refunds-done"), MessageBody: m.Body})
		}
	}
}

func onRefund(ctx context.Context, ev events.SQSEvent) error { // want `lambda consumer inserts into refunds`
	for _, r := range ev.Records {
		db.ExecContext(ctx, "INSERT INTO refunds (body) VALUES ($1)", r.Body)
	}
	return nil
}

func onRefundClaimed(ctx context.Context, ev events.SQSEvent) error {
	for _, r := range ev.Records {
		if ok, _ := store.Claim(ctx, r.MessageId); !ok {
			continue
		}
		db.ExecContext(ctx, "INSERT INTO refunds (body) VALUES ($1)", r.Body)
	}
	return nil
}
