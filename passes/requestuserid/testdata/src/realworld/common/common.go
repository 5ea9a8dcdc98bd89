// Package common holds the app's request helpers (as the gin realworld
// example's common.Bind does).
package common

import "github.com/gin-gonic/gin"

// Bind decodes the request body into obj.
func Bind(c *gin.Context, obj any) error { return c.ShouldBindJSON(obj) }
