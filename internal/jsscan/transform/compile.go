package transform

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"unicode/utf16"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/dypai/dypailint/internal/jsscan/source"
)

// Lowered are the syntax features esbuild must lower because sobek's
// parser does not read them (TestParserGaps pins each gap): async iteration
// (for await, async generators — Next.js route handlers streaming
// responses), explicit resource management (using, await using),
// decorators and auto-accessors, import attributes on external imports,
// and class fields (sobek rejects fields named get, set or async, public
// or private: class Q { get = () => … }). esbuild rewrites them into plain
// functions, generators and constructor assignments with the same calls
// inside, so the analysis sees the same values, and the source map still
// points at the original code.
var Lowered = map[string]bool{
	"for-await":                  false,
	"async-generator":            false,
	"using":                      false,
	"decorators":                 false,
	"import-attributes":          false,
	"import-assertions":          false,
	"class-field":                false,
	"class-static-field":         false,
	"class-private-field":        false,
	"class-private-static-field": false,
}

// LowerTarget is what a file is compiled down to when the parser still
// rejects esbuild's output for it (a gap lowered does not cover): older
// syntax, for which sobek was written. Not further: esbuild cannot lower
// BigInt literals below ES2020.
const LowerTarget = api.ES2020

// Compile compiles a source file to JavaScript for target, with an inline
// source map that esbuild chains to the original positions. It returns
// false when the file does not compile (the build then reports the error).
func Compile(path string, target api.Target) (string, bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	return compileCode(path, string(src), LoaderFor(path), target)
}

// compileCode is compile for the code of path as loaded (a component's
// script).
func compileCode(path, src string, loader api.Loader, target api.Target) (string, bool) {
	tr := api.Transform(src, api.TransformOptions{
		Loader:         loader,
		JSX:            api.JSXAutomatic,
		Sourcemap:      api.SourceMapInline,
		SourcesContent: api.SourcesContentExclude,
		Sourcefile:     path,
		Charset:        api.CharsetUTF8,
		Target:         target,
		Supported:      Lowered,
		LogLevel:       api.LogLevelSilent,
	})
	if len(tr.Errors) > 0 {
		return "", false
	}
	return string(tr.Code), true
}

// LoadComponent returns the script of a Vue or Svelte component as esbuild
// loads it (componentScript) and its loader; compiled down to lowerTarget
// when lower is set. It returns false when the file cannot be read.
func LoadComponent(path string, wide, lower bool) (string, api.Loader, bool) {
	var src []byte
	if wide {
		s, ok := ReadUTF16(path)
		if !ok {
			return "", 0, false
		}
		src = []byte(s)
	} else {
		var err error
		if src, err = os.ReadFile(path); err != nil {
			return "", 0, false
		}
	}
	code, loader := source.ComponentScript(path, src)
	if lower {
		if js, ok := compileCode(path, code, loader, LowerTarget); ok {
			return js, api.LoaderJS, true
		}
	}
	return code, loader, true
}

// LoaderFor is the esbuild loader of a source file.
func LoaderFor(path string) api.Loader {
	switch filepath.Ext(path) {
	case ".ts", ".mts", ".cts":
		return api.LoaderTS
	case ".tsx":
		return api.LoaderTSX
	}
	return api.LoaderJSX
}

// HasUTF16BOM reports whether a file starts with a UTF-16 byte order mark.
func HasUTF16BOM(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [2]byte
	n, _ := f.Read(b[:])
	return n == 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

// ReadUTF16 reads a UTF-16 file with a byte order mark as UTF-8 text.
func ReadUTF16(path string) (string, bool) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < 2 {
		return "", false
	}
	var order binary.ByteOrder = binary.LittleEndian
	if data[0] == 0xFE {
		order = binary.BigEndian
	}
	data = data[2:]
	u := make([]uint16, len(data)/2)
	for i := range u {
		u[i] = order.Uint16(data[2*i:])
	}
	return string(utf16.Decode(u)), true
}
