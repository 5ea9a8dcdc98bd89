package bundlescan

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/envexpose"
)

// isEnvFile reports whether a file name is a dotenv file: .env or
// .env.<anything> (.env.local, .env.production, .env.example, …), but not
// .envrc (a shell script for direnv).
func isEnvFile(name string) bool {
	return name == ".env" || strings.HasPrefix(name, ".env.")
}

// templateWords mark a dotenv file as a template committed for others to
// copy (.env.example, .env.local.sample, …).
var templateWords = []string{"example", "sample", "template", "tmpl", "tpl", "dist", "defaults", "default"}

func isEnvTemplate(name string) bool {
	for _, part := range strings.Split(name, ".")[2:] {
		for _, w := range templateWords {
			if strings.EqualFold(part, w) {
				return true
			}
		}
	}
	return false
}

// envVar is one assignment in a dotenv file.
type envVar struct {
	name      string
	value     string
	line, col int // of the name, 1-based
	endCol    int
}

// parseEnv reads a dotenv file the way dotenv and Next.js read it: lines of
// NAME=value or NAME: value, with an optional "export ", values quoted with
// ', " or ` (double-quoted ones may span lines) or bare up to a " #"
// comment. It also returns the dypai-ignore directives of its comments.
func parseEnv(file string, data []byte) ([]envVar, []*directive.Directive) {
	var vars []envVar
	var ds []*directive.Directive
	addDirective := func(line, col int, text string) {
		if d, ok := directive.Parse(text, directive.JSPrefix); ok {
			d.File, d.Line, d.Col = file, line, col
			ds = append(ds, &d)
		}
	}
	lines := bytes.Split(data, []byte("\n"))
	for i := 0; i < len(lines); i++ {
		raw := string(bytes.TrimSuffix(lines[i], []byte("\r")))
		lineNo := i + 1
		if i == 0 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
		}
		trimmed := strings.TrimLeft(raw, " \t")
		indent := len(raw) - len(trimmed)
		if trimmed == "" {
			continue
		}
		if trimmed[0] == '#' {
			addDirective(lineNo, indent+1, trimmed[1:])
			continue
		}
		rest := trimmed
		if r, ok := strings.CutPrefix(rest, "export "); ok {
			rest = strings.TrimLeft(r, " \t")
		}
		nameStart := indent + len(trimmed) - len(rest)
		n := 0
		for n < len(rest) && (isKeyChar(rest[n]) || rest[n] == '.') {
			n++
		}
		if n == 0 {
			continue
		}
		name := rest[:n]
		after := strings.TrimLeft(rest[n:], " \t")
		switch {
		case strings.HasPrefix(after, "="):
			after = after[1:]
		case strings.HasPrefix(after, ":"):
			after = after[1:]
		default:
			continue
		}
		after = strings.TrimLeft(after, " \t")
		v := envVar{name: name, line: lineNo, col: nameStart + 1, endCol: nameStart + n + 1}
		var tail string // what follows the value on its last line
		if after != "" && (after[0] == '"' || after[0] == '\'' || after[0] == '`') {
			q := after[0]
			body := after[1:]
			k := closingQuote(body, q)
			for k < 0 && q != '\'' && i+1 < len(lines) { // multi-line value
				i++
				body += "\n" + string(bytes.TrimSuffix(lines[i], []byte("\r")))
				k = closingQuote(body, q)
			}
			if k < 0 {
				k = len(body)
			}
			v.value = body[:k]
			if q == '"' {
				v.value = strings.NewReplacer(`\n`, "\n", `\"`, `"`, `\\`, `\`).Replace(v.value)
			}
			if k < len(body) {
				tail = body[k+1:]
			}
		} else {
			v.value = after
			if k := strings.Index(after, " #"); k >= 0 {
				v.value, tail = after[:k], after[k+1:]
			} else if k := strings.Index(after, "\t#"); k >= 0 {
				v.value, tail = after[:k], after[k+1:]
			}
			v.value = strings.TrimSpace(v.value)
		}
		if t := strings.TrimLeft(tail, " \t"); strings.HasPrefix(t, "#") {
			line := lines[i]
			col := bytes.LastIndex(line, []byte(t)) + 1
			addDirective(i+1, col, t[1:])
		}
		vars = append(vars, v)
	}
	return vars, ds
}

func closingQuote(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && q != '\'' {
			i++
			continue
		}
		if s[i] == q {
			return i
		}
	}
	return -1
}

// envFindings returns DYP102 for each browser-exposed, secret-like name
// defined in a dotenv file. In a template (.env.example, …) a name with a
// placeholder value is a name only and is not reported; one with a
// real-looking value is.
//
// Which prefixes are exposed depends on the project's build tool (see
// envexpose): REACT_APP_ in a Vite app's .env is not shipped.
func envFindings(file string, vars []envVar) []finding.Finding {
	template := isEnvTemplate(filepath.Base(file))
	exposed := envexpose.Prefixes(filepath.Dir(file))
	var out []finding.Finding
	for _, v := range vars {
		prefix := envexpose.Prefix(exposed, v.name)
		if prefix == "" || !sdk.IsSecretEnv(v.name) {
			continue
		}
		if template && placeholder(v.value) {
			continue
		}
		msg := rules.MsgPublicEnv(v.name, prefix)
		if template {
			msg = fmt.Sprintf("%s holds a secret but its %s prefix makes the build inline it into browser code, and this example file gives it a real-looking value (%s): drop the prefix, put a placeholder here and rotate the key",
				v.name, prefix, sdk.Redact(v.value))
		}
		out = append(out, finding.Finding{
			RuleID:  rules.DYP102,
			Loc:     finding.Location{File: file, Line: v.line, Col: v.col, EndLine: v.line, EndCol: v.endCol},
			Message: msg,
		})
	}
	return out
}
