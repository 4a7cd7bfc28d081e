// Command shop serves the shop API and its admin endpoints, and consumes the
// orders and refunds topics.
//
// Configuration comes from the environment:
//
//	SHOP_ADDR             public API address (default :8080)
//	SHOP_ADMIN_ADDR       admin address (default 127.0.0.1:9090)
//	SHOP_DB_DRIVER        database/sql driver name (default postgres)
//	SHOP_DATABASE_URL     data source name
//	STRIPE_WEBHOOK_SECRET signing secret of the Stripe webhook endpoint
//	SHOP_KAFKA_BROKERS    comma-separated Kafka brokers (default localhost:9092)
package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"example.com/shop/platform/idem"
)

func main() {
	db, err := sql.Open(env("SHOP_DB_DRIVER", "postgres"), os.Getenv("SHOP_DATABASE_URL"))
	if err != nil {
		log.Fatalf("shop: open database: %v", err)
	}
	defer db.Close()

	// Every idempotency key of every replica lands in the same table.
	store := idem.NewSQLStore(db)
	idem.SetDefaultStore(store)

	h := &handlers{db: db, webhookSecret: []byte(os.Getenv("STRIPE_WEBHOOK_SECRET"))}
	router := newRouter(h, store)
	api := &http.Server{
		Addr:              env("SHOP_ADDR", ":8080"),
		Handler:           router,
		ReadHeaderTimeout: 5 * time.Second,
	}

	adminMux := newAdminMux(&admin{db: db})
	adm := &http.Server{
		Addr:              env("SHOP_ADMIN_ADDR", "127.0.0.1:9090"),
		Handler:           adminMux,
		ReadHeaderTimeout: 5 * time.Second,
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	errc := make(chan error, 3)
	cons := &consumers{
		brokers: strings.Split(env("SHOP_KAFKA_BROKERS", "localhost:9092"), ","),
		db:      db,
		store:   store,
	}
	go func() {
		if err := cons.run(ctx); err != nil {
			errc <- err
		}
	}()
	for _, srv := range []*http.Server{api, adm} {
		go func() {
			log.Printf("shop: listening on %s", srv.Addr)
			if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
				errc <- err
			}
		}()
	}

	select {
	case <-ctx.Done():
	case err := <-errc:
		log.Printf("shop: %v", err)
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	for _, srv := range []*http.Server{api, adm} {
		if err := srv.Shutdown(shutdownCtx); err != nil {
			log.Printf("shop: shutdown %s: %v", srv.Addr, err)
		}
	}
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
