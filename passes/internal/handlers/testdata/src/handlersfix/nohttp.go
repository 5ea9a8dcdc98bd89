package handlersfix

// Plain functions are never handlers.
func Sum(a, b int) int { return a + b }
