package useridtest

import (
	"database/sql"
	"net/http"
	"testing"
)

var db *sql.DB

func fakeAPI(w http.ResponseWriter, r *http.Request) {
	db.Query("select 1 where user_id = $1", r.URL.Query().Get("user_id"))
}

func TestFake(t *testing.T) { _ = fakeAPI }
