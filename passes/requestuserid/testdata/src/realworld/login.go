package realworld

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v3"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
)

// Login handlers: the user id in the body comes with the user's password,
// which is checked before a token is minted. That is authentication, not
// a caller naming another user.

type loginReq struct {
	UserID   string `json:"user_id"`
	PassWord string `json:"password"`
}

// Account is a stored account.
type Account struct {
	UserID string
	Hash   []byte
}

type accountRepo interface {
	CheckPassword(ctx context.Context, userID, password string) (bool, error)
	ByUserID(userID string) (*Account, error)
	Login(req *loginReq) (*Account, error)
	SetPassword(userID string, hash []byte) error
}

var logins accountRepo

var signingKey = []byte("k")

func mint(userID string) string {
	tok, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": userID}).SignedString(signingKey)
	return tok
}

// The repository checks the password given with the id.
func loginChecked(c *gin.Context) {
	var req loginReq
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	ok, err := logins.CheckPassword(c.Request.Context(), req.UserID, req.PassWord)
	if err != nil || !ok {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.JSON(http.StatusOK, gin.H{"token": mint(req.UserID)})
}

// The handler compares the stored hash with the password.
func loginBcrypt(c *gin.Context) {
	var req loginReq
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	acct, err := logins.ByUserID(req.UserID)
	if err != nil || bcrypt.CompareHashAndPassword(acct.Hash, []byte(req.PassWord)) != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.JSON(http.StatusOK, gin.H{"token": mint(acct.UserID)})
}

// The bound request is handed to the repository's Login whole
// (yusuftalhaklc/go-fiber-authentication).
func loginWhole(c fiber.Ctx) error {
	req := new(loginReq)
	if err := c.Bind().Body(req); err != nil {
		return err
	}
	acct, err := logins.Login(req)
	if err != nil {
		return err
	}
	return c.JSON(map[string]string{"token": mint(acct.UserID)})
}

// Form fields, compared by the handler.
func loginForm(w http.ResponseWriter, r *http.Request) {
	uid := r.FormValue("user_id")
	acct, err := logins.ByUserID(uid)
	if err != nil || string(acct.Hash) != r.FormValue("password") {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.Write([]byte(mint(uid)))
}

// A password sent with the id but never checked: setting anyone's
// password is the takeover DYP203 is for.
func resetPassword(c *gin.Context) {
	var req loginReq
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	hash, _ := bcrypt.GenerateFromPassword([]byte(req.PassWord), bcrypt.DefaultCost)
	logins.SetPassword(req.UserID, hash) // want `user id from JSON body field "user_id" is passed to logins\.SetPassword`
	c.JSON(http.StatusOK, gin.H{"token": mint(req.UserID)})
}
