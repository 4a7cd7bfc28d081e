package exempt

import (
	"net/http"
	"strings"
	"time"

	"github.com/cenkalti/backoff/v4"
)

const url = "https://ledger.example.com/transfers"

func post() error {
	_, err := http.Post(url, "application/json", strings.NewReader("{}"))
	return err
}

func exempted() error {
	//idem:exempt(retry) ADR-0042 the ledger dedups transfers by their reference
	return backoff.Retry(post, backoff.NewExponentialBackOff())
}

func otherCheck() error {
	//idem:exempt(budget) ADR-0042 exempts another check only
	return backoff.Retry(post, backoff.NewExponentialBackOff()) // want `idemretry: backoff.Retry retries POST https://ledger.example.com/transfers`
}

func loop() {
	//idem:exempt ADR-0042 the ledger dedups transfers by their reference
	for {
		if err := post(); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}
