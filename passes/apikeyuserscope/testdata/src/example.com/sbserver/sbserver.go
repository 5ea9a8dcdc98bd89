// Package sbserver is a Supabase back end: with the supabase profile,
// server code using the service-role key for a user it has checked, and
// sending user ids in its queries, is the platform's normal shape (rows
// carry user ids under RLS): DYP301 stays silent.
package sbserver

import (
	"net/http"
	"os"
)

var serviceKey = os.Getenv("SUPABASE_SERVICE_ROLE_KEY")

// Profile reads the user's token, then reads their row with the key.
func Profile(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	uid := r.URL.Query().Get("user_id")
	req, _ := http.NewRequest("GET", os.Getenv("SUPABASE_URL")+"/rest/v1/profiles?user_id=eq."+uid, nil)
	req.Header.Set("apikey", serviceKey)
	req.Header.Set("Authorization", "Bearer "+serviceKey)
	http.DefaultClient.Do(req)
}
