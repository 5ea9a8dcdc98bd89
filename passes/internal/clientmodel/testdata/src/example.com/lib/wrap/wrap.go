package wrap // want package:"constructs an API-key client at init: import boot → boot.init → dypai.CreateClient"

// wrap reaches constructions in other packages.

import (
	"context"
	"net/http"
	"os"

	"example.com/dypai"
	_ "example.com/lib/boot"
	"example.com/lib/keys"
)

func Admin2() *dypai.Client { // want Admin2:"constructs an API-key client: wrap.Admin2 → keys.Admin → dypai.CreateClient" Admin2:"returns an API-key client"
	return keys.Admin()
}

func FromService(s *keys.Service) *dypai.Client { // want FromService:"returns an API-key client"
	return s.Admin
}

func Other(s *keys.Service) *dypai.Client {
	return s.Other // never set: no fact
}

// Sync makes a raw API-key request.
func Sync(ctx context.Context) error { // want Sync:"constructs an API-key client: wrap.Sync → X-API-KEY header"
	req, err := http.NewRequestWithContext(ctx, "POST", os.Getenv("DYPAI_URL")+"/api/sync_data", nil)
	if err != nil {
		return err
	}
	req.Header.Set("x-api-key", os.Getenv("DYPAI_API_KEY"))
	_, err = http.DefaultClient.Do(req)
	return err
}
