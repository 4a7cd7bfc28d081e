// Package events is a stub of github.com/aws/aws-lambda-go/events v1.55.1.
package events

type SQSEvent struct {
	Records []SQSMessage `json:"Records"`
}

type SQSMessage struct {
	MessageId              string            `json:"messageId"`
	ReceiptHandle          string            `json:"receiptHandle"`
	Body                   string            `json:"body"`
	Md5OfBody              string            `json:"md5OfBody"`
	Md5OfMessageAttributes string            `json:"md5OfMessageAttributes"`
	Attributes             map[string]string `json:"attributes"`
	EventSourceARN         string            `json:"eventSourceARN"`
	EventSource            string            `json:"eventSource"`
	AWSRegion              string            `json:"awsRegion"`
}

type SQSEventResponse struct {
	BatchItemFailures []SQSBatchItemFailure `json:"batchItemFailures"`
}

type SQSBatchItemFailure struct {
	ItemIdentifier string `json:"itemIdentifier"`
}
