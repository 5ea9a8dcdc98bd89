package realworld

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
)

// A webhook whose payload is signed by the sender is server to server: the
// user id in it is the sender's word, checked by the signature.
func verifySignature(body []byte, sig string) bool {
	mac := hmac.New(sha256.New, []byte("whsec"))
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), []byte(sig))
}

func paymentsHook(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !verifySignature(body, r.Header.Get("X-Signature")) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev struct {
		UserID string `json:"user_id"`
	}
	json.Unmarshal(body, &ev)
	store.OrdersFor(r.Context(), ev.UserID)
}

func inlineHMAC(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, []byte("whsec"))
	mac.Write(body)
	want, _ := hex.DecodeString(r.Header.Get("X-Hub-Signature-256"))
	if !hmac.Equal(mac.Sum(nil), want) {
		return
	}
	var ev struct {
		UserID string `json:"user_id"`
	}
	json.Unmarshal(body, &ev)
	store.OrdersFor(r.Context(), ev.UserID)
}

// Unsigned: reported.
func unsignedHook(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var ev struct {
		UserID string `json:"user_id"`
	}
	json.Unmarshal(body, &ev)
	store.OrdersFor(r.Context(), ev.UserID) // want `user id from JSON body field "user_id" is passed to store\.OrdersFor`
}
