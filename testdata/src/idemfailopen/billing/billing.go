// Package billing moves money.
package billing

// Charge charges a customer.
func Charge(customer string, amount int64) error { return nil }

// Balance reads a balance.
func Balance(customer string) int64 { return 0 }
