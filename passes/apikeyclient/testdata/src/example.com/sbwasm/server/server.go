// Package server is server code: a service-role client here is fine.
package server

import (
	"os"

	supabase "github.com/supabase-community/supabase-go"
)

func Admin() (*supabase.Client, error) {
	return supabase.NewClient(os.Getenv("SUPABASE_URL"), os.Getenv("SUPABASE_SERVICE_ROLE_KEY"), nil)
}
