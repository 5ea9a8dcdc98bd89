package orders

import (
	"context"
	"fmt"
	"net/url"
	"os"

	"example.com/dypai"
)

var (
	client = dypai.CreateClient(os.Getenv("DYPAI_URL"))
	admin  = dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY"))
)

// Order names its identity field with a json tag.
type Order struct {
	Items  []string `json:"items"`
	UserID string   `json:"user_id,omitempty"`
	Secret string   `json:"-"`
}

// Owner has no tags: OwnerID is sent as "OwnerID", which matches owner_id.
type Owner struct {
	OwnerID string
	Note    string
}

// Wrapped nests an Order.
type Wrapped struct {
	Order *Order `json:"order"`
}

// Plain has no identity field.
type Plain struct {
	Items []string `json:"items"`
	User  string   `json:"user"`
}

func structs(ctx context.Context, uid string) {
	client.API.Post(ctx, "create_order", Order{Items: nil, UserID: uid}) // want `user \(jwt\) call of "create_order" sends "user_id" in its payload: the engine already knows the caller \(current_user_id\); remove it`
	client.API.Post(ctx, "create_order", Order{Items: nil})              // the field is not set
	client.API.Post(ctx, "create_order", &Wrapped{Order: &Order{
		UserID: uid, // want `sends "user_id" in its payload`
	}})
	client.API.Post(ctx, "create_order", Owner{OwnerID: uid}) // want `sends "OwnerID" in its payload`
	client.API.Post(ctx, "create_order", Plain{User: uid})    // fine

	var o Order
	o.Items = []string{"a"}
	o.UserID = uid // want `sends "user_id" in its payload`
	client.API.Post(ctx, "create_order", o)
}

func values(ctx context.Context, uid string) {
	v := url.Values{}
	v.Set("limit", "10")
	v.Set("user_id", uid) // want `user \(jwt\) call of "get_orders" sends "user_id" in its payload`
	client.API.Get(ctx, "get_orders", v)

	client.API.Get(ctx, "get_orders?user_id="+uid, nil)                               // want `user \(jwt\) call of "get_orders" sends "user_id" in its query string`
	client.API.Get(ctx, fmt.Sprintf("get_orders?limit=%d&owner_id=%s", 10, uid), nil) // want `sends "owner_id" in its query string`
	client.API.Get(ctx, "get_orders?limit=10", nil)                                   // fine
	client.API.Get(ctx, "get_orders", url.Values{"uid": {uid}})                       // want `sends "uid" in its payload`
}

func writes(ctx context.Context, uid string) {
	m := map[string]any{}
	m["items"] = []string{"a"}
	m["current_user_id"] = uid // want `sends "current_user_id" in its payload`
	client.API.Post(ctx, "create_order", m)
}

func jsonBody(ctx context.Context, uid string) {
	client.API.Post(ctx, "create_order", fmt.Sprintf(`{"items": [], "user_id": %q}`, uid)) // want `sends "user_id" in its payload`
}

// Not reported: allowed_roles, API-key clients, api_key endpoints through
// a client of unknown kind.
func negatives(ctx context.Context, c *dypai.Client, uid string) {
	client.API.Post(ctx, "delete_user", map[string]any{"user_id": uid})       // an admin acting on another user
	admin.API.Post(ctx, "create_order", map[string]any{"user_id": uid})       // DYP301's
	c.API.Post(ctx, "sync_erp_orders", map[string]any{"user_id": uid})        // c may well be the API-key client
	client.API.Post(ctx, "create_order", map[string]any{"items": []string{}}) // no identity
}

// A user client calling an api_key endpoint is DYP405's, and still sends
// the identity by hand.
func userToAPIKeyEndpoint(ctx context.Context, uid string) {
	client.API.Post(ctx, "sync_erp_orders", map[string]any{"owner_id": uid}) // want `user \(jwt\) call of "sync_erp_orders" sends "owner_id"`
}

// Store keeps its client in a field; the method value and closure reach it.
type Store struct{ db *dypai.Client }

func NewStore(token string) *Store {
	return &Store{db: dypai.NewClient(os.Getenv("DYPAI_URL"), dypai.WithAccessToken(token))}
}

func (s *Store) Save(ctx context.Context, uid string) {
	post := s.db.API.Put
	post(ctx, "create_order", map[string]any{"owner_id": uid}) // want `user \(jwt\) call of "create_order" sends "owner_id"`
	go func() {
		s.db.API.Patch(ctx, "create_order", Order{UserID: uid}) // want `sends "user_id"`
	}()
}

// Send is generic over its payload: the payload's type is known at each
// instantiation only, so a struct literal is checked where it is written.
func Send[T any](ctx context.Context, endpoint string, body T) {
	client.API.Post(ctx, endpoint, body)
}

func useSend(ctx context.Context, uid string) {
	Send(ctx, "create_order", Plain{User: uid}) // fine
}
