package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
)

var (
	base = os.Getenv("DYPAI_URL")
	key  = os.Getenv("DYPAI_API_KEY")
)

func rawJWTEndpoint(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/create_order", nil)
	req.Header.Set("X-API-KEY", key) // want `user-scoped request with an X-API-KEY header: dypai.yaml declares "create_order" jwt; send the signed-in user's JWT \(Authorization: Bearer\) instead`
	http.DefaultClient.Do(req)
}

func rawSync(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/sync_erp_orders", nil)
	req.Header.Set("x-api-key", key) // an api_key endpoint: fine
	http.DefaultClient.Do(req)
}

func rawBody(uid string) {
	body, _ := json.Marshal(map[string]any{"since": 1, "user_id": uid})
	req, _ := http.NewRequest("POST", base+"/api/sync_erp_orders", bytes.NewReader(body))
	req.Header.Add("X-Api-Key", key) // want `user-scoped request with an X-API-KEY header: it sends the user's identity \("user_id"\)`
	http.DefaultClient.Do(req)
}

func rawQuery(uid string) {
	req, _ := http.NewRequest("GET", base+"/api/sync_erp_orders?uid="+uid, nil)
	h := req.Header
	h.Set("X-API-KEY", key) // want `it sends the user's identity \("uid"\)`
	http.DefaultClient.Do(req)
}

// Me reads the session cookie, then calls with the key.
func Me(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("sid"); err != nil {
		return
	}
	req, _ := http.NewRequest("POST", base+"/api/send_digest", nil)
	req.Header["X-Api-Key"] = []string{key} // want `user-scoped request with an X-API-KEY header: it runs in Me, a handler serving a signed-in user \(it reads the "sid" cookie\)`
	lit := &http.Request{Method: "POST", Header: http.Header{
		"X-API-KEY": {key}, // want `it runs in Me`
	}}
	_ = lit
	http.DefaultClient.Do(req)
}

var (
	crmURL = os.Getenv("CRM_URL")
	crmKey = os.Getenv("CRM_API_KEY")
)

// rawOtherAPI calls another API that takes its key in the same header: not
// the platform, whatever it sends.
func rawOtherAPI(uid string) {
	body, _ := json.Marshal(map[string]any{"user_id": uid})
	req, _ := http.NewRequest("POST", crmURL+"/v1/contacts", bytes.NewReader(body))
	req.Header.Set("X-API-KEY", crmKey)
	http.DefaultClient.Do(req)
}

// rawKeyOnly: the URL is unknown, the key names the platform.
func rawKeyOnly(url, uid string) {
	req, _ := http.NewRequest("GET", url+"?user_id="+uid, nil)
	req.Header.Set("X-API-KEY", os.Getenv("DYPAI_API_KEY")) // want `it sends the user's identity \("user_id"\)`
	http.DefaultClient.Do(req)
}
