// Command server serves the shop's HTTP API.
package main

import (
	"log"
	"net/http"

	"example.com/shop/internal/api"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", api.Routes()))
}
