package source

import (
	"fmt"
	"strings"
	"testing"
)

func TestParsePrologue(t *testing.T) {
	tests := []struct {
		src            string
		client, server bool
	}{
		{"'use client'\nimport x from 'y'", true, false},
		{"\uFEFF\"use client\";", true, false},
		{"#!/usr/bin/env node\n'use server'\n", false, true},
		{"// license\n/* more\n */\n'use strict'\n'use client'\nexport {}", true, false},
		{"import 'x'\n'use client'", false, false},
		{"'use client'.length", false, false},
		{"'use client' + 1", false, false},
		{"`use client`", false, false},
		{"'use client' // trailing comment\n", true, false},
		{"", false, false},
	}
	for _, tt := range tests {
		p := ParsePrologue([]byte(tt.src))
		if p.Client != tt.client || p.Server != tt.server {
			t.Errorf("parsePrologue(%q) = %+v, want client=%v server=%v", tt.src, p, tt.client, tt.server)
		}
	}
}

func TestComments(t *testing.T) {
	src := "const a = '// not a comment' // one\n" +
		"const r = /\\/\\/ no/g; /* two */\n" +
		"const t = `x ${ {a: 1}.a } // no`\n" +
		"const d = 4 / 2 // three\n" +
		"<p>don't</p>\n// four\n" +
		"return <div>{x}</div> // five\n"
	var got []string
	for _, c := range Comments([]byte(src)) {
		got = append(got, strings.TrimSpace(c.Text)+"@"+itoa(c.Line)+":"+itoa(c.Col))
	}
	want := "one@01:30 two@02:23 three@04:17 four@06:01 five@07:23"
	if strings.Join(got, " ") != want {
		t.Errorf("comments = %v, want %s", got, want)
	}
}

func itoa(i int) string { return fmt.Sprintf("%02d", i) }

func TestHasToken(t *testing.T) {
	words := []string{"x-api-key", "apikey"}
	for src, want := range map[string]bool{
		`fetch(u, { headers: { 'X-API-KEY': k } })`:          true,
		`h.set("x-api-key", k)`:                              true,
		"h.set(`X-Api-Key`, k)":                              true,
		`h.set("x-api\x2dkey", k)`:                           true, // escapes decoded
		`h.set('x-api\u002dkey', k)`:                         true,
		`const o = { apikey: k }`:                            true,  // an identifier
		"// send the X-API-KEY header":                       false, // a comment
		"/* X-API-KEY */ f()":                                false,
		"<input placeholder={`{\"X-API-KEY\": \"123\"}`} />": false, // inside a longer text
		"const s = 'use the x-api-key header'":               false,
		"`${h}x-api-key`":                                    false, // a template with a substitution
		"const apikeys = 1":                                  false, // a longer identifier
		"x = a / 2; const re = /x-api-key/":                  false, // a regular expression
	} {
		if got := HasToken([]byte(src), words); got != want {
			t.Errorf("HasToken(%q) = %v, want %v", src, got, want)
		}
	}
}
