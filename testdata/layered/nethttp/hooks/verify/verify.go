// Package verify checks webhook signatures. It imports nothing the
// effects model knows: its functions have no fact, and importers see them
// whole.
package verify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// Signed reports whether sig is the hex HMAC-SHA256 of body under secret.
func Signed(secret, body []byte, sig string) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	want, err := hex.DecodeString(sig)
	return err == nil && hmac.Equal(want, mac.Sum(nil))
}
