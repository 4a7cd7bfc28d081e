// Command grpcbare serves the charges on a server of its own, without
// the platform interceptor.
package main

import (
	"database/sql"
	"log"
	"net"

	"google.golang.org/grpc"

	"example.com/layeredrpc/charges"
)

func main() {
	db, _ := sql.Open("postgres", "")
	lis, _ := net.Listen("tcp", ":9090")
	s := grpc.NewServer()
	charges.Register(s, db)
	log.Fatal(s.Serve(lis))
}
