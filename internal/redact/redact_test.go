package redact

import (
	"errors"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/finding"
)

const jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlLXZhbHVlLTAxMjM0NTY3ODk"

func TestMasksSecretShapes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`expected ":" but found "dyp_live_0123456789abcdef"`, `expected ":" but found "dyp_…"`},
		{`unknown SDK profile "sk_live_51HqLyjWDarjtT1zdp7dcXYZ"`, `unknown SDK profile "sk_l…"`},
		{"token " + jwt + " rejected", "token eyJh… rejected"},
		{"key=AKIAIOSFODNN7EXAMPLE1 end", "key=AKIA… end"},
		{"x: Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZg== y", "x: Zm9v…== y"},
		{"hex 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "hex 9f86…"},
		{`"sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t"`, `"sk-p…"`},
		{"aws wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ3kL9mN2pX8 x", "aws wJal… x"},
	} {
		if got := (&Redactor{}).String(tc.in); got != tc.want {
			t.Errorf("String(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestLeavesOrdinaryTextAlone(t *testing.T) {
	for _, s := range []string{
		"/tmp/TestPreCommitHook2336158401/001/web/app/page.tsx:3:7: createClient with the API key",
		"go: github.com/x/y@v0.0.0-20261009151841-97e8ea77aa2a: missing go.sum entry",
		"web/.next/static/chunks/app/page-0a1b2c3d4e5f6789.js:1:20",
		"dist/assets/index-3f2a9b1c.js",
		"the user client dypai calls get_profile with user_id in its payload",
		"an API-key client (createClient(process.env.DYPAI_URL, process.env.DYPAI_API_KEY)) in browser code",
		"sk-button dyp_client dyp_live_",
		"internalErrorInTheJavaScriptScanner",
		"SUPABASE_SERVICE_ROLE_KEY NEXT_PUBLIC_DYPAI_API_KEY",
		"/tmp/real/j127+golang_rest_api_jwt/main.go: 3 packages",
		"/tmp/real/documenso+documenso/apps/remix/server/main.js:13:32",
	} {
		if got := (&Redactor{}).String(s); got != s {
			t.Errorf("String(%q)\n = %q, want it unchanged", s, got)
		}
	}
}

func TestMasksValuesSeenInTheRun(t *testing.T) {
	var r Redactor
	r.Add("hunter2-but-longer") // low entropy, no prefix: only known by value
	r.Add("Pa55-word")          // short, but mixed: a password
	r.Add("short")              // too short to mask everywhere
	r.Add("documenso")          // a word: a development password, and in every path
	got := r.String(`YAML: unknown key "hunter2-but-longer"; short Pa55-word /src/documenso/a.ts`)
	if want := `YAML: unknown key "hunt…"; short Pa55… /src/documenso/a.ts`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestErrorKeepsNotice(t *testing.T) {
	var r Redactor
	base := finding.Notef("x", "dyp_live_0123456789abcdef")
	err := r.Error(base)
	if strings.Contains(err.Error(), "0123456789") {
		t.Errorf("not redacted: %v", err)
	}
	if !finding.IsNotice(err) {
		t.Errorf("notice lost")
	}
	if !errors.Is(err, base) {
		t.Errorf("errors.Is lost the original")
	}
	if finding.IsNotice(r.Error(errors.New("plain"))) {
		t.Errorf("plain error became a notice")
	}
}

// FuzzRedactor: a registered secret never survives whole, and masking is
// stable (masking masked text changes nothing more).
func FuzzRedactor(f *testing.F) {
	f.Add("expected \":\" but found \"dyp_live_0123456789abcdef\"", "s3cr3t-value-xyz")
	f.Add("token "+jwt+" x", "")
	f.Add("/tmp/TestX123/a.ts:1:2: message", "a.ts:1:2")
	f.Fuzz(func(t *testing.T, text, value string) {
		var r Redactor
		r.Add(value)
		out := r.String(text)
		if v := strings.TrimSpace(value); len(v) >= minValue && (len(v) >= minPlainValue || classes(v) >= 3) && !strings.Contains(v, "…") && strings.Contains(out, v) {
			t.Fatalf("String(%q) = %q keeps the secret %q", text, out, v)
		}
		if again := r.String(out); again != out {
			t.Fatalf("not stable: %q then %q", out, again)
		}
	})
}
