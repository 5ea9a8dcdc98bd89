package build

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/sourcemap"
	"github.com/dypai/dypailint/internal/textfile"
)

// maxParseRetries bounds the rebuilds after parse failures: each one stubs
// one more file, and each costs a build.
const maxParseRetries = 20

// buildParsed builds the project and parses the output. When the parser
// rejects a chunk — esbuild printed syntax that sobek does not read, which
// lowered is meant to prevent — the first error is mapped through the
// source map to the original file and the project is rebuilt with that
// file compiled down to lowerTarget; if the parser still rejects it, the
// file is reported as not analysed and loaded as a stub that only requires
// what it imports, and the project is rebuilt again: one file the parser
// cannot read costs that file, not the project. A failure that maps to no
// input file (esbuild's own helpers) is an error naming the build.
func (p *Builder) Build(st *State, client bool, alias map[string]string, files *source.Files) (*Output, error) {
	for attempt := 0; ; attempt++ {
		b, err := p.build(st, client, alias)
		if err != nil {
			return nil, err
		}
		parseChunks(b.Chunks)
		retry := false
		for _, c := range b.Chunks {
			if c.perr == nil {
				continue
			}
			perr := parseErrorAt(c.perr)
			if perr == nil || attempt >= maxParseRetries {
				return nil, p.parseFailure(client, c.perr)
			}
			loc, ok := c.origin(perr.Position.Line-1, perr.Position.Column-1, files)
			if !ok || !project.Within(loc.File, p.Root) && !b.Inputs[loc.File] {
				return nil, p.parseFailure(client, c.perr)
			}
			st.mu.Lock()
			lowered := st.lower[loc.File]
			_, stubbed := st.Unparsed[loc.File]
			switch {
			case !lowered:
				// First try the file compiled down to older syntax.
				st.lower[loc.File] = true
			case !stubbed:
				st.Unparsed[loc.File] = requireStub(b.Graph[loc.File])
				st.addErr(&finding.Problem{File: loc.File, Line: loc.Line, Col: loc.Col,
					Msg: "not analysed: the scanner's JS parser rejects esbuild's output for this file (" + lowerFirst(perr.Message) +
						"); what it imports is still checked (a scanner limitation, please report it)"})
			}
			st.mu.Unlock()
			if stubbed {
				// Stubbing it did not help: the gap is not in this file.
				return nil, p.parseFailure(client, c.perr)
			}
			retry = true
		}
		if !retry {
			return b, nil
		}
		for _, c := range b.Chunks {
			c.Prog = nil
		}
	}
}

func (p *Builder) parseFailure(client bool, err error) error {
	name := "server"
	if client {
		name = "client"
	}
	return fmt.Errorf("%s: cannot parse esbuild's %s output (internal error, please report): %v", p.Root, name, err)
}

// parseChunks parses every chunk, in parallel.
func parseChunks(chunks []*Chunk) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, workers)
	for _, c := range chunks {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			defer func() {
				if r := recover(); r != nil {
					c.Prog, c.perr = nil, fmt.Errorf("parser panic: %v", r)
				}
			}()
			c.Prog, c.perr = ParseJS(c.Path, c.Code)
		}()
	}
	wg.Wait()
}

// ParseJS parses one output chunk. Tests replace it to simulate parser
// gaps.
var ParseJS = func(name, code string) (*ast.Program, error) {
	return parser.ParseFile(nil, name, code, 0, parser.IsModule, parser.WithDisableSourceMaps)
}

// parseErrorAt returns the first error the parser reported (the later ones
// are mostly its attempts to recover), or nil.
func parseErrorAt(err error) *parser.Error {
	var list parser.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list[0]
	}
	var one *parser.Error
	if errors.As(err, &one) {
		return one
	}
	return nil
}

// requireStub is the stand-in for a file the parser cannot read: a
// CommonJS module requiring each module the file imports, so that those
// stay in the bundle with all their exports, the module graph keeps its
// edges, and importers' named imports still link.
func requireStub(imports []string) string {
	imports = slices.Clone(imports)
	slices.Sort(imports)
	var b strings.Builder
	for _, f := range slices.Compact(imports) {
		fmt.Fprintf(&b, "require(%q);\n", f)
	}
	return b.String()
}

// lineStarts returns the offsets of the chunk's line starts.
func (c *Chunk) lineStarts() []int {
	if c.lines == nil {
		c.lines = append(c.lines, 0)
		for i := 0; i < len(c.Code); i++ {
			if c.Code[i] == '\n' {
				c.lines = append(c.lines, i+1)
			}
		}
	}
	return c.lines
}

// OriginAt maps a byte offset of the chunk to the original file, line and
// column.
func (c *Chunk) OriginAt(off int, files *source.Files) (finding.Location, bool) {
	if off < 0 || off > len(c.Code) {
		return finding.Location{}, false
	}
	lines := c.lineStarts()
	line := sort.SearchInts(lines, off+1) - 1
	return c.origin(line, off-lines[line], files)
}

// origin maps a 0-based line and byte column of the chunk to the original
// file, line and column.
func (c *Chunk) origin(line, col int, files *source.Files) (finding.Location, bool) {
	sm := c.sourceMap()
	lines := c.lineStarts()
	if sm == nil || line < 0 || line >= len(lines) {
		return finding.Location{}, false
	}
	start := lines[line]
	if start+col > len(c.Code) {
		return finding.Location{}, false
	}
	seg, ok := sm.Nearest(int32(line), int32(textfile.UTF16Len(c.Code[start:start+col])))
	if !ok {
		return finding.Location{}, false
	}
	s := sm.Sources[seg.Src]
	if strings.Contains(s, ":") && !filepath.IsAbs(s) {
		return finding.Location{}, false // a virtual module
	}
	path := s
	if !filepath.IsAbs(path) {
		path = filepath.Join(filepath.Dir(c.Path), filepath.FromSlash(s))
	}
	text := files.Line(path, int(seg.Line))
	return finding.Location{File: path, Line: int(seg.Line) + 1, Col: textfile.ByteCol(text, int(seg.Col)) + 1}, true
}

// sourceMap decodes the chunk's source map when a position is first looked
// up, nil if it has none or it does not decode (MapErr): most chunks report
// nothing, and decoding every chunk's map was 4% of a scan's CPU
// (chatbot-ui). Like lineStarts, for the goroutine analysing the chunk.
func (c *Chunk) sourceMap() *sourcemap.Map {
	if c.mapData != nil {
		sm, err := esbuildMap(c.mapData)
		if err != nil {
			c.mapErr = fmt.Errorf("%s: esbuild source map: %v", c.Path, err)
		}
		c.smap, c.mapData = sm, nil
	}
	return c.smap
}

// MapErr is why the chunk's source map did not decode, once a position was
// looked up: the positions it would have given are missing.
func (c *Chunk) MapErr() error { return c.mapErr }

// esbuildMap decodes the source map esbuild wrote for a chunk. Its sources
// are URLs: esbuild escapes %, ( and ) in paths (Next.js route groups,
// Expo Router's (tabs)).
func esbuildMap(data []byte) (*sourcemap.Map, error) {
	m, err := sourcemap.Parse(data)
	if err != nil {
		return nil, err
	}
	for i, src := range m.Sources {
		if strings.Contains(src, "%") {
			if dec, err := url.PathUnescape(src); err == nil {
				m.Sources[i] = dec
			}
		}
	}
	return m, nil
}

var workers = runtime.GOMAXPROCS(0)
