// Package stdverbs calls standard-library interface methods whose names
// start with a mutating verb: none is a side effect, and nothing else
// makes the package relevant to the effects pass. It is walked for
// visibility all the same, and the calls are not known.
package stdverbs

import (
	"flag"
	"net"
	"time"
)

func configure(v flag.Value, c net.Conn) error { // want configure:`^effects\(\) opaque$`
	if err := v.Set("on"); err != nil {
		return err
	}
	return c.SetDeadline(time.Now())
}
