package passtest

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/scanner"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/dypai/dypailint/internal/scantree"
)

// The expectations are analysistest's: a comment
//
//	// want "rx" "rx2" name:"fact rx" package:"package fact rx"
//
// expects, on its line (or +N lines below, with a leading +N), one
// diagnostic whose message matches each plain pattern and, for each
// name:"rx", a fact about the object of that name declared on the line
// whose fmt.Sprint matches rx. Package facts are expected on line 1 of the
// package's first file. Every diagnostic and fact of the package must be
// expected, and every expectation met.

// An expectation is one pattern of a want comment.
type expectation struct {
	fact bool   // a fact, not a diagnostic
	name string // the object the fact is about, or "package"
	rx   *regexp.Regexp
}

// A line is where expectations apply: a file relative to the fixture
// tree's src directory (the module root in module mode) and a line.
type line struct {
	file string
	n    int
}

// check reports to t every diagnostic and fact of act that no want comment
// expects, and every expectation nothing met.
func check(t Testing, root string, act *checker.Action) {
	t.Helper()
	pkg := act.Package
	want := wants(t, root, pkg)
	met := func(posn token.Position, fact bool, name, message string) {
		t.Helper()
		k := line{relative(root, posn.Filename), posn.Line}
		var tried []string
		for i, exp := range want[k] {
			if exp.fact != fact || exp.name != name {
				continue
			}
			if exp.rx.MatchString(message) {
				want[k] = append(want[k][:i], want[k][i+1:]...)
				return
			}
			tried = append(tried, fmt.Sprintf("%#q", exp.rx))
		}
		kind := kindName(fact)
		if tried == nil {
			t.Errorf("%s:%d:%d: unexpected %s: %v", k.file, k.n, posn.Column, kind, message)
		} else {
			t.Errorf("%s:%d:%d: %s %q does not match pattern %s", k.file, k.n, posn.Column, kind, message, strings.Join(tried, " or "))
		}
	}
	for _, d := range act.Diagnostics {
		met(pkg.Fset.Position(d.Pos), false, "", d.Message)
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == pkg.Types && len(pkg.Syntax) > 0 {
			posn := pkg.Fset.Position(pkg.Syntax[0].Pos())
			posn.Line, posn.Column = 1, 1
			met(posn, true, "package", fmt.Sprint(f))
		}
	}
	facts := act.AllObjectFacts()
	sort.Slice(facts, func(i, j int) bool { return facts[i].Object.Pos() < facts[j].Object.Pos() })
	for _, f := range facts {
		if obj := f.Object; obj.Pkg() == pkg.Types {
			met(pkg.Fset.Position(obj.Pos()), true, obj.Name(), fmt.Sprint(f.Fact))
		}
	}

	lines := make([]line, 0, len(want))
	for k := range want {
		lines = append(lines, k)
	}
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].file != lines[j].file {
			return lines[i].file < lines[j].file
		}
		return lines[i].n < lines[j].n
	})
	for _, k := range lines {
		for _, exp := range want[k] {
			t.Errorf("%s:%d: no %s was reported matching %#q", k.file, k.n, kindName(exp.fact), exp.rx)
		}
	}
}

// wants reads the want comments of pkg's files.
func wants(t Testing, root string, pkg *packages.Package) map[line][]expectation {
	t.Helper()
	want := map[line][]expectation{}
	add := func(posn token.Position, text string) {
		t.Helper()
		text = strings.TrimSpace(text)
		rest, ok := strings.CutPrefix(text, "want")
		if !ok {
			return
		}
		delta, expects, err := parseWant(rest)
		if err != nil {
			t.Errorf("%s:%d: in 'want' comment: %v", relative(root, posn.Filename), posn.Line, err)
			return
		}
		if expects != nil {
			k := line{relative(root, posn.Filename), posn.Line + delta}
			want[k] = append(want[k], expects...)
		}
	}
	for _, f := range pkg.Syntax {
		for _, group := range f.Comments {
			for _, c := range group.List {
				text := strings.TrimPrefix(c.Text, "//")
				if text == c.Text {
					text = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
				}
				if i := strings.Index(text, "// want"); i >= 0 { // a want comment inside a comment
					text = text[i+len("// "):]
				}
				add(pkg.Fset.Position(c.Pos()), text)
			}
		}
	}
	for _, name := range pkg.OtherFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("can't read want comments from %s: %v", name, err)
			continue
		}
		for i, text := range strings.Split(string(data), "\n") {
			if j := strings.Index(text, "//"); j >= 0 {
				add(token.Position{Filename: name, Line: i + 1}, text[j+len("//"):])
			}
		}
	}
	return want
}

func kindName(fact bool) string {
	if fact {
		return "fact"
	}
	return "diagnostic"
}

// parseWant parses what follows "want": an optional +N line offset, then
// patterns ("rx" or `rx`) and facts (name:"rx").
func parseWant(text string) (delta int, expects []expectation, err error) {
	var scanErr string
	sc := new(scanner.Scanner).Init(strings.NewReader(text))
	sc.Error = func(_ *scanner.Scanner, msg string) { scanErr = msg }
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	pattern := func(tok rune) (*regexp.Regexp, error) {
		if tok != scanner.String && tok != scanner.RawString {
			return nil, fmt.Errorf("got %s, want regular expression", scanner.TokenString(tok))
		}
		s, _ := strconv.Unquote(sc.TokenText()) // the scanner checked the literal
		return regexp.Compile(s)
	}
	for {
		switch tok := sc.Scan(); tok {
		case '+':
			if sc.Scan() != scanner.Int {
				return 0, nil, fmt.Errorf("got +%s, want +N", sc.TokenText())
			}
			delta, _ = strconv.Atoi(sc.TokenText())
		case scanner.String, scanner.RawString:
			rx, err := pattern(tok)
			if err != nil {
				return 0, nil, err
			}
			expects = append(expects, expectation{rx: rx})
		case scanner.Ident:
			name := sc.TokenText()
			if tok := sc.Scan(); tok != ':' {
				return 0, nil, fmt.Errorf("got %s after %s, want ':'", scanner.TokenString(tok), name)
			}
			rx, err := pattern(sc.Scan())
			if err != nil {
				return 0, nil, err
			}
			expects = append(expects, expectation{fact: true, name: name, rx: rx})
		case scanner.EOF:
			if scanErr != "" {
				return 0, nil, fmt.Errorf("%s", scanErr)
			}
			return delta, expects, nil
		default:
			return 0, nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
}

// relative names a file by its path below root, as want errors show it.
func relative(root, name string) string {
	if rel, err := filepath.Rel(root, name); err == nil && scantree.Within(name, root) {
		return filepath.ToSlash(rel)
	}
	return name
}
