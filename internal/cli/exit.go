package cli

import (
	"fmt"
	"io"
	"sync"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/output"
	"github.com/dypai/dypailint/internal/redact"
)

// exit is the one way text leaves the process: every finding, note, error
// and -v line is redacted (a secret shows at most its first four
// characters) and, on the terminal, has its control characters escaped,
// so that a file named "a\x1b[2J.js" cannot clear the screen or forge a
// line.
type exit struct {
	stderr io.Writer
	red    *redact.Redactor
	mu     sync.Mutex // -v lines come from the engines' goroutines
}

// say prints one line to standard error, prefixed with "dypailint: ".
func (x *exit) say(format string, args ...any) {
	line := output.Escape(x.red.String(fmt.Sprintf(format, args...)))
	x.mu.Lock()
	defer x.mu.Unlock()
	fmt.Fprintf(x.stderr, "dypailint: %s\n", line)
}

// redactRun redacts the texts of a run's findings, errors and notes, for
// every format (JSON and SARIF carry them too).
func (x *exit) redactRun(run *output.Run) {
	for i := range run.Findings {
		maskMessages(&run.Findings[i], x.red)
	}
	for i, e := range run.Errors {
		run.Errors[i] = x.red.Error(e)
	}
	for i, e := range run.Notes {
		run.Notes[i] = x.red.Error(e)
	}
}

// maskMessages masks the message of f and of its related locations.
func maskMessages(f *finding.Finding, red *redact.Redactor) {
	f.Message = red.String(f.Message)
	for j := range f.Related {
		f.Related[j].Message = red.String(f.Related[j].Message)
	}
}
