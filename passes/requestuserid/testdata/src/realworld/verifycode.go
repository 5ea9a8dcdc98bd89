package realworld

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

// Account verification (brightside-dev/go-chi-rest-api-boilerplate): the
// id comes with the code mailed to that user, and the store looks the code
// up for it. Whoever knows the code is that user: a credential, checked.

type verifyReq struct {
	UserID int    `json:"user_id"`
	Code   string `json:"code"`
}

type codeRow struct{ UserID int }

type codeStore interface {
	GetByCode(ctx context.Context, code string, userID int) (*codeRow, error)
	Save(ctx context.Context, userID int, code string) error
	MarkVerified(ctx context.Context, userID int) error
}

var codes codeStore

func verifyAccount(w http.ResponseWriter, r *http.Request) {
	var req verifyReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	row, err := codes.GetByCode(r.Context(), req.Code, req.UserID)
	if err != nil || row == nil {
		http.Error(w, "invalid code", http.StatusBadRequest)
		return
	}
	codes.MarkVerified(r.Context(), req.UserID)
}

// A code only stored for the id, never checked: anyone sets it for anyone.
func storeCode(w http.ResponseWriter, r *http.Request) {
	var req verifyReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	if err := codes.Save(r.Context(), req.UserID, req.Code); err != nil { // want `user id from JSON body field "user_id" is passed to codes\.Save`
		http.Error(w, errors.Unwrap(err).Error(), http.StatusInternalServerError)
	}
}
