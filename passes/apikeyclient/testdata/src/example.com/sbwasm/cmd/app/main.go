// Command app is a wasm front end (it imports syscall/js) using
// supabase-go: the anon key makes user clients; the service-role key,
// however it arrives, is reported.
package main

import (
	"net/http"
	"os"
	"strings"
	"syscall/js"

	supabase "github.com/supabase-community/supabase-go"

	"example.com/sbwasm/admin"
	"example.com/sbwasm/config"
)

const (
	supabaseURL    = "https://fixtureprojectref00.supabase.co"
	anonKey        = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImZpeHR1cmVwcm9qZWN0cmVmMDAiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDAwMDAwMDAwfQ.c2lnbmF0dXJlLW5vdC1jaGVja2VkLWZpeHR1cmUtb25seQ"
	serviceRoleKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImZpeHR1cmVwcm9qZWN0cmVmMDAiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.c2lnbmF0dXJlLW5vdC1jaGVja2VkLWZpeHR1cmUtb25seQ"
)

// settings are filled by an env-parsing library: the tag names the key.
type settings struct {
	Key  string `env:"SUPABASE_SERVICE_ROLE_KEY"`
	Anon string `env:"SUPABASE_ANON_KEY"`
}

var loaded settings

func secretKey() string { return strings.TrimSpace(os.Getenv("SUPABASE_SECRET_KEY")) }

func main() {
	user, _ := supabase.NewClient(supabaseURL, anonKey, nil)                                   // the anon key: a user client
	svc, _ := supabase.NewClient(supabaseURL, serviceRoleKey, nil)                             // want `supabase.NewClient builds a service-role client in browser code \(wasm main\): the service-role key ships to every visitor and bypasses row level security; do privileged work on a server \(route handler, server action, edge function\) and use the anon \(publishable\) key here`
	sb, _ := supabase.NewClient(supabaseURL, "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz", nil) // want `supabase.NewClient builds a service-role client`
	pub, _ := supabase.NewClient(supabaseURL, "sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH", nil)

	cfg := config.Load()
	viaConfig, _ := supabase.NewClient(cfg.URL, cfg.ServiceRoleKey, nil) // want `supabase.NewClient builds a service-role client`
	anonConfig, _ := supabase.NewClient(cfg.URL, cfg.AnonKey, nil)
	viaHelper, _ := supabase.NewClient(cfg.URL, secretKey(), nil) // want `supabase.NewClient builds a service-role client`
	viaTag, _ := supabase.NewClient(cfg.URL, loaded.Key, nil)     // want `supabase.NewClient builds a service-role client`
	anonTag, _ := supabase.NewClient(cfg.URL, loaded.Anon, nil)
	key := os.Getenv("SUPABASE_ANON_KEY")
	viaVar, _ := supabase.NewClient(cfg.URL, key, nil)

	back, _ := admin.New() // want `admin.New constructs a service-role client and is called from browser code \(wasm main → admin.New → supabase.NewClient\)`
	front, _ := admin.NewUser()

	req, _ := http.NewRequest("GET", supabaseURL+"/rest/v1/audit?select=*", nil)
	req.Header.Set("apikey", serviceRoleKey)                  // want `an apikey header is set in browser code \(wasm main\): the service-role key ships to every visitor and bypasses row level security; do privileged work on a server and send the anon \(publishable\) key with the user's JWT here`
	req.Header.Set("Authorization", "Bearer "+serviceRoleKey) // want `an Authorization header is set in browser code`
	req.Header.Set("apikey", anonKey)
	req.Header.Set("Authorization", "Bearer "+js.Global().Get("token").String())

	_ = []any{user, svc, sb, pub, viaConfig, anonConfig, viaHelper, viaTag, anonTag, viaVar, back, front, req}
}
