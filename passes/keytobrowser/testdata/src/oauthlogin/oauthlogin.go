// Package oauthlogin is the regression fixture of issue 12: an OAuth2
// login whose oauth2.Config holds the client secret read from the
// environment. The consent URL, the exchanged token and the HTTP client the
// config makes do not carry the secret: writing them to the response is
// not the key leaking.
package oauthlogin

import (
	"context"
	"encoding/json"
	"net/http"
	"os"

	"example.com/vendorapi"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"golang.org/x/oauth2"
)

var oauthCfg = &oauth2.Config{
	ClientID:     os.Getenv("GOOGLE_CLIENT_ID"),
	ClientSecret: os.Getenv("GOOGLE_CLIENT_SECRET"),
	RedirectURL:  "https://app.example.com/callback",
	Scopes:       []string{"email"},
}

func ginLogin(c *gin.Context) {
	url := oauthCfg.AuthCodeURL("state")
	c.Redirect(http.StatusTemporaryRedirect, url)
}

func ginLoginJSON(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"url": oauthCfg.AuthCodeURL("state")})
}

func ginCallback(c *gin.Context) {
	tok, err := oauthCfg.Exchange(c.Request.Context(), c.Query("code"))
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	client := oauthCfg.Client(c.Request.Context(), tok)
	resp, _ := client.Get("https://openidconnect.googleapis.com/v1/userinfo")
	defer resp.Body.Close()
	c.JSON(http.StatusOK, tok)
}

func netLogin(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, oauthCfg.AuthCodeURL("state"), http.StatusFound)
}

// A config built in the handler from a secret read there.
func fiberLogin(c *fiber.Ctx) error {
	conf := &oauth2.Config{ClientID: os.Getenv("GITHUB_CLIENT_ID"), ClientSecret: os.Getenv("GITHUB_CLIENT_SECRET")}
	return c.Redirect(conf.AuthCodeURL("state"))
}

// The secret field itself still is the key.
func leakSecret(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"secret": oauthCfg.ClientSecret}) // want `API key from os\.Getenv\("\w+_CLIENT_SECRET"\) is written to the HTTP response by json\.Encoder\.Encode`
}

// A config of another package holding the key: an unrelated method's
// result does not carry it, the field's accessor does.
var vendor = &vendorapi.Options{BaseURL: "https://vendor.example", APIKey: os.Getenv("VENDOR_API_KEY")}

func vendorEndpoint(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"endpoint": vendor.Endpoint("/v1")})
}

func vendorKey(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"key": vendor.GetAPIKey()}) // want `API key from os\.Getenv\("VENDOR_API_KEY"\) is written to the HTTP response by gin\.Context\.JSON`
}

// A value that is the key as a whole passes it through any method.
func vendorToken(w http.ResponseWriter, r *http.Request) {
	t := vendorapi.Token(os.Getenv("VENDOR_API_KEY"))
	w.Write([]byte(t.Header())) // want `API key from os\.Getenv\("VENDOR_API_KEY"\) is written to the HTTP response by http\.ResponseWriter\.Write`
}

var _ = context.Background
