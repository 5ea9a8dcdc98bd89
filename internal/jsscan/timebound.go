package jsscan

import (
	"errors"
	"fmt"
	"time"

	"github.com/dypai/dypailint/analyzer/finding"
)

// projectTimeBound bounds the analysis of one JS/TS project: checked
// between builds and between modules, it stops what an input built to be
// slow could otherwise stretch without end, with a note.
const projectTimeBound = 3 * time.Minute

// errTimeBound is the Kind of the note on a project that hit its time bound.
var errTimeBound = errors.New("time bound")

// timeBound notes a project whose analysis hit projectTimeBound, with left
// modules not analysed (0 when a build was cut short). It names no file:
// the note is about the whole project, whatever part of it is reported.
func timeBound(root string, left int) *finding.Problem {
	msg := fmt.Sprintf("%s: analysis stopped at its time bound (%v) while building", root, projectTimeBound)
	if left > 0 {
		msg = fmt.Sprintf("%s: analysis stopped at its time bound (%v): %d modules not analysed", root, projectTimeBound, left)
	}
	return &finding.Problem{Msg: msg, Notice: true, Kind: errTimeBound}
}
