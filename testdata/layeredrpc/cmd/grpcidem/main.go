// Command grpcidem serves the charges on the platform's server.
package main

import (
	"database/sql"
	"log"
	"net"

	"example.com/layeredrpc/charges"
	"example.com/layeredrpc/rpcserver"
	"example.com/platform/idem"
)

func main() {
	db, _ := sql.Open("postgres", "")
	lis, _ := net.Listen("tcp", ":9091")
	s := rpcserver.New(idem.NewRedisStore(nil, 0))
	charges.Register(s, db)
	log.Fatal(s.Serve(lis))
}
