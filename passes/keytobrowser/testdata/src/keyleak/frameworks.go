package keyleak

import (
	"encoding/json"
	"net/http"
	"os"

	"example.com/dypai"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

func ginConfig(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"apiKey": os.Getenv("DYPAI_API_KEY")}) // want `by gin\.Context\.JSON: keep the key on the server`
}

func ginHTML(c *gin.Context) {
	c.HTML(http.StatusOK, "index.tmpl", gin.H{"key": apiKey}) // want `by gin\.Context\.HTML`
}

func ginString(c *gin.Context) {
	c.String(http.StatusOK, "key=%s", apiKey) // want `by gin\.Context\.String`
}

func ginWriter(c *gin.Context) {
	c.Writer.WriteString(apiKey) // want `by gin\.ResponseWriter\.WriteString`
}

func ginOK(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok", "url": os.Getenv("DYPAI_URL")})
}

func ginSDK(c *gin.Context) {
	client := dypai.CreateClient("https://api.dypai.dev", os.Getenv("DYPAI_API_KEY"))
	resp, _ := client.API.Post(c.Request.Context(), "sync_orders", nil)
	c.JSON(http.StatusOK, resp)
}

func echoConfig(c echo.Context) error {
	return c.JSON(http.StatusOK, echo.Map{"key": os.Getenv("DYPAI_API_KEY")}) // want `by echo\.Context\.JSON`
}

func echoHTML(c echo.Context) error {
	return c.HTML(http.StatusOK, `<meta name="key" content="`+os.Getenv("DYPAI_API_KEY")+`">`) // want `by echo\.Context\.HTML`
}

func echoString(c echo.Context) error {
	return c.String(http.StatusOK, apiKey) // want `by echo\.Context\.String`
}

func echoResponse(c echo.Context) error {
	json.NewEncoder(c.Response()).Encode(map[string]string{"k": apiKey}) // want `by json\.Encoder\.Encode`
	return nil
}

func echoOK(c echo.Context) error {
	return c.String(http.StatusOK, "ok")
}

func fiberConfig(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"key": os.Getenv("DYPAI_API_KEY")}) // want `by fiber\.Ctx\.JSON`
}

func fiberSend(c *fiber.Ctx) error {
	return c.SendString(apiKey) // want `by fiber\.Ctx\.SendString`
}

func fiberOK(c *fiber.Ctx) error {
	return c.SendString(os.Getenv("DYPAI_URL"))
}

func chiConfig(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	json.NewEncoder(w).Encode(map[string]string{"id": id, "key": apiKey}) // want `by json\.Encoder\.Encode`
}

func muxOK(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(mux.Vars(r))
}
