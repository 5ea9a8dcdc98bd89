// Package admin builds a service-role client for back-office jobs.
package admin

import (
	"os"

	supabase "github.com/supabase-community/supabase-go"
)

// New builds the service-role client.
func New() (*supabase.Client, error) {
	return supabase.NewClient(os.Getenv("SUPABASE_URL"), serviceKey(), nil)
}

// NewUser builds a user client with the anon key.
func NewUser() (*supabase.Client, error) {
	return supabase.NewClient(os.Getenv("SUPABASE_URL"), os.Getenv("SUPABASE_ANON_KEY"), nil)
}

func serviceKey() string { return os.Getenv("SUPABASE_SERVICE_ROLE_KEY") }
