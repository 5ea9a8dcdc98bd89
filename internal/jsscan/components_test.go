package jsscan

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/internal/testtree"
)

// TestComponentLowered: a component whose output the parser rejects is
// compiled down (here ??=, which the test hook makes the parser reject) and
// still reported at its position in the file.
func TestComponentLowered(t *testing.T) {
	defer parserGapHook()()
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json": `{"dependencies":{"vue":"^3.5.0","vite":"^6.0.0"}}`,
		"src/main.ts":  "import { createApp } from 'vue'\nimport App from './App.vue'\ncreateApp(App).mount('#app')\n",
		"src/App.vue": "<template><p>{{ n }}</p></template>\n<script setup lang=\"ts\">\nimport { createClient } from '@dypai/client'\n" +
			"let n: number | undefined\nn ??= 1\nconst admin = createClient('u', process.env.DYPAI_API_KEY)\n</script>\n",
	})
	res := scan(t, &config.Config{}, dir)
	if got, want := summary(res.Findings), "App.vue:06:DYP101"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
	if len(res.Findings) == 1 && res.Findings[0].Loc.Col != 15 {
		t.Errorf("column = %d, want 15", res.Findings[0].Loc.Col)
	}
	for _, e := range res.Errors {
		t.Errorf("unexpected error: %v", e)
	}
}
