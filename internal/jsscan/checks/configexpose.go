package checks

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/internal/jslex"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/textfile"
)

// Build configs can put values into the browser bundle whatever their
// names: Next.js's env and publicRuntimeConfig, Nuxt's runtimeConfig.public,
// Vite's define. A secret-like key there, or one whose value reads a
// secret-like env var, ships the secret (DYP102, at the key).

// exposingConfigs are the build configs (by base name) and, in each, the
// key paths of the objects whose entries reach the browser.
var exposingConfigs = []struct {
	base   string
	blocks [][]string
}{
	{"next.config", [][]string{{"env"}, {"publicRuntimeConfig"}}},
	{"nuxt.config", [][]string{{"runtimeConfig", "public"}, {"appConfig"}}},
	{"vite.config", [][]string{{"define"}}},
}

// configExts are the extensions a build config may have.
var configExts = []string{".js", ".mjs", ".cjs", ".ts", ".mts"}

// keyObjectREs match, for each key of exposingConfigs' paths, the key
// followed by an object: key: {, "key": {.
var keyObjectREs = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, c := range exposingConfigs {
		for _, path := range c.blocks {
			for _, key := range path {
				m[key] = regexp.MustCompile(`(?:^|[^\w$.])["']?` + regexp.QuoteMeta(key) + `["']?\s*:\s*\{`)
			}
		}
	}
	return m
}()

// envReadRE finds the env var a value reads: process.env.X,
// process.env["X"], import.meta.env.X.
var envReadRE = regexp.MustCompile(`(?:process\.env|import\.meta\.env)(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\])`)

// ConfigExposures returns DYP102 findings for the build configs at the
// project's root.
func ConfigExposures(p *build.Builder) []finding.Finding {
	var out []finding.Finding
	for _, c := range exposingConfigs {
		for _, ext := range configExts {
			name := c.base + ext
			file := filepath.Join(p.Root, name)
			src, err := p.Tree.ReadFile(file)
			if err != nil {
				continue
			}
			for _, path := range c.blocks {
				out = append(out, blockExposures(p, file, string(src), c.base, path)...)
			}
		}
	}
	return out
}

// blockExposures returns the DYP102 findings of the object at path in the
// config file (source s) named base.
func blockExposures(p *build.Builder, file, s, base string, path []string) []finding.Finding {
	start, end := 0, len(s)
	for _, key := range path {
		var ok bool
		if start, end, ok = objectAt(s, start, end, key); !ok {
			return nil
		}
	}
	where := base + " " + strings.Join(path, ".")
	var out []finding.Finding
	for _, e := range objectEntries(s, start, end) {
		exposed := strings.TrimPrefix(strings.TrimPrefix(e.key, "process.env."), "import.meta.env.")
		from := ""
		if m := envReadRE.FindStringSubmatch(e.value); m != nil {
			from = m[1] + m[2]
		}
		if !secretName(p, exposed) && (from == "" || !secretName(p, from)) {
			continue
		}
		line, col := textfile.LineCol(s, e.at)
		out = append(out, finding.Finding{RuleID: rules.DYP102,
			Loc:     finding.Location{File: file, Line: line, Col: col},
			Message: rules.MsgConfigExposesSecret(where, exposed, from)})
	}
	return out
}

// secretName reports whether a config key or env var name (any case:
// serviceRoleKey, SUPABASE_SERVICE_ROLE_KEY) names a secret.
func secretName(p *build.Builder, name string) bool {
	return p.Config.Profile.IsSecretEnv(strings.ToUpper(strings.Join(session.Words(name), "_")))
}

// objectAt finds, among the top-level entries of s[start:end] (or anywhere
// when start is 0 and the key is the first of the path), the entry key:
// { … } and returns the span of its object's body.
func objectAt(s string, start, end int, key string) (int, int, bool) {
	re := keyObjectREs[key]
	for off := start; off < end; {
		loc := re.FindStringIndex(s[off:end])
		if loc == nil {
			return 0, 0, false
		}
		open := off + loc[1] - 1
		if close := matchBrace(s, open); close > open {
			return open + 1, close, true
		}
		off += loc[1]
	}
	return 0, 0, false
}

// matchBrace returns the index of the brace closing the one at open,
// skipping strings, template literals and comments, or -1.
func matchBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch c := s[i]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		case '"', '\'', '`':
			i = skipQuoted(s, i)
		case '/':
			if i+1 < len(s) && s[i+1] == '/' {
				i = jslex.LineEnd(s, i)
			} else if i+1 < len(s) && s[i+1] == '*' {
				textEnd, end := jslex.BlockComment(s, i)
				if textEnd == len(s) {
					return -1 // not closed
				}
				i = end - 1
			}
		}
	}
	return -1
}

// skipQuoted returns the offset of the quote closing the string or
// template literal at i, or, when it does not close, where it stops.
func skipQuoted(s string, i int) int {
	end, ok := jslex.SkipLiteral(s, i)
	if ok {
		return end - 1
	}
	return end
}

// configEntry is one key: value of an object literal's body.
type configEntry struct {
	key, value string
	at         int // offset of the key
}

var entryKeyRE = regexp.MustCompile(`^\s*(?:["']([^"']+)["']|([A-Za-z_$][\w$.]*))\s*:`)

// objectEntries splits s[start:end], an object body, into its top-level
// key: value entries (spreads, methods and shorthand names are skipped).
func objectEntries(s string, start, end int) []configEntry {
	var out []configEntry
	from := start
	depth := 0
	flush := func(to int) {
		from = skipBlank(s, from, to)
		part := s[from:to]
		if m := entryKeyRE.FindStringSubmatchIndex(part); m != nil {
			k, at := "", 0
			if m[2] >= 0 {
				k, at = part[m[2]:m[3]], m[2]
			} else {
				k, at = part[m[4]:m[5]], m[4]
			}
			out = append(out, configEntry{key: k, value: part[m[1]:], at: from + at})
		}
	}
	for i := start; i < end; i++ {
		switch c := s[i]; c {
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			depth--
		case '"', '\'', '`':
			i = skipQuoted(s, i)
		case '/':
			if i+1 < end && s[i+1] == '/' {
				for i < end && s[i] != '\n' {
					i++
				}
			}
		case ',':
			if depth == 0 {
				flush(i)
				from = i + 1
			}
		}
	}
	flush(end)
	return out
}

// skipBlank skips white space and comments from i, up to end.
func skipBlank(s string, i, end int) int {
	for i < end {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r':
			i++
		case strings.HasPrefix(s[i:end], "//"):
			i = jslex.LineEnd(s[:end], i)
		case strings.HasPrefix(s[i:end], "/*"):
			_, i = jslex.BlockComment(s[:end], i)
		default:
			return i
		}
	}
	return i
}
