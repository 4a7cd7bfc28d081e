// Package auth checks permissions: its Perm wraps a handler, and is no
// idempotency middleware.
package auth

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Auth checks permissions.
type Auth struct{}

// Perm returns h behind a permission check.
func (a *Auth) Perm(h gin.HandlerFunc, perm string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-Perm") != perm {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		h(c)
	}
}
