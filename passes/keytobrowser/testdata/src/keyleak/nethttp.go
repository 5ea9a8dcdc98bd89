package keyleak

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"log"
	"net/http"
	"os"

	"example.com/dypai"
)

// apiKey is read at package initialisation.
var apiKey = os.Getenv("DYPAI_API_KEY")

func configHandler(w http.ResponseWriter, r *http.Request) {
	key := os.Getenv("DYPAI_API_KEY")
	json.NewEncoder(w).Encode(map[string]string{"apiKey": key}) // want `^API key from os\.Getenv\("DYPAI_API_KEY"\) is written to the HTTP response by json\.Encoder\.Encode: keep the key on the server$`
}

func writeRaw(w http.ResponseWriter, r *http.Request) {
	key, ok := os.LookupEnv("DYPAI_API_KEY")
	if !ok {
		return
	}
	w.Write([]byte("key=" + key)) // want `API key from os\.LookupEnv\("DYPAI_API_KEY"\) is written to the HTTP response by http\.ResponseWriter\.Write`
}

func globalKey(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "<script>window.KEY=%q</script>", apiKey) // want `API key from os\.Getenv\("DYPAI_API_KEY"\) is written to the HTTP response by fmt\.Fprintf`
}

func sprintfThen(w http.ResponseWriter, r *http.Request) {
	msg := fmt.Sprintf("key: %s", os.Getenv("PAYMENTS_SECRET"))
	io.WriteString(w, msg) // want `API key from os\.Getenv\("PAYMENTS_SECRET"\) is written to the HTTP response by io\.WriteString`
}

var page = template.Must(template.New("page").Parse(`<meta name="key" content="{{.Key}}">`))

func templ(w http.ResponseWriter, r *http.Request) {
	data := struct{ Title, Key string }{Title: "home", Key: os.Getenv("DYPAI_API_KEY")}
	page.Execute(w, data) // want `by template\.Template\.Execute: keep the key on the server`
}

func templOK(w http.ResponseWriter, r *http.Request) {
	data := struct{ Title, Key string }{Title: "home", Key: "public-demo"}
	page.ExecuteTemplate(w, "page", data)
}

// The key going to the SDK is what it is for.
func sdkUse(w http.ResponseWriter, r *http.Request) {
	key := os.Getenv("DYPAI_API_KEY")
	client := dypai.CreateClient("https://api.dypai.dev", key)
	resp, err := client.API.Get(r.Context(), "list_products", nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Write(resp.Body)
}

// An outgoing request's X-API-KEY header is server to server.
func proxy(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("GET", "https://api.dypai.dev/api/list_products", nil)
	req.Header.Set("X-API-KEY", os.Getenv("DYPAI_API_KEY"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// Logs are not the browser.
func logs(w http.ResponseWriter, r *http.Request) {
	key := os.Getenv("DYPAI_API_KEY")
	log.Printf("using key %s", key)
	w.Write([]byte("ok"))
}

// A variable that is not a secret.
func publicURL(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"url": os.Getenv("DYPAI_URL")})
}

func redact(s string) string { return s[:4] + "..." }

// Hashes, lengths, redactions and comparisons do not carry the key.
func fingerprint(w http.ResponseWriter, r *http.Request) {
	sum := sha256.Sum256([]byte(os.Getenv("DYPAI_API_KEY")))
	fmt.Fprintf(w, "%x\n", sum)
	fmt.Fprintf(w, "%d\n", len(os.Getenv("DYPAI_API_KEY")))
	fmt.Fprintln(w, redact(os.Getenv("DYPAI_API_KEY")))
	fmt.Fprintln(w, os.Getenv("DYPAI_API_KEY") != "")
}

// writeJSON is the package's helper: the finding is where the key is
// handed to it.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, map[string]any{"ok": true})
	writeJSON(w, map[string]any{"key": os.Getenv("DYPAI_API_KEY")}) // want `by json\.Encoder\.Encode in writeJSON: keep the key on the server`
}

func loadKey() string { return os.Getenv("DYPAI_API_KEY") }

func sourceInHelper(w http.ResponseWriter, r *http.Request) {
	k := loadKey()
	fmt.Fprintln(w, k) // want `API key from os\.Getenv\("DYPAI_API_KEY"\) is written to the HTTP response by fmt\.Fprintln`
}

func buffered(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	buf.WriteString("key=")
	buf.WriteString(os.Getenv("DYPAI_API_KEY"))
	w.Write(buf.Bytes()) // want `by http\.ResponseWriter\.Write`
}

func bufferedTemplate(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	page.Execute(&buf, map[string]string{"Key": os.Getenv("DYPAI_API_KEY")})
	io.Copy(w, &buf) // want `by io\.Copy`
}

func headerAndCookie(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Key", os.Getenv("DYPAI_API_KEY"))                           // want `by http\.Header\.Set`
	http.SetCookie(w, &http.Cookie{Name: "k", Value: os.Getenv("DYPAI_API_KEY")}) // want `by http\.SetCookie`
}

// A closure captures the key.
func closure() http.HandlerFunc {
	key := os.Getenv("DYPAI_API_KEY")
	return func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, key) // want `API key from os\.Getenv\("DYPAI_API_KEY"\) is written to the HTTP response by fmt\.Fprint`
	}
}

// Standard output is not the browser.
func cli() {
	fmt.Println(os.Getenv("DYPAI_API_KEY"))
	fmt.Fprintln(os.Stdout, os.Getenv("DYPAI_API_KEY"))
}
