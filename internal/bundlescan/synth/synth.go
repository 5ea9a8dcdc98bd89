// Package synth generates large minified JavaScript bundles for the bundle
// scanner's benchmark and stress tests: one line of code in the shapes a
// minifier produces (renamed identifiers, object literals, regular
// expressions, template literals, escaped strings), with the decoys a
// scanner must stay silent on (the SDK's header-name constant, header
// values that are variables, base64 images, hashes, anon JWTs) and,
// optionally, a few planted leaks. The output depends only on the seed.
package synth

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Leaks are the values planted in a bundle; empty ones are not planted.
type Leaks struct {
	// HeaderKey is sent as a literal X-API-KEY header value.
	HeaderKey string
	// Secret is inlined as a plain string (as a bundler inlines an env var).
	Secret string
}

// AnonJWT is a Supabase-style anon key: public by design, a decoy.
var AnonJWT = jwt(`{"alg":"HS256","typ":"JWT"}`, `{"iss":"supabase","ref":"abcdefghijklmnop","role":"anon","iat":1700000000,"exp":2000000000}`)

// ServiceRoleJWT is a Supabase-style service-role key: a secret.
var ServiceRoleJWT = jwt(`{"alg":"HS256","typ":"JWT"}`, `{"iss":"supabase","ref":"abcdefghijklmnop","role":"service_role","iat":1700000000,"exp":2000000000}`)

func jwt(header, payload string) string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload)) + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk"
}

// Bundle returns about size bytes of minified JavaScript on one line, with
// the leaks planted once each in the middle.
func Bundle(size int, seed uint64, leaks Leaks) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	b.Grow(size + 4096)
	b.WriteString(`"use strict";(()=>{`)
	planted := false
	for i := 0; b.Len() < size; i++ {
		if !planted && b.Len() > size/2 {
			planted = true
			if leaks.HeaderKey != "" {
				fmt.Fprintf(&b, `async function Lk(e){return fetch(e,{method:"POST",headers:{"Content-Type":"application/json","X-API-KEY":"%s"}})}`, leaks.HeaderKey)
			}
			if leaks.Secret != "" {
				fmt.Fprintf(&b, `var Ls={url:"https://acme.dypai.app",key:"%s"};`, leaks.Secret)
			}
		}
		id := ident(r)
		switch r.IntN(12) {
		case 0:
			fmt.Fprintf(&b, `function %s(e,t){return e.map(n=>n*2+t).filter(n=>n%%3!==0)}`, id)
		case 1:
			fmt.Fprintf(&b, `var %s={"Content-Type":"application/json",Accept:"*/*","X-Request-Id":"%s"};`, id, hexString(r, 16))
		case 2: // the SDK's own header-name constant: not a leak
			fmt.Fprintf(&b, `const %s="X-API-KEY";function %s_(e,t){let n={};return n[%s]=t,fetch(e,{headers:n})}`, id, id, id)
		case 3: // a header whose value is a variable: not a leak
			fmt.Fprintf(&b, `%s.headers={"X-API-KEY":e.apiKey,Authorization:"Bearer "+t};`, id)
		case 4: // base64 image
			img := make([]byte, 150+r.IntN(1500))
			for j := range img {
				img[j] = byte(r.Uint32())
			}
			fmt.Fprintf(&b, `const %s="data:image/png;base64,%s";`, id, base64.StdEncoding.EncodeToString(img))
		case 5: // content hash
			fmt.Fprintf(&b, `var %s={sha256:"%s",etag:'W/"%s"'};`, id, hexString(r, 64), hexString(r, 40))
		case 6:
			fmt.Fprintf(&b, `%s=/[a-z]+\/\d{2,}(?:"|')/gi.test(e)?e/2/t:e;`, id)
		case 7:
			fmt.Fprintf(&b, "let %s=`${e.id}-${t?`n${t}`:\"x\"}/%s`;", id, hexString(r, 8))
		case 8: // the anon key: public by design
			fmt.Fprintf(&b, `const %s=(0,Se.createClient)("https://abcdefghijklmnop.supabase.co","%s");`, id, AnonJWT)
		case 9:
			fmt.Fprintf(&b, `var %s="he said \"hi\"\n\u00e9\x41 it's {\"a\":[1,2]}";`, id)
		case 10:
			fmt.Fprintf(&b, `for(var %s=0,o=[];%s<10;%s++)o.push({id:%s,label:'item #'+%s});`, id, id, id, id, id)
		default:
			fmt.Fprintf(&b, `class %s extends Error{constructor(e){super(e),this.name="%s",this.code=e?.code??500}}`, id, id)
		}
	}
	b.WriteString(`})();`)
	return []byte(b.String())
}

func ident(r *rand.Rand) string {
	// An upper-case first letter keeps clear of keywords.
	const upper, letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := []byte{upper[r.IntN(len(upper))], letters[r.IntN(len(letters))], letters[r.IntN(len(letters))]}
	return string(b)
}

func hexString(r *rand.Rand, n int) string {
	const hex = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = hex[r.IntN(16)]
	}
	return string(b)
}
