package keytobrowser

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/lazyssa"
	"github.com/dypai/dypailint/passes/internal/report"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
)

// New returns the DYP104 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return report.Analyzer(rules.DYP104, []*analysis.Analyzer{lazyssa.Analyzer}, func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg)
	})
}

// EnvFunc is a function that reads a configuration value by name.
type EnvFunc struct {
	handlers.Func
	Name int // the argument naming the variable
}

// Sources, sanitizers and pass-through functions: the rule's data.
var (
	// EnvFuncs read environment or configuration variables.
	EnvFuncs = []EnvFunc{
		{Func: handlers.Func{Pkg: "os", Name: "Getenv"}, Name: 0},
		{Func: handlers.Func{Pkg: "os", Name: "LookupEnv"}, Name: 0},
		{Func: handlers.Func{Pkg: "syscall", Name: "Getenv"}, Name: 0},
		{Func: handlers.Func{Pkg: "github.com/spf13/viper", Name: "GetString"}, Name: 0},
		{Func: handlers.Func{Pkg: "github.com/spf13/viper", Recv: "Viper", Name: "GetString"}, Name: 0},
	}
	// KeyFieldMarkers are struct field names (normalised) that hold a key.
	KeyFieldMarkers = []string{"apikey", "secretkey", "servicekey", "servicerolekey", "apisecret", "apitoken"}
	// NotKeyFieldMarkers, after the key marker, make a field describe a key
	// rather than hold it: APIKeyHeader, APIKeyEnv, APIKeyID, APIKeyHash.
	// (A "public" or "publishable" prefix excludes the field too.)
	NotKeyFieldMarkers = []string{"header", "name", "env", "var", "prefix", "url", "path", "file", "hash", "len", "id", "set", "enabled", "required"}
	// EnvTags are struct tags whose value names the env var a field is
	// loaded from (caarlos0/env, kelseyhightower/envconfig, viper's
	// mapstructure).
	EnvTags = []string{"env", "envconfig", "mapstructure"}
	// SanitizerPackages turn a key into something that is not the key.
	SanitizerPackages = []string{"crypto/sha256", "crypto/sha512", "crypto/sha1", "crypto/md5", "crypto/hmac", "crypto/subtle", "hash", "hash/fnv", "hash/crc32", "golang.org/x/crypto/bcrypt", "golang.org/x/crypto/argon2"}
	// SanitizerWords are words of a function name that say it hides the
	// key: redactKey, maskSecret, hashToken, Fingerprint.
	SanitizerWords = []string{"redact", "mask", "hash", "fingerprint", "obfuscate", "truncate", "censor", "last4", "preview"}
	// ThroughPackages return (part of) what they are given: the key in, the
	// key out (strings.ToUpper, base64 encoding, json.Marshal). Functions
	// of other packages are assumed to keep what they are given (a JWT
	// library signs with the key, it does not return it); methods of a
	// value holding the key as a whole return parts of it (buf.String()),
	// those of a struct holding it in a field only when they are that
	// field's accessor (receiverResult in sinks.go).
	ThroughPackages = []string{"strings", "strconv", "bytes", "fmt", "unicode", "unicode/utf8", "unicode/utf16", "path", "path/filepath", "net/url", "html", "html/template", "text/template", "encoding/json", "encoding/base64", "encoding/base32", "encoding/hex", "encoding/xml", "encoding/csv", "encoding/pem", "slices", "maps", "io", "bufio"}
	// Buffers are writers that hold what is written to them.
	Buffers = []handlers.Func{
		{Pkg: "bytes", Recv: "Buffer", Name: "Write"},
		{Pkg: "bytes", Recv: "Buffer", Name: "WriteString"},
		{Pkg: "bytes", Recv: "Buffer", Name: "WriteByte"},
		{Pkg: "bytes", Recv: "Buffer", Name: "WriteRune"},
		{Pkg: "strings", Recv: "Builder", Name: "Write"},
		{Pkg: "strings", Recv: "Builder", Name: "WriteString"},
		{Pkg: "strings", Recv: "Builder", Name: "WriteByte"},
		{Pkg: "strings", Recv: "Builder", Name: "WriteRune"},
	}
)

// source is one origin of the key.
type source struct {
	desc  string // for the message: os.Getenv("DYPAI_API_KEY")
	pos   token.Pos
	seeds []ssaflow.Seed
}

func run(pass *analysis.Pass, cfg *config.Config) (any, error) {
	if !handlers.ImportsHTTP(pass.Pkg) || len(pass.Files) == 0 {
		return &report.Result{}, nil
	}
	proj, err := cfg.ProjectFor(filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name()))
	if err != nil {
		return nil, err
	}
	if proj.Profile.IsGoSDK(pass.Pkg.Path()) {
		return &report.Result{}, nil
	}
	ssaRes, err := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.SSA).Get()
	if err != nil {
		return nil, err
	}
	c := &checker{
		pass:   pass,
		cfg:    cfg,
		proj:   proj,
		types:  handlers.NewTypes(ssaRes.Pkg, ssaRes.SrcFuncs),
		owners: fieldOwners{},
		bound:  map[*types.TypeName]bool{},
	}
	c.boundTypes(ssaRes.SrcFuncs)
	c.engine = ssaflow.New(ssaflow.Config{
		Carries:     carries,
		Call:        c.call,
		FieldGlobal: true,
	}, ssaRes.Pkg, ssaRes.SrcFuncs)

	r := report.New(pass, cfg)
	reported := map[token.Pos]bool{}
	for _, src := range c.sources() {
		hits := c.engine.Run(src.seeds...)
		slices.SortFunc(hits, func(a, b ssaflow.Hit) int { return int(a.Top.Pos() - b.Top.Pos()) })
		for _, h := range hits {
			pos := h.Top.Pos()
			if reported[pos] || isTestFile(pass, pos) {
				continue
			}
			reported[pos] = true
			sink := h.Label
			if len(h.Via) > 0 {
				sink += " in " + h.Via[len(h.Via)-1].Name()
			}
			d := analysis.Diagnostic{
				Pos:     pos,
				Message: fmt.Sprintf("API key from %s is written to the HTTP response by %s: keep the key on the server", src.desc, sink),
			}
			if call := ssaflow.CallExpr(pass.Files, h.Top); call != nil {
				d.Pos, d.End = call.Pos(), call.End()
			}
			if src.pos.IsValid() {
				d.Related = []analysis.RelatedInformation{{Pos: src.pos, Message: "the key comes from here"}}
			}
			r.Report(rules.DYP104, d)
		}
	}
	return r.Result(), nil
}

type checker struct {
	pass   *analysis.Pass
	cfg    *config.Config
	proj   *config.Project
	types  *handlers.Types
	engine *ssaflow.Engine
	owners fieldOwners
	// bound are the struct types the package decodes requests into.
	bound map[*types.TypeName]bool
}

// carries: strings, bytes, structs, maps, pointers and interfaces can hold
// the key; booleans, numbers and errors cannot.
func carries(t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	switch t.Underlying().(type) {
	case *types.Signature, *types.Chan:
		return false
	}
	return true
}

func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}
