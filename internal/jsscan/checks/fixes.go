package checks

import (
	"bytes"

	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jslex"
	"github.com/dypai/dypailint/internal/jsscan/eval"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// dropIdentityFixes returns the mechanical fix of DYP201: delete each
// identity property written directly in a payload object literal, in the
// original source. A property whose original text cannot be found where the
// source map points gets no fix.
func (ca *checker) dropIdentityFixes(payloads []*eval.Value) []finding.Fix {
	var fix finding.Fix
	for _, v := range payloads {
		if v == nil || v.Kind != eval.Object {
			continue
		}
		for _, p := range v.Obj.Value {
			var name string
			switch p := p.(type) {
			case *ast.PropertyKeyed:
				name, _ = jsast.PropName(p)
			case *ast.PropertyShort:
				name = string(p.Name.Name)
			}
			if name == "" || !ca.a.p.Config.IsIdentityField(name) {
				continue
			}
			loc, ok := ca.loc(p.Idx0())
			if !ok {
				continue
			}
			src, err := ca.a.files.Read(loc.File)
			if err != nil {
				continue
			}
			if start, end, ok := propertySpan(src, loc.Line, loc.Col, name); ok {
				fix.Edits = append(fix.Edits, finding.Edit{File: loc.File, Start: start, End: end})
			}
		}
	}
	if len(fix.Edits) == 0 {
		return nil
	}
	fix.Message = "remove the identity fields from the payload"
	return []finding.Fix{fix}
}

// propertySpan finds, in an object literal's source, the bytes to delete to
// remove the property whose key starts at line:col (1-based, bytes): the
// property, its value and the comma after it (or, for the last property,
// the comma before it). It checks that the key is there and gives up on
// anything it cannot follow.
func propertySpan(src []byte, line, col int, key string) (int, int, bool) {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return 0, 0, false
		}
		start += i + 1
	}
	start += col - 1
	if start < 0 || start >= len(src) {
		return 0, 0, false
	}
	rest := src[start:]
	switch {
	case bytes.HasPrefix(rest, []byte(key)):
	case len(rest) > 0 && (rest[0] == '"' || rest[0] == '\'') && bytes.HasPrefix(rest[1:], []byte(key)) && len(rest) > len(key)+1 && rest[len(key)+1] == rest[0]:
	default:
		return 0, 0, false
	}
	// Scan to the end of the value: a comma or closing brace at depth 0.
	depth, i := 0, start
	for ; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'', '`':
			end, ok := jslex.SkipLiteral(src, i)
			if !ok {
				return 0, 0, false
			}
			i = end - 1 // at the closing quote
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				i = jslex.LineEnd(src, i)
			} else if i+1 < len(src) && src[i+1] == '*' {
				textEnd, end := jslex.BlockComment(src, i)
				if textEnd == len(src) {
					return 0, 0, false // not closed
				}
				i = end - 1
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				// The last property: remove the comma before it instead.
				k := start - 1
				for k >= 0 && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
					k--
				}
				if k >= 0 && src[k] == ',' {
					end := i
					for end > start && (src[end-1] == ' ' || src[end-1] == '\t') {
						end--
					}
					if bytes.HasSuffix(src[start:end], []byte("\n")) {
						end--
					}
					return k, end, true
				}
				end := i
				for end > start && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\n' || src[end-1] == '\r') {
					end--
				}
				return start, end, true
			}
			depth--
		case ',':
			if depth == 0 {
				end := i + 1
				for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
					end++
				}
				// A property on a line of its own goes with its line.
				ls := start
				for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
					ls--
				}
				if (ls == 0 || src[ls-1] == '\n') && end < len(src) && src[end] == '\n' {
					return ls, end + 1, true
				}
				return start, end, true
			}
		}
	}
	return 0, 0, false
}
