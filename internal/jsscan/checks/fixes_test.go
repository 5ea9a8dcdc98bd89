package checks

import (
	"strings"
	"testing"
)

func TestPropertySpan(t *testing.T) {
	for _, tc := range []struct{ src, key, want string }{
		{"f({ a: 1, user_id: id, b: 2 })", "user_id", "f({ a: 1, b: 2 })"},
		{"f({ a: 1, user_id: g(x, [y, {z: 1}]) })", "user_id", "f({ a: 1 })"},
		{"f({ 'user_id': 'a,b', a })", "user_id", "f({ a })"},
		// Comments after the comma stay: a fix deletes no prose.
		{"f({ uid: `${a, b}`, /* , */ a })", "uid", "f({ /* , */ a })"},
		{"f({\n  a,\n  user_id, // who\n  b,\n})", "user_id", "f({\n  a,\n  // who\n  b,\n})"},
		{"f({ a, uid })", "uid", "f({ a })"},
	} {
		i := strings.Index(tc.src, tc.key)
		if tc.src[i-1] == '\'' {
			i--
		}
		line := 1 + strings.Count(tc.src[:i], "\n")
		col := i - strings.LastIndex(tc.src[:i], "\n")
		start, end, ok := propertySpan([]byte(tc.src), line, col, tc.key)
		if !ok {
			t.Errorf("%q: no span", tc.src)
			continue
		}
		if got := tc.src[:start] + tc.src[end:]; got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
	}
	if _, _, ok := propertySpan([]byte("f({ a: 1 })"), 1, 5, "user_id"); ok {
		t.Error("span found where the key is not")
	}
}
