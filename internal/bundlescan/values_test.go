package bundlescan

import "testing"

func TestPlaceholder(t *testing.T) {
	for v, want := range map[string]bool{
		"":                                  true,
		"changeme":                          true,
		"your-api-key":                      true,
		"<paste the key>":                   true,
		"sua_chave_gemini_aqui":             true, // Portuguese: "your gemini key here"
		"mets-ta-cle-ici":                   true,
		"xxxxxxxxxxxx":                      true,
		"dyp_live_4Rk9TqZx2LmW7vNc8HbYp3Js": false,
		"sk_live_abcdefghijklmnopqrst":      false, // a long random run
		"live_key_2024_abc":                 false, // digits
		"abc.def":                           false, // too few words to tell
	} {
		if got := placeholder(v); got != want {
			t.Errorf("placeholder(%q) = %v, want %v", v, got, want)
		}
	}
}
