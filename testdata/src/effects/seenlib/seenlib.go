// Package seenlib holds helpers whose visibility importers learn from
// facts: a function without a fact is visible and has no effect.
package seenlib

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"os"
)

// Verify checks a signature: visible, no fact.
func Verify(secret, body []byte, sig string) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(sig))
}

// Hook is called by Fire.
var Hook func()

func Fire() { // want Fire:`^effects\(\) opaque$`
	Hook()
}

// Save writes a file: the standard library's os.WriteFile is not known.
func Save(b []byte) error { // want Save:`^effects\(\) opaque$`
	return os.WriteFile("/tmp/x", b, 0o600)
}

// Config reads the environment: os.Getenv is known.
func Config() string { return os.Getenv("MODE") }
