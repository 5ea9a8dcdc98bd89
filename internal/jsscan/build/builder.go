package build

import "github.com/dypai/dypailint/internal/jsscan/project"

// Builder is a project as its builds see it.
type Builder struct{ *project.Project }
