package finding

import (
	"errors"
	"fmt"
	"testing"
)

func TestUniqueErrors(t *testing.T) {
	got := UniqueErrors([]error{errors.New("b"), errors.New("a"), errors.New("b"), errors.New("c"), errors.New("a")})
	if fmt.Sprint(got) != "[b a c]" {
		t.Errorf("UniqueErrors = %v, want [b a c]", got)
	}
}
