// Package config holds settings as package variables (as one-api does).
package config

var (
	TurnstileSiteKey   = ""
	TurnstileSecretKey = ""
	ServerAddress      = ""
)
