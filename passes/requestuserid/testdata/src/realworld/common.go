// Package realworld holds the shapes of real Go services that DYP203 got
// wrong: each file is named after what broke.
package realworld

import (
	"context"
	"database/sql"
	"time"
)

// DataStore is the app's data layer.
type DataStore interface {
	DeleteUser(siteID, userID string) error
	SetBlock(siteID, userID string, status bool, ttl time.Duration) error
	OrdersFor(ctx context.Context, userID string) ([]string, error)
	Follow(ctx context.Context, followerID, followeeID string) error
	GetUser(id int) (User, error)
	FindOneUser(id int) (*Record, error)
}

// Record is a stored user.
type Record struct{ ID int }

// Save stores the record.
func (r *Record) Save() error { return nil }

// User is the verified user.
type User struct {
	ID   string
	Role string
}

type ctxKey struct{}

// UserFromContext returns the user the auth middleware verified.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(ctxKey{}).(*User)
	return u
}

var (
	store DataStore
	db    *sql.DB
)
