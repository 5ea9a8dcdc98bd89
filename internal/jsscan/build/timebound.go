package build

import (
	"errors"
	"fmt"
	"time"

	"github.com/dypai/dypailint/analyzer/finding"
)

// ProjectTimeBound bounds the analysis of one JS/TS project: checked
// between builds and between modules, it stops what an input built to be
// slow could otherwise stretch without end, with a note.
const ProjectTimeBound = 3 * time.Minute

// ErrTimeBound is the Kind of the note on a project that hit its time bound.
var ErrTimeBound = errors.New("time bound")

// TimeBound notes a project whose analysis hit projectTimeBound, with left
// modules not analysed (0 when a build was cut short). It names no file:
// the note is about the whole project, whatever part of it is reported.
func TimeBound(root string, left int) *finding.Problem {
	msg := fmt.Sprintf("%s: analysis stopped at its time bound (%v) while building", root, ProjectTimeBound)
	if left > 0 {
		msg = fmt.Sprintf("%s: analysis stopped at its time bound (%v): %d modules not analysed", root, ProjectTimeBound, left)
	}
	return &finding.Problem{Msg: msg, Notice: true, Kind: ErrTimeBound}
}
