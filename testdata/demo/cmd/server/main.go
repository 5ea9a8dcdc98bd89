// Command server runs the acme shop's HTTP API.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"time"

	"example.com/acme/internal/httpapi"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()

	srv := &http.Server{
		Addr:              *addr,
		Handler:           httpapi.New(os.Getenv("DYPAI_URL")).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("acme shop API listening on %s", *addr)
	log.Fatal(srv.ListenAndServe())
}
