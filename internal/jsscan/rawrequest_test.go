package jsscan

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/internal/testtree"
)

// TestRawRequestToThePlatform: an X-API-KEY request sending a user id is
// DYP301 when it goes to the platform — its URL or its key names it — and
// not when it goes to another API that takes its key the same way.
func TestRawRequestToThePlatform(t *testing.T) {
	route := func(url, key string) string {
		return "export async function POST(req: Request) {\n  const { userId } = await req.json()\n" +
			"  await fetch(" + url + ", { method: 'POST', headers: { 'x-api-key': " + key + " }, body: JSON.stringify({ userId }) })\n" +
			"  return Response.json({})\n}\n"
	}
	for name, c := range map[string]struct{ url, key, want string }{
		"another API":        {"'https://api.example-crm.com/v1/contacts'", "process.env.CRM_API_KEY!", ""},
		"the platform's URL": {"`${process.env.DYPAI_URL}/api/create_contact`", "process.env.CRM_API_KEY!", "route.ts:03:DYP301"},
		"the platform's key": {"'/api/create_contact'", "process.env.DYPAI_API_KEY!", "route.ts:03:DYP301"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			testtree.Write(t, dir, map[string]string{
				"package.json":       `{"dependencies":{"next":"15","react":"19"}}`,
				"app/api/x/route.ts": route(c.url, c.key),
			})
			if got := summary(scan(t, &config.Config{}, dir).Findings); got != c.want {
				t.Errorf("findings = %q, want %q", got, c.want)
			}
		})
	}
}
