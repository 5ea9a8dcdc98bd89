package envexpose

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dypai/dypailint/analyzer/sdk"
)

func TestPrefixes(t *testing.T) {
	for name, c := range map[string]struct {
		files map[string]string
		want  []string
	}{
		"next":      {map[string]string{"package.json": `{"dependencies":{"next":"15"}}`}, []string{"NEXT_PUBLIC_"}},
		"vite":      {map[string]string{"package.json": `{"devDependencies":{"vite":"5"}}`}, []string{"VITE_"}},
		"cra":       {map[string]string{"package.json": `{"dependencies":{"react-scripts":"5"}}`}, []string{"REACT_APP_"}},
		"expo":      {map[string]string{"package.json": `{"dependencies":{"expo":"51"}}`}, []string{"EXPO_PUBLIC_"}},
		"vue cli":   {map[string]string{"package.json": `{"devDependencies":{"@vue/cli-service":"5"}}`}, []string{"VUE_APP_"}},
		"sveltekit": {map[string]string{"package.json": `{"devDependencies":{"@sveltejs/kit":"2","vite":"5"}}`}, []string{"PUBLIC_", "VITE_"}},
		"vite envPrefix": {map[string]string{
			"package.json":   `{"devDependencies":{"vite":"5"}}`,
			"vite.config.ts": "export default defineConfig({ envPrefix: ['VITE_', 'REACT_APP_'] })",
		}, []string{"REACT_APP_", "VITE_"}},
		"unknown bundler":     {map[string]string{"package.json": `{"dependencies":{"webpack":"5"}}`}, sdk.PublicEnvPrefixes},
		"broken package.json": {map[string]string{"package.json": `{`}, sdk.PublicEnvPrefixes},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for f, content := range c.files {
				if err := os.WriteFile(filepath.Join(dir, f), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			sub := filepath.Join(dir, "src", "lib")
			os.MkdirAll(sub, 0o755)
			if got := Prefixes(sub); !slices.Equal(got, c.want) {
				t.Errorf("Prefixes = %v, want %v", got, c.want)
			}
		})
	}
	if got := Prefixes(t.TempDir()); !slices.Equal(got, sdk.PublicEnvPrefixes) {
		t.Errorf("no package.json: %v", got)
	}
}

func TestPrefix(t *testing.T) {
	if got := Prefix(sdk.PublicEnvPrefixes, "NEXT_PUBLIC_API_KEY"); got != "NEXT_PUBLIC_" {
		t.Errorf("Prefix = %q", got)
	}
	if got := Prefix([]string{"VITE_"}, "REACT_APP_API_KEY"); got != "" {
		t.Errorf("Prefix = %q, want none", got)
	}
}
