// Package valid is a project's validator (gin-vue-admin's utils.Verify):
// it inspects any value against rules.
package valid

// Rules are validation rules by field.
type Rules map[string][]string

// IDVerify requires an ID.
var IDVerify = Rules{"ID": {"notEmpty"}}

// Verify checks st against the rules.
func Verify(st interface{}, rules Rules) error { return nil }
