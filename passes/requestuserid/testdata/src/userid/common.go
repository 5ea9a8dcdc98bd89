package userid

import (
	"context"
	"database/sql"

	"example.com/dypai"
)

// Store is the app's data layer.
type Store struct{ db *sql.DB }

func (s *Store) OrdersFor(ctx context.Context, uid string) ([]string, error) { return nil, nil }
func (s *Store) ByNumber(n int) []string                                     { return nil }
func (s *Store) Order(ctx context.Context, id string) (string, error)        { return "", nil }
func (s *Store) Find(ctx context.Context, f Filter) []string                 { return nil }
func (s *Store) Create(ctx context.Context, o OrderRequest) error            { return nil }

// Filter selects orders.
type Filter struct {
	UserID string
	Status string
}

// OrderRequest is a request body.
type OrderRequest struct {
	OwnerID string   `json:"owner_id"`
	Items   []string `json:"items"`
}

var (
	store  *Store
	db     *sql.DB
	client = dypai.CreateClient("https://api.dypai.dev")
)

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

// HasRole reports whether the verified user has a role.
func HasRole(ctx context.Context, role string) bool { return false }
