package source

import (
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/dypai/dypailint/internal/jslex"
	"github.com/evanw/esbuild/pkg/api"
)

// ComponentExts are the extensions of single-file components, whose script
// blocks are analysed (componentScript): Vue and Svelte.
var ComponentExts = map[string]bool{".vue": true, ".svelte": true}

// IsComponent reports whether a file is a Vue or Svelte single-file
// component.
func IsComponent(path string) bool { return ComponentExts[filepath.Ext(path)] }

// ComponentScript returns the JavaScript or TypeScript of a Vue or Svelte
// single-file component, as esbuild loads it, and its loader: the contents
// of the top-level <script> blocks (Vue's <script> and <script setup>,
// Svelte's instance and module scripts), with every other character — the
// tags themselves, the template or markup, styles, custom blocks — replaced
// by spaces (as many as the character has UTF-16 units, the source map's
// unit) and every line break kept, so that a position in the result is the
// same line and column in the component. Below the last line come:
//
//   - a use of each imported binding the rest of the file mentions (a
//     component used as <AdminPanel /> or <admin-panel>, a function called
//     in {{ … }}), as the frameworks' compiled templates use them: without
//     it TypeScript drops the import and tree shaking the binding. It is
//     read through a namespace import (ns.name), which leaves a binding
//     that is only a type undefined instead of failing the build;
//   - export default {} when the script has no default export, as
//     components are imported by their default export.
//
// The template itself is not analysed.
func ComponentScript(path string, src []byte) (string, api.Loader) {
	s := string(src)
	svelte := filepath.Ext(path) == ".svelte"
	blocks := scriptBlocks(s, svelte)
	var code, markup, script strings.Builder
	code.Grow(len(s) + 32)
	loader := api.LoaderJS
	at := 0
	seen := map[string]string{} // imported bindings (dedupeImports)
	for _, b := range blocks {
		blank(&code, s[at:b.start])
		markup.WriteString(s[at:b.start])
		markup.WriteByte('\n')
		content := dedupeImports(s[b.start:b.end], seen)
		code.WriteString(content)
		script.WriteString(content)
		script.WriteByte('\n')
		at = b.end
		switch strings.ToLower(attrValue(b.attrs, "lang")) {
		case "ts", "typescript":
			if loader != api.LoaderTSX {
				loader = api.LoaderTS
			}
		case "tsx":
			loader = api.LoaderTSX
		case "jsx":
			if loader == api.LoaderJS {
				loader = api.LoaderJSX
			}
		}
	}
	blank(&code, s[at:])
	markup.WriteString(s[at:])
	code.WriteString(templateUses(script.String(), markup.String()))
	for i, b := range blocks {
		if b.src != "" {
			// <script src="./logic.ts">: the component is that module.
			fmt.Fprintf(&code, "\nimport * as __dypai_src%d from %s; globalThis.__dypai_src%d = __dypai_src%d", i, strconv.Quote(b.src), i, i)
		}
	}
	if !defaultExportRE.MatchString(script.String()) {
		code.WriteString("\nexport default {}")
	}
	code.WriteByte('\n')
	return code.String(), loader
}

// blank writes s with each character replaced by spaces, one per UTF-16
// unit, and line terminators kept.
func blank(b *strings.Builder, s string) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteRune(r)
		case r >= 0x10000:
			b.WriteString("  ")
		default:
			b.WriteByte(' ')
		}
	}
}

// sfcBlock is the content of one script block: s[start:end].
type sfcBlock struct {
	start, end int
	attrs      string
	src        string // <script src="…">: the module holding the script
}

// scriptBlocks finds the top-level <script> blocks of a component. In a
// Vue file every top-level element is a block, skipped whole; in a Svelte
// file the markup is read tag by tag, skipping the content of <style>,
// <svelte:head> and <template> (whose scripts are HTML, not the
// component's). Comments are skipped; a <script src="…"> has no content
// of its own: its src is the module holding the script.
func scriptBlocks(s string, svelte bool) []sfcBlock {
	var out []sfcBlock
	i := 0
	for {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return out
		}
		i += j
		if strings.HasPrefix(s[i:], "<!--") {
			k := strings.Index(s[i+4:], "-->")
			if k < 0 {
				return out
			}
			i += 4 + k + 3
			continue
		}
		name := tagName(s[i+1:])
		if name == "" {
			i++
			continue
		}
		gt := openTagEnd(s, i+1+len(name))
		if gt < 0 {
			return out
		}
		attrs := s[i+1+len(name) : gt]
		selfClosing := strings.HasSuffix(attrs, "/")
		lower := strings.ToLower(name)
		switch {
		case selfClosing:
			i = gt + 1
		case lower == "script":
			end := indexFold(s[gt+1:], "</script")
			if end < 0 {
				end = len(s) - gt - 1
			}
			if src := attrValue(attrs, "src"); src != "" {
				out = append(out, sfcBlock{start: gt + 1, end: gt + 1, attrs: attrs, src: src})
			} else {
				out = append(out, sfcBlock{start: gt + 1, end: gt + 1 + end, attrs: attrs})
			}
			i = gt + 1 + end
		case lower == "style" || !svelte || lower == "svelte:head" || lower == "template":
			i = skipElement(s, gt+1, lower)
		default:
			i = gt + 1
		}
	}
}

// tagName is the element name at the start of s (after "<"), or "".
func tagName(s string) string {
	n := 0
	for n < len(s) {
		c := s[n]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || n > 0 && ('0' <= c && c <= '9' || c == '-' || c == ':' || c == '.' || c == '_') {
			n++
			continue
		}
		break
	}
	return s[:n]
}

// openTagEnd returns the index of the ">" ending the open tag whose
// attributes start at i, skipping quoted values and Svelte's {…}
// expressions, or -1.
func openTagEnd(s string, i int) int {
	depth := 0
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'':
			k := strings.IndexByte(s[i+1:], c)
			if k < 0 {
				return -1
			}
			i += 1 + k
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case '>':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// skipElement returns the index after the close tag of the element name
// whose content starts at i, counting nested elements of the same name
// (<template v-if> inside <template>); the content of <style> is raw text.
func skipElement(s string, i int, name string) int {
	depth := 1
	for i < len(s) {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return len(s)
		}
		i += j
		rest := s[i:]
		switch {
		case name != "style" && strings.HasPrefix(rest, "<!--"):
			k := strings.Index(rest[4:], "-->")
			if k < 0 {
				return len(s)
			}
			i += 4 + k + 3
			continue
		case strings.HasPrefix(rest, "</") && strings.EqualFold(tagName(rest[2:]), name):
			gt := strings.IndexByte(rest, '>')
			if gt < 0 {
				return len(s)
			}
			i += gt + 1
			if depth--; depth == 0 {
				return i
			}
			continue
		case name != "style" && strings.EqualFold(tagName(rest[1:]), name):
			gt := openTagEnd(s, i+1+len(name))
			if gt < 0 {
				return len(s)
			}
			if !strings.HasSuffix(s[i+1+len(name):gt], "/") {
				depth++
			}
			i = gt + 1
			continue
		}
		i++
	}
	return len(s)
}

// indexFold is strings.Index ignoring ASCII case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

var attrRE = regexp.MustCompile(`(?i)(?:^|\s)([a-z:@_.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?`)

// attrValue is the value of an attribute of an open tag ("" when absent;
// "true" for an attribute without a value).
func attrValue(attrs, name string) string {
	for _, m := range attrRE.FindAllStringSubmatch(attrs, -1) {
		if strings.EqualFold(m[1], name) {
			if v := m[2] + m[3] + m[4]; v != "" {
				return v
			}
			return "true"
		}
	}
	return ""
}

var (
	defaultExportRE = regexp.MustCompile(`\bexport\s+default\b|\bas\s+default\b`)
	// importRE matches an import declaration with bindings: its "type"
	// keyword, its clause and its specifier.
	importRE = regexp.MustCompile(`(?m)^[ \t]*import\s+(type\s+)?([\w$*{}\s,]*?)\s*from\s*["']([^"'\n]+)["']`)
)

// templateUses returns the code, on lines of its own, that uses the
// script's imported bindings the markup mentions (see componentScript), or
// "".
func templateUses(script, markup string) string {
	var imports, uses []string
	for _, m := range importRE.FindAllStringSubmatch(script, -1) {
		if m[1] != "" {
			continue // import type
		}
		ns := ""
		for _, b := range importBindings(m[2]) {
			if !Mentions(markup, b.local) && !Mentions(markup, "<"+Kebab(b.local)) {
				continue
			}
			if ns == "" {
				ns = fmt.Sprintf("__dypai_template%d", len(imports))
				imports = append(imports, "import * as "+ns+" from "+strconv.Quote(m[3])+";")
			}
			if b.imported == "*" {
				uses = append(uses, ns)
			} else {
				uses = append(uses, ns+"."+b.imported)
			}
		}
	}
	if len(uses) == 0 {
		return ""
	}
	return "\n" + strings.Join(imports, "\n") + "\nglobalThis.__dypai_template = [" + strings.Join(uses, ", ") + "];"
}

// importBinding is one binding of an import clause: the name imported
// ("default", "*" for a namespace), the local name, where its text is in
// the clause, and the commas separating it from its neighbours in its
// list (-1 when none).
type importBinding struct {
	imported, local string
	start, end      int
	before, after   int
}

// importBindings are the bindings of an import clause, leaving out
// type-only specifiers ({ type Props }).
func importBindings(clause string) []importBinding {
	var out []importBinding
	// list calls f for each comma-separated item of s[from:to], with the
	// commas around it.
	list := func(from, to int, f func(start, end, before, after int)) {
		before, start := -1, from
		for i := from; i <= to; i++ {
			if i < to && clause[i] != ',' {
				if clause[i] == '{' {
					if k := strings.IndexByte(clause[i:to], '}'); k >= 0 {
						i += k
					}
				}
				continue
			}
			after := i
			if i == to {
				after = -1
			}
			f(start, i, before, after)
			before, start = i, i+1
		}
	}
	list(0, len(clause), func(start, end, before, after int) {
		item := clause[start:end]
		lead := len(item) - len(strings.TrimLeft(item, " \t\r\n"))
		item = strings.TrimSpace(item)
		start += lead
		end = start + len(item)
		switch {
		case strings.HasPrefix(item, "{"):
			close := strings.LastIndexByte(item, '}')
			if close < 0 {
				close = len(item)
			}
			list(start+1, start+close, func(start, end, before, after int) {
				f := strings.Fields(clause[start:end])
				if len(f) == 0 || f[0] == "type" && len(f) != 3 {
					return // { type X } or { type X as Y }, not { type as t }
				}
				lead := len(clause[start:end]) - len(strings.TrimLeft(clause[start:end], " \t\r\n"))
				text := strings.TrimSpace(clause[start:end])
				out = append(out, importBinding{imported: f[0], local: f[len(f)-1], start: start + lead, end: start + lead + len(text), before: before, after: after})
			})
		case strings.HasPrefix(item, "*"):
			f := strings.Fields(item)
			out = append(out, importBinding{imported: "*", local: strings.TrimPrefix(f[len(f)-1], "*"), start: start, end: end, before: before, after: after})
		case item != "" && !strings.ContainsAny(item, " \t\r\n"):
			out = append(out, importBinding{imported: "default", local: item, start: start, end: end, before: before, after: after})
		}
	})
	return out
}

// dedupeImports blanks, in a later script block, the import bindings an
// earlier block imported already (the same name from the same module):
// Vue merges the imports of <script> and <script setup>, but one module
// may not declare a name twice. seen maps local names to
// "module\x00imported name"; the block's own imports are added to it.
func dedupeImports(block string, seen map[string]string) string {
	out := []byte(block)
	cut := func(from, to int) {
		for i := from; i < to; i++ {
			if c := out[i]; c != '\n' && c != '\r' {
				out[i] = ' '
			}
		}
	}
	own := map[string]string{}
	for _, m := range importRE.FindAllStringSubmatchIndex(block, -1) {
		if m[2] >= 0 {
			continue // import type
		}
		spec, at := block[m[6]:m[7]], m[4]
		bs := importBindings(block[m[4]:m[5]])
		var dups []importBinding
		for _, b := range bs {
			key := spec + "\x00" + b.imported
			if seen[b.local] == key {
				dups = append(dups, b)
			}
			own[b.local] = key
		}
		switch {
		case len(dups) == 0:
		case len(dups) == len(bs):
			cut(m[0], m[1]) // the whole declaration
		default:
			for _, b := range dups {
				cut(at+b.start, at+b.end)
				switch {
				case b.after >= 0:
					cut(at+b.after, at+b.after+1)
				case b.before >= 0:
					cut(at+b.before, at+b.before+1)
				}
			}
		}
	}
	maps.Copy(seen, own)
	return string(out)
}

// Mentions reports whether s contains word as a whole identifier.
func Mentions(s, word string) bool {
	if word == "" || word == "<" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(word)
		before := j == 0 || !jslex.IsIdentPart(s[j-1]) || word[0] == '<'
		if before && (end == len(s) || !jslex.IsIdentPart(s[end]) && s[end] != '-') {
			return true
		}
		i = j + 1
	}
}

// Kebab is a PascalCase component name in kebab case (AdminPanel →
// admin-panel), as Vue templates may write it.
func Kebab(name string) string {
	var b strings.Builder
	for i, r := range name {
		if 'A' <= r && r <= 'Z' {
			if i > 0 {
				b.WriteByte('-')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
