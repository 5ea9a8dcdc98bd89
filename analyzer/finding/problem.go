package finding

import "fmt"

// Problem is what an engine reports beside its findings about the input
// itself: a file that does not parse, a bound that was hit, a file skipped.
// Every engine and the driver use it (scantree's OutsideError, which says
// where a refused path leads, is the one other kind).
type Problem struct {
	File      string // absolute path, or "" when it is about no file
	Line, Col int    // 1-based, Col in bytes; 0 when it is about the whole file
	Msg       string
	// Notice marks a gap in what was seen (an import that does not resolve,
	// a file skipped as binary, a bound hit) rather than a broken input: it
	// is reported as a note and does not fail the run.
	Notice bool
	// Kind, when set, is the sentinel error that says what sort of
	// problem it is, for errors.Is (scantree.ErrTooDeep).
	Kind error
}

// Unwrap returns p.Kind.
func (p *Problem) Unwrap() error { return p.Kind }

func (p *Problem) Error() string {
	switch {
	case p.File == "":
		return p.Msg
	case p.Line == 0:
		return p.File + ": " + p.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// IsNotice reports whether p is a notice.
func (p *Problem) IsNotice() bool { return p.Notice }

// Notef returns a notice about file ("" for none).
func Notef(file, format string, args ...any) *Problem {
	return &Problem{File: file, Msg: fmt.Sprintf(format, args...), Notice: true}
}

// IsNotice reports whether err is a notice rather than an input error: a
// Problem or another error whose IsNotice method says so. Only err itself
// is asked, not what it wraps: an error that wraps a notice decides for
// itself (the redactor's keeps it).
func IsNotice(err error) bool {
	n, ok := err.(interface{ IsNotice() bool })
	return ok && n.IsNotice()
}
