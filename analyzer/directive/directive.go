// Package directive parses suppression comments and matches them to
// findings. In Go a suppression is "//dypai:ignore DYPnnn[,DYPnnn] reason",
// in JS/TS "// dypai-ignore DYPnnn reason"; either stands on the line of the
// finding or on the line above it. A directive must give a reason, and one
// that matches no finding is itself reported (rule DYP001).
package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/rules"
)

// Prefixes of the comment text (after // or /*) that start a directive.
const (
	GoPrefix = "dypai:ignore"
	JSPrefix = "dypai-ignore"
)

// Directive is one parsed suppression comment.
type Directive struct {
	File    string
	Line    int
	Col     int
	Pos     token.Pos // Go only
	Rules   []string  // rule IDs
	Reason  string
	Problem string // non-empty when malformed: what is wrong with it
}

// Parse parses the text of one comment, without its // or /* */ markers.
// It returns false when the comment is not a directive at all.
func Parse(text, prefix string) (d Directive, ok bool) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, prefix) {
		return d, false
	}
	rest := text[len(prefix):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return d, false // e.g. "dypai:ignorefoo"
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		d.Problem = "names no rule: write " + prefix + " DYPnnn reason"
		return d, true
	}
	for _, id := range strings.Split(fields[0], ",") {
		id = strings.ToUpper(strings.TrimSpace(id))
		if id == "" {
			continue
		}
		if r := rules.ByID(id); r == nil {
			d.Problem = fmt.Sprintf("names unknown rule %q", id)
		} else {
			d.Rules = append(d.Rules, r.ID)
		}
	}
	d.Reason = strings.Join(fields[1:], " ")
	if d.Problem == "" && d.Reason == "" {
		d.Problem = "gives no reason: say why the finding does not apply"
	}
	return d, true
}

// ParseGoFiles returns the directives in the comments of a package's files.
func ParseGoFiles(fset *token.FileSet, files []*ast.File) []*Directive {
	var out []*Directive
	for _, f := range files {
		out = append(out, ParseGo(fset, f)...)
	}
	return out
}

// ParseGo returns the directives in a Go file's comments.
func ParseGo(fset *token.FileSet, f *ast.File) []*Directive {
	var out []*Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text, ok := strings.CutPrefix(c.Text, "//")
			if !ok || !strings.Contains(text, GoPrefix) {
				// A directive is a line comment, like //go: directives.
				// Contains first: most comments are not, and it is far
				// cheaper than trimming each.
				continue
			}
			d, ok := Parse(text, GoPrefix)
			if !ok {
				continue
			}
			p := fset.Position(c.Pos())
			d.File, d.Line, d.Col, d.Pos = p.Filename, p.Line, p.Column, c.Pos()
			out = append(out, &d)
		}
	}
	return out
}

// Index matches findings against directives and remembers which were used.
// It is safe for concurrent use.
type Index struct {
	mu     sync.Mutex
	byFile map[string][]*Directive
	used   map[*Directive]bool
}

// NewIndex indexes ds.
func NewIndex(ds []*Directive) *Index {
	ix := &Index{byFile: map[string][]*Directive{}, used: map[*Directive]bool{}}
	for _, d := range ds {
		ix.byFile[d.File] = append(ix.byFile[d.File], d)
	}
	return ix
}

// Suppressed reports whether a finding of rule id at file:line is
// suppressed, and marks the directive used. Malformed directives suppress
// nothing (they are reported instead).
func (ix *Index) Suppressed(file string, line int, id string) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, d := range ix.byFile[file] {
		if d.Problem == "" && (d.Line == line || d.Line == line-1) && slices.Contains(d.Rules, id) {
			ix.used[d] = true
			return true
		}
	}
	return false
}

// Used returns the directives that suppressed at least one finding.
func (ix *Index) Used() []*Directive {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var out []*Directive
	for d := range ix.used {
		out = append(out, d)
	}
	return out
}

// MarkUsed records d as used (for drivers that learn of uses from elsewhere,
// such as the results of other passes).
func (ix *Index) MarkUsed(match func(*Directive) bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, ds := range ix.byFile {
		for _, d := range ds {
			if match(d) {
				ix.used[d] = true
			}
		}
	}
}

// Unused returns, in file order, the well-formed directives that suppressed
// nothing, limited to those naming at least one rule for which active
// returns true (a directive for a rule that did not run is not stale).
func (ix *Index) Unused(active func(id string) bool) []*Directive {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var out []*Directive
	for _, ds := range ix.byFile {
		for _, d := range ds {
			if d.Problem == "" && !ix.used[d] && slices.ContainsFunc(d.Rules, active) {
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, func(a, b *Directive) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
	return out
}

// Malformed returns the directives that are reported for their form.
func (ix *Index) Malformed() []*Directive {
	var out []*Directive
	for _, ds := range ix.byFile {
		for _, d := range ds {
			if d.Problem != "" {
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, func(a, b *Directive) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
	return out
}

// UnusedMessage is the DYP001 message for a directive that matched nothing.
func UnusedMessage(d *Directive) string {
	return fmt.Sprintf("suppression of %s matches no finding on this line or the next: remove it", strings.Join(d.Rules, ","))
}

// MalformedMessage is the DYP001 message for a malformed directive.
func MalformedMessage(d *Directive) string {
	return "suppression directive " + d.Problem
}
