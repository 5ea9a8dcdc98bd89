package userid

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"strconv"
	"strings"
)

func orders(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id") // want `^user id from query parameter "user_id" is passed to store\.OrdersFor, whose result is written to the response: the record of any user can be read; take the user id from the verified session or JWT claims instead$`
	list, _ := store.OrdersFor(r.Context(), uid)
	json.NewEncoder(w).Encode(list)
}

// Acting as the user, nothing read back.
func cancelOrders(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id") // want `^user id from query parameter "user_id" is passed to store\.OrdersFor: take the acting user from the verified session instead$`
	store.OrdersFor(r.Context(), uid)
	w.WriteHeader(http.StatusNoContent)
}

// The verified session's user: fine.
func ordersSession(w http.ResponseWriter, r *http.Request) {
	u := UserFromContext(r.Context())
	list, _ := store.OrdersFor(r.Context(), u.ID)
	json.NewEncoder(w).Encode(list)
}

func formValue(w http.ResponseWriter, r *http.Request) {
	uid := r.FormValue("userId") // want `user id from form field "userId" is passed to db\.QueryContext`
	db.QueryContext(r.Context(), "select * from orders where user_id = $1", uid)
}

func headerID(w http.ResponseWriter, r *http.Request) {
	uid := r.Header.Get("X-User-Id") // want `user id from header "X-User-Id" is passed to client\.API\.Post`
	client.API.Post(r.Context(), "create_order", map[string]any{"user_id": uid})
}

func pathValue(w http.ResponseWriter, r *http.Request) {
	store.Order(r.Context(), r.PathValue("uid")) // want `user id from path parameter "uid" is passed to store\.Order`
}

func cookieID(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("uid") // want `user id from cookie "uid" is passed to store\.OrdersFor`
	if err != nil {
		return
	}
	store.OrdersFor(r.Context(), c.Value)
}

func formMap(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	uid := r.Form["owner_id"] // want `user id from form field "owner_id" is passed to store\.OrdersFor`
	store.OrdersFor(r.Context(), uid[0])
}

func bodyField(w http.ResponseWriter, r *http.Request) {
	var req struct {
		UserID string   `json:"user_id"`
		Items  []string `json:"items"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	if req.UserID == "" {
		return
	}
	store.OrdersFor(r.Context(), req.UserID) // want `user id from JSON body field "user_id" is passed to store\.OrdersFor`
	store.Order(r.Context(), req.Items[0])
}

func bodyWhole(w http.ResponseWriter, r *http.Request) {
	var req OrderRequest
	json.NewDecoder(r.Body).Decode(&req) // want `user id from JSON body field "owner_id" is passed to store\.Create`
	store.Create(r.Context(), req)
}

// A body without identity fields.
func bodyNoID(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Items []string `json:"items"`
	}
	json.NewDecoder(r.Body).Decode(&req)
	client.API.Post(r.Context(), "create_order", req)
}

// Echoing the value back, logging it, or checking it is empty is not
// acting as that user.
func echoBack(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id")
	log.Printf("asked for %s", uid)
	if strings.TrimSpace(uid) == "" {
		http.Error(w, "missing user_id", http.StatusBadRequest)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"user_id": uid})
	fmt.Fprintf(w, "user %s", uid)
}

// Compared with the verified identity first.
func compared(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id")
	me := UserFromContext(r.Context())
	if uid != me.ID {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	store.OrdersFor(r.Context(), uid)
}

func comparedFold(w http.ResponseWriter, r *http.Request) {
	uid := r.Header.Get("X-User-Id")
	if !strings.EqualFold(uid, UserFromContext(r.Context()).ID) {
		return
	}
	store.OrdersFor(r.Context(), uid)
}

// An admin acting on another user: the role is checked.
func roleChecked(w http.ResponseWriter, r *http.Request) {
	me := UserFromContext(r.Context())
	if me.Role != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	store.OrdersFor(r.Context(), r.URL.Query().Get("user_id"))
}

func hasRole(w http.ResponseWriter, r *http.Request) {
	if !HasRole(r.Context(), "support") {
		return
	}
	store.OrdersFor(r.Context(), r.URL.Query().Get("user_id"))
}

// delete_user has allowed_roles in dypai.yaml.
func adminEndpoint(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id")
	client.API.Post(r.Context(), "delete_user", map[string]any{"user_id": uid})
}

// Not an identity field.
func notIdentity(w http.ResponseWriter, r *http.Request) {
	store.Order(r.Context(), r.URL.Query().Get("order_id"))
}

// The read in a helper, the use in the handler.
func userIDFrom(r *http.Request) string {
	return r.URL.Query().Get("user_id") // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	uid := userIDFrom(r)
	store.OrdersFor(r.Context(), uid)
}

// A closure uses it.
func closure(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("uid") // want `user id from query parameter "uid" is passed to store\.OrdersFor`
	done := make(chan bool)
	go func() {
		store.OrdersFor(r.Context(), uid)
		done <- true
	}()
	<-done
}

// Built into SQL.
func sprintfQuery(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("owner_id") // want `user id from query parameter "owner_id" is passed to db\.Query`
	q := fmt.Sprintf("select * from orders where owner = '%s'", uid)
	db.Query(q)
}

// Converted to a number.
func numeric(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("user_id")) // want `user id from query parameter "user_id" is passed to store\.ByNumber`
	if err != nil {
		return
	}
	store.ByNumber(n)
}

// In a struct.
func inStruct(w http.ResponseWriter, r *http.Request) {
	f := Filter{UserID: r.URL.Query().Get("user_id"), Status: "open"} // want `user id from query parameter "user_id" is passed to store\.Find`
	store.Find(r.Context(), f)
}

// Through a function of the package that uses it.
func loadOrders(r *http.Request, uid string) []string {
	list, _ := store.OrdersFor(r.Context(), uid)
	return list
}

func viaLocalFunc(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id") // want `user id from query parameter "user_id" is passed to loadOrders`
	json.NewEncoder(w).Encode(loadOrders(r, uid))
}

// A function of the package that only validates it.
func validateID(uid string) bool { return len(uid) == 36 }

func viaValidator(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id")
	if !validateID(uid) {
		http.Error(w, "bad id", http.StatusBadRequest)
	}
}

// Handlers as methods.
type Handler struct{ store *Store }

func (h *Handler) Orders(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id") // want `user id from query parameter "user_id" is passed to h\.store\.OrdersFor`
	h.store.OrdersFor(r.Context(), uid)
}

// Methods of the server type are helpers: they are looked into.
func (h *Handler) load(r *http.Request, uid string) []string {
	list, _ := h.store.OrdersFor(r.Context(), uid)
	return list
}

func (h *Handler) audit(uid string) { log.Printf("audit %s", uid) }

func (h *Handler) Reorder(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id") // want `user id from query parameter "user_id" is passed to h\.load`
	h.audit(uid)
	json.NewEncoder(w).Encode(h.load(r, uid))
}

func (h *Handler) Audit(w http.ResponseWriter, r *http.Request) {
	h.audit(r.URL.Query().Get("user_id"))
}
