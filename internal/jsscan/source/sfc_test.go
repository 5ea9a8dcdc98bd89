package source

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/evanw/esbuild/pkg/api"
)

// utf16Col is the 0-based UTF-16 column of byte offset off in s, and its
// 0-based line: a source map's view of a position.
func utf16Col(s string, off int) (line, col int) {
	start := strings.LastIndexByte(s[:off], '\n') + 1
	return strings.Count(s[:off], "\n"), len(utf16.Encode([]rune(s[start:off])))
}

// TestComponentScriptPositions: every script character keeps its line and
// UTF-16 column (the source map's unit), whatever precedes it on its line.
func TestComponentScriptPositions(t *testing.T) {
	src := "<template>\n  <p>héllo 🚀 {{ n }}</p>\r\n</template>\n" +
		"<!-- ✨🚀 --><script setup lang=\"ts\">const key = process.env.DYPAI_API_KEY\n" +
		"const n: number = 1 // 🚀 in a comment\n</script>\n<style>p { color: red }</style>\n"
	code, loader := ComponentScript("C.vue", []byte(src))
	if loader != api.LoaderTS {
		t.Errorf("loader = %v, want TS", loader)
	}
	for _, needle := range []string{"const key", "process.env", "const n", "= 1", "// 🚀"} {
		i, j := strings.Index(src, needle), strings.Index(code, needle)
		if i < 0 || j < 0 {
			t.Fatalf("%q: not in source or script:\n%s", needle, code)
		}
		l1, c1 := utf16Col(src, i)
		l2, c2 := utf16Col(code, j)
		if l1 != l2 || c1 != c2 {
			t.Errorf("%q: at %d:%d in the script, %d:%d in the file", needle, l2, c2, l1, c1)
		}
	}
	if strings.Contains(code, "héllo") || strings.Contains(code, "color") || strings.Contains(code, "<script") {
		t.Errorf("markup kept in the script:\n%s", code)
	}
	if !strings.Contains(code, "\r\n") {
		t.Error("line break \\r\\n not kept")
	}
	if !strings.HasSuffix(code, "\nexport default {}\n") {
		t.Errorf("no export default added:\n%q", code)
	}
}

func TestComponentScriptBlocks(t *testing.T) {
	tests := []struct {
		name, src string
		loader    api.Loader
		want      []string // in the script, in order
		not       []string // not in the script
	}{
		{
			name: "Vue two blocks",
			src: "<script lang=\"ts\">\nexport default { name: 'A' }\n</script>\n" +
				"<template><template v-if=\"x\"><script>nope()</script></template></template>\n" +
				"<script setup lang=\"ts\">\nconst a = 1\n</script>\n",
			loader: api.LoaderTS,
			want:   []string{"export default { name: 'A' }", "const a = 1"},
			not:    []string{"nope", "export default {}"},
		},
		{
			name:   "Svelte module and instance",
			src:    "<script context=\"module\">\nexport const prerender = true\n</script>\n<script>\nexport let data\n</script>\n<svelte:head><script src=\"x.js\"></script><script>head()</script></svelte:head>\n<p>{data}</p>\n",
			loader: api.LoaderJS,
			want:   []string{"export const prerender = true", "export let data", "export default {}"},
			not:    []string{"head()"},
		},
		{
			name:   "Svelte 5 module attribute",
			src:    "<script module lang=\"ts\">export const x = 1</script><div on:click={() => a > b}></div><script lang='ts'>let y = 2</script>",
			loader: api.LoaderTS,
			want:   []string{"export const x = 1", "let y = 2"},
		},
		{
			name:   "no script",
			src:    "<template><p>static</p></template>\n<style>p{}</style>\n",
			loader: api.LoaderJS,
			want:   []string{"export default {}"},
			not:    []string{"static"},
		},
		{
			name:   "commented out script",
			src:    "<!-- <script>old()</script> -->\n<script>\nnow()\n</script>\n",
			loader: api.LoaderJS,
			want:   []string{"now()", "export default {}"},
			not:    []string{"old()"},
		},
		{
			name: "imports used only by the template",
			src: "<script setup lang=\"ts\">\nimport AdminPanel from './AdminPanel.vue'\nimport OrderList from './OrderList.vue'\n" +
				"import { fmt, type Opts } from './fmt'\nimport type { Order } from './types'\nimport { Unused } from './unused'\nimport * as icons from './icons'\n</script>\n" +
				"<template><AdminPanel /><order-list /><p>{{ fmt(1) }} {{ icons.x }} Order</p></template>\n",
			loader: api.LoaderTS,
			want: []string{
				"\nimport * as __dypai_template0 from \"./AdminPanel.vue\";\nimport * as __dypai_template1 from \"./OrderList.vue\";\n" +
					"import * as __dypai_template2 from \"./fmt\";\nimport * as __dypai_template3 from \"./icons\";\n" +
					"globalThis.__dypai_template = [__dypai_template0.default, __dypai_template1.default, __dypai_template2.fmt, __dypai_template3];\n" +
					"export default {}\n",
			},
			not: []string{"\"./types\"", "\"./unused\""},
		},
		{
			name:   "renamed import in JS",
			src:    "<script setup>\nimport { AdminPanel as Panel } from './panels.js'\n</script>\n<template><Panel /></template>\n",
			loader: api.LoaderJS,
			want:   []string{"\nimport * as __dypai_template0 from \"./panels.js\";\nglobalThis.__dypai_template = [__dypai_template0.AdminPanel];\n"},
		},
		{
			name:   "template uses nothing",
			src:    "<script setup lang=\"ts\">\nimport { ref } from 'vue'\nconst n = ref(1)\n</script>\n<template><p>static</p></template>\n",
			loader: api.LoaderTS,
			not:    []string{"__dypai_template"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ext := ".vue"
			if strings.HasPrefix(tt.name, "Svelte") {
				ext = ".svelte"
			}
			code, loader := ComponentScript("C"+ext, []byte(tt.src))
			if loader != tt.loader {
				t.Errorf("loader = %v, want %v", loader, tt.loader)
			}
			if len(code) < len(tt.src) || strings.Count(code, "\n") < strings.Count(tt.src, "\n") {
				t.Errorf("script shorter than the file:\n%s", code)
			}
			at := 0
			for _, w := range tt.want {
				i := strings.Index(code[at:], w)
				if i < 0 {
					t.Errorf("%q missing (or out of order) in\n%s", w, code)
					continue
				}
				at += i + len(w)
			}
			for _, n := range tt.not {
				if strings.Contains(code, n) {
					t.Errorf("%q in\n%s", n, code)
				}
			}
			if strings.Count(code, "export default") > 1 {
				t.Errorf("two default exports in\n%s", code)
			}
		})
	}
}

// TestComponentScriptDedupesImports: Vue merges the imports of <script>
// and <script setup>, so both may import the same name; the module esbuild
// sees declares it once, and every position holds.
func TestComponentScriptDedupesImports(t *testing.T) {
	src := "<script lang=\"ts\">\nimport { ref, defineComponent } from 'vue'\nimport Panel from './Panel.vue'\nimport * as icons from './icons'\n" +
		"export default defineComponent({ inheritAttrs: false })\n</script>\n" +
		"<script setup lang=\"ts\">\nimport { computed, ref } from 'vue'\nimport {\n  defineComponent,\n  watch,\n} from 'vue'\n" +
		"import Panel, { size } from './Panel.vue'\nimport { ref as r2 } from 'vue'\nimport * as icons from './icons'\n" +
		"const n = ref(1), d = computed(() => n.value * size), w = watch, x = r2\n</script>\n"
	code, _ := ComponentScript("C.vue", []byte(src))
	tr := api.Transform(code, api.TransformOptions{Loader: api.LoaderTS, Format: api.FormatESModule})
	if len(tr.Errors) > 0 {
		t.Fatalf("esbuild: %s in\n%s", tr.Errors[0].Text, code)
	}
	flat := strings.Join(strings.Fields(code), " ")
	for _, want := range []string{"import { computed } from 'vue'", "import { watch, } from 'vue'", "import { size } from './Panel.vue'", "import { ref as r2 } from 'vue'"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q not in\n%s", want, code)
		}
	}
	if strings.Count(code, "'./icons'") != 1 {
		t.Errorf("the duplicate namespace import is not dropped:\n%s", code)
	}
	if len(code) < len(src) || strings.Count(code, "\n") < strings.Count(src, "\n") {
		t.Errorf("positions moved:\n%s", code)
	}
	l1, c1 := utf16Col(src, strings.Index(src, "const n"))
	if l2, c2 := utf16Col(code, strings.Index(code, "const n")); l1 != l2 || c1 != c2 {
		t.Errorf("const n at %d:%d, want %d:%d", l2, c2, l1, c1)
	}
}
