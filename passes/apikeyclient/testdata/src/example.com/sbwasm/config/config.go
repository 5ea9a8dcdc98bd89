// Package config loads settings; the wasm front end imports it.
package config

import "os"

type Config struct {
	URL            string
	AnonKey        string
	ServiceRoleKey string
}

func Load() Config {
	return Config{
		URL:            os.Getenv("SUPABASE_URL"),
		AnonKey:        os.Getenv("SUPABASE_ANON_KEY"),
		ServiceRoleKey: os.Getenv("SUPABASE_SERVICE_ROLE_KEY"),
	}
}
