// Package memory implements store.Counters in process.
package memory

// Counters counts in a map it holds.
type Counters struct{ n map[int64]int }

// Touch changes the map the store holds: not seen as idempotent.
func (c *Counters) Touch(id int64) { c.n[id]++ }

// New returns empty counters.
func New() *Counters { return &Counters{n: make(map[int64]int)} }
