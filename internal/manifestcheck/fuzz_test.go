package manifestcheck

import (
	"strings"
	"testing"
)

// FuzzYAMLDirectives: any YAML text gives directives at its own lines and
// columns, never a panic.
func FuzzYAMLDirectives(f *testing.F) {
	for _, s := range []string{"app: saas\n# dypai-ignore DYP401 health check\nendpoints:\n  h: {auth_mode: public} # dypai-ignore DYP401 ok\n",
		"url: http://x#y # dypai-ignore", "#dypai-ignore DYP402\n", "a: '#' # dypai-ignore DYP202 reason", "\r\n#\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Split(src, "\n")
		for _, d := range parseYAMLDirectives("dypai.yaml", []byte(src)) {
			if d.Line < 1 || d.Line > len(lines) || d.Col < 1 || d.Col > len(lines[d.Line-1]) {
				t.Fatalf("directive at %d:%d outside the text", d.Line, d.Col)
			}
		}
	})
}
