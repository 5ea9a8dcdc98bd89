package config

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// ManifestName is the project file's name.
const ManifestName = "dypai.yaml"

// App types, the values of dypai.yaml's app key: saas (users sign
// themselves up), private (a client app without sign-up: users are invited
// and set a password), internal (an operations app whose users an admin
// provisions, with allowed_roles on its endpoints) and backend (an
// integration layer that calls only api_key endpoints). See the README's
// "Configuration: dypai.yaml".
const (
	AppSaaS     = "saas"
	AppPrivate  = "private"
	AppInternal = "internal"
	AppBackend  = "backend"
)

// Auth modes.
const (
	AuthJWT    = "jwt"
	AuthAPIKey = "api_key"
)

// Pos is a position in the manifest (1-based).
type Pos struct{ Line, Col int }

// Manifest is a parsed dypai.yaml.
type Manifest struct {
	Path   string // absolute path of the file
	App    string // "" when not set
	AppPos Pos
	// Signup is whether self sign-up is allowed; nil when not set (see SignupAllowed).
	Signup         *bool
	Endpoints      []*Endpoint // in file order
	SDKProfile     string
	GoPackages     []string
	JSModules      []string
	IdentityFields []string // nil when not set
	ClientEntries  []string
	BuildDirs      []string
	Ignore         []string
	Auth           AuthSection
}

// AuthSection is the manifest's auth block.
type AuthSection struct {
	// EmailConfirmation is whether sign-ups must confirm their address;
	// nil when not set (the engine's default, true).
	EmailConfirmation    *bool
	EmailConfirmationPos Pos // of the email_confirmation key
}

// Endpoint is one declared endpoint.
type Endpoint struct {
	Name         string
	Pos          Pos // of the endpoint's key
	AuthMode     string
	AuthModeSet  bool
	AuthModePos  Pos
	AllowedRoles []string
	Params       []string
	ParamPos     []Pos // position of each param
	Uses         []string
	UsePos       []Pos // position of each uses entry
}

// Endpoint returns the endpoint with the given name, or nil.
func (m *Manifest) Endpoint(name string) *Endpoint {
	if m == nil {
		return nil
	}
	for _, e := range m.Endpoints {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// EndpointNames returns the declared names in file order.
func (m *Manifest) EndpointNames() []string {
	var names []string
	for _, e := range m.Endpoints {
		names = append(names, e.Name)
	}
	return names
}

// SignupAllowed is the manifest's signup key, or its default when unset:
// true for saas, false for private and internal apps (the README's
// "Configuration: dypai.yaml").
func (m *Manifest) SignupAllowed() bool {
	if m == nil {
		return true
	}
	if m.Signup != nil {
		return *m.Signup
	}
	return m.App != AppPrivate && m.App != AppInternal
}

// SelfSignup reports whether the app lets strangers create accounts:
// signup: true, or app: saas without signup: false. An app that does not
// say its type is not assumed to have self sign-up.
func (m *Manifest) SelfSignup() bool {
	if m == nil {
		return false
	}
	if m.Signup != nil {
		return *m.Signup
	}
	return m.App == AppSaaS
}

// InviteOnly reports whether the app onboards users by invitation (app:
// private or internal): invited users set their password in the app.
func (m *Manifest) InviteOnly() bool {
	return m != nil && (m.App == AppPrivate || m.App == AppInternal)
}

// HasRoles reports whether the endpoint restricts callers by role.
func (e *Endpoint) HasRoles() bool { return e != nil && len(e.AllowedRoles) > 0 }

// Error is a manifest problem at a position.
type Error struct {
	Path string
	Pos  Pos
	Msg  string
}

func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Bounds on what a dypai.yaml may be before it is parsed: the YAML parser
// recurses once per level, and 100,000 nested brackets took 15 GB and a
// minute. Real manifests are a few kilobytes and a few levels deep.
const (
	maxManifestSize   = 1 << 20
	maxManifestNest   = 64
	maxManifestIndent = 256
)

// checkBounds rejects a manifest too large, or nested too deep in flow
// brackets or indentation, to parse safely.
func checkBounds(path string, data []byte) error {
	if len(data) > maxManifestSize {
		return &Error{Path: path, Msg: fmt.Sprintf("%d bytes: larger than a dypai.yaml can be (%d at most)", len(data), maxManifestSize)}
	}
	line, col, nest, indent := 1, 0, 0, true
	var quote byte
	for _, c := range data {
		col++
		switch {
		case c == '\n':
			line, col, indent = line+1, 0, true
			quote = 0 // a quoted scalar spanning lines is rare; bound the guess to one line
			continue
		case indent && c == ' ':
			if col > maxManifestIndent {
				return &Error{Path: path, Pos: Pos{Line: line, Col: col}, Msg: fmt.Sprintf("indented more than %d columns: deeper than a dypai.yaml can be", maxManifestIndent)}
			}
			continue
		}
		indent = false
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			quote = '\n' // a comment runs to the end of the line
		case c == '[' || c == '{':
			if nest++; nest > maxManifestNest {
				return &Error{Path: path, Pos: Pos{Line: line, Col: col}, Msg: fmt.Sprintf("brackets nest more than %d deep: deeper than a dypai.yaml can be", maxManifestNest)}
			}
		case c == ']' || c == '}':
			nest = max(nest-1, 0)
		}
	}
	return nil
}

// LoadManifest reads and validates a dypai.yaml.
func LoadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseManifest(path, data)
}

// ParseManifest validates data as a dypai.yaml. Every key is checked:
// unknown keys and wrong types are errors that name the line and, for
// unknown keys, the closest valid one.
func ParseManifest(path string, data []byte) (m *Manifest, err error) {
	defer func() {
		// The YAML library is third-party code: a panic on odd input must
		// become an error naming the file, not a crashed run.
		if r := recover(); r != nil {
			m, err = nil, &Error{Path: path, Msg: fmt.Sprintf("cannot parse: %v", r)}
		}
	}()
	if err := checkBounds(path, data); err != nil {
		return nil, err
	}
	f, perr := parser.ParseBytes(data, 0)
	if perr != nil {
		return nil, syntaxError(path, perr)
	}
	m = &Manifest{Path: path}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return m, nil
	}
	if len(f.Docs) > 1 {
		return nil, &Error{Path: path, Pos: pos(f.Docs[1].Body), Msg: "more than one YAML document"}
	}
	d := &decoder{path: path}
	d.top(m, f.Docs[0].Body)
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	return m, nil
}

// syntaxError turns the YAML library's error into one naming the position.
func syntaxError(path string, err error) error {
	var se interface {
		GetMessage() string
		GetToken() *token.Token
	}
	if errors.As(err, &se) && se.GetToken() != nil {
		p := se.GetToken().Position
		return &Error{Path: path, Pos: Pos{p.Line, p.Column}, Msg: "invalid YAML: " + se.GetMessage()}
	}
	return &Error{Path: path, Msg: "invalid YAML: " + firstLine(err.Error())}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

type decoder struct {
	path string
	errs []error
}

func (d *decoder) errorf(n ast.Node, format string, args ...any) {
	d.errs = append(d.errs, &Error{Path: d.path, Pos: pos(n), Msg: fmt.Sprintf(format, args...)})
}

func pos(n ast.Node) Pos {
	if n == nil || n.GetToken() == nil {
		return Pos{}
	}
	p := n.GetToken().Position
	return Pos{Line: p.Line, Col: p.Column}
}

// entry is one key: value of a mapping.
type entry struct {
	key   string
	keyN  ast.Node
	value ast.Node
}

// mapping returns the entries of a mapping node, or reports what it got instead.
func (d *decoder) mapping(n ast.Node, what string) ([]entry, bool) {
	n = unwrap(n)
	var values []*ast.MappingValueNode
	switch n := n.(type) {
	case *ast.MappingNode:
		values = n.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{n}
	case *ast.NullNode, nil:
		return nil, true
	default:
		d.errorf(n, "%s must be a mapping, not %s", what, describe(n))
		return nil, false
	}
	var out []entry
	seen := map[string]bool{}
	for _, v := range values {
		k := strings.TrimSpace(v.Key.String())
		if s, ok := unwrap(v.Key).(*ast.StringNode); ok {
			k = s.Value
		}
		if seen[k] {
			d.errorf(v.Key, "duplicate key %q in %s", k, what)
			continue
		}
		seen[k] = true
		out = append(out, entry{key: k, keyN: v.Key, value: v.Value})
	}
	return out, true
}

func unwrap(n ast.Node) ast.Node {
	for {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			n = t.Value
		default:
			return n
		}
	}
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.BoolNode:
		return "a boolean"
	case *ast.IntegerNode, *ast.FloatNode:
		return "a number"
	case *ast.NullNode:
		return "null"
	case *ast.AliasNode:
		return "an alias"
	}
	return "a string"
}

func (d *decoder) unknown(e entry, where string, valid []string) {
	msg := fmt.Sprintf("unknown key %q in %s", e.key, where)
	if c := Closest(e.key, valid); c != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", c)
	} else {
		msg += " (valid keys: " + strings.Join(valid, ", ") + ")"
	}
	d.errorf(e.keyN, "%s", msg)
}

func (d *decoder) str(n ast.Node, what string) (string, bool) {
	switch v := unwrap(n).(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	}
	d.errorf(n, "%s must be a string, not %s", what, describe(unwrap(n)))
	return "", false
}

func (d *decoder) boolean(n ast.Node, what string) (*bool, bool) {
	if b, ok := unwrap(n).(*ast.BoolNode); ok {
		v := b.Value
		return &v, true
	}
	d.errorf(n, "%s must be true or false, not %s", what, describe(unwrap(n)))
	return nil, false
}

func (d *decoder) strings(n ast.Node, what string) []string {
	out, _ := d.stringsPos(n, what)
	return out
}

// stringsPos decodes a list of strings and the position of each.
func (d *decoder) stringsPos(n ast.Node, what string) ([]string, []Pos) {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok {
		if _, null := unwrap(n).(*ast.NullNode); null {
			return []string{}, nil
		}
		d.errorf(n, "%s must be a list of strings, not %s", what, describe(unwrap(n)))
		return nil, nil
	}
	out, at := []string{}, []Pos{}
	for i, v := range seq.Values {
		if s, ok := d.str(v, what+"["+strconv.Itoa(i)+"]"); ok {
			out, at = append(out, s), append(at, pos(v))
		}
	}
	return out, at
}

var topKeys = []string{"app", "signup", "endpoints", "sdk", "identity_fields", "js", "ignore", "auth"}

func (d *decoder) top(m *Manifest, body ast.Node) {
	entries, ok := d.mapping(body, "the top level")
	if !ok {
		return
	}
	for _, e := range entries {
		switch e.key {
		case "app":
			if s, ok := d.str(e.value, "app"); ok {
				valid := []string{AppSaaS, AppPrivate, AppInternal, AppBackend}
				if !slices.Contains(valid, s) {
					d.errorf(e.value, "app must be one of %s, not %q", strings.Join(valid, ", "), s)
				}
				m.App, m.AppPos = s, pos(e.keyN)
			}
		case "signup":
			m.Signup, _ = d.boolean(e.value, "signup")
		case "endpoints":
			d.endpoints(m, e.value)
		case "sdk":
			d.sdk(m, e.value)
		case "identity_fields":
			m.IdentityFields = d.strings(e.value, "identity_fields")
		case "js":
			d.js(m, e.value)
		case "ignore":
			m.Ignore = d.strings(e.value, "ignore")
		case "auth":
			d.auth(m, e.value)
		default:
			d.unknown(e, "the top level", topKeys)
		}
	}
}

var endpointKeys = []string{"auth_mode", "allowed_roles", "params", "uses", "description"}

func (d *decoder) endpoints(m *Manifest, n ast.Node) {
	entries, ok := d.mapping(n, "endpoints")
	if !ok {
		return
	}
	for _, e := range entries {
		ep := &Endpoint{Name: e.key, Pos: pos(e.keyN)}
		m.Endpoints = append(m.Endpoints, ep)
		fields, ok := d.mapping(e.value, "endpoint "+e.key)
		if !ok {
			continue
		}
		for _, f := range fields {
			what := "endpoints." + e.key + "." + f.key
			switch f.key {
			case "auth_mode":
				if s, ok := d.str(f.value, what); ok {
					ep.AuthMode, ep.AuthModeSet, ep.AuthModePos = s, true, pos(f.value)
				} else if _, null := unwrap(f.value).(*ast.NullNode); null {
					ep.AuthModeSet, ep.AuthModePos = false, pos(f.keyN)
				}
			case "allowed_roles":
				ep.AllowedRoles = d.strings(f.value, what)
			case "params":
				ep.Params, ep.ParamPos = d.stringsPos(f.value, what)
			case "uses":
				ep.Uses, ep.UsePos = d.stringsPos(f.value, what)
			case "description":
				d.str(f.value, what)
			default:
				d.unknown(f, "endpoint "+e.key, endpointKeys)
			}
		}
	}
}

var sdkKeys = []string{"profile", "js_modules", "go_packages"}

func (d *decoder) sdk(m *Manifest, n ast.Node) {
	entries, ok := d.mapping(n, "sdk")
	if !ok {
		return
	}
	for _, e := range entries {
		switch e.key {
		case "profile":
			if s, ok := d.str(e.value, "sdk.profile"); ok {
				if err := checkProfile(s); err != nil {
					d.errorf(e.value, "%v", err)
				}
				m.SDKProfile = s
			}
		case "js_modules":
			m.JSModules = d.strings(e.value, "sdk.js_modules")
		case "go_packages":
			m.GoPackages = d.strings(e.value, "sdk.go_packages")
		default:
			d.unknown(e, "sdk", sdkKeys)
		}
	}
}

var jsKeys = []string{"client_entries", "build_dirs"}

func (d *decoder) js(m *Manifest, n ast.Node) {
	entries, ok := d.mapping(n, "js")
	if !ok {
		return
	}
	for _, e := range entries {
		switch e.key {
		case "client_entries":
			m.ClientEntries = d.strings(e.value, "js.client_entries")
		case "build_dirs":
			m.BuildDirs = d.strings(e.value, "js.build_dirs")
		default:
			d.unknown(e, "js", jsKeys)
		}
	}
}

var authKeys = []string{"email_confirmation"}

func (d *decoder) auth(m *Manifest, n ast.Node) {
	entries, ok := d.mapping(n, "auth")
	if !ok {
		return
	}
	for _, e := range entries {
		switch e.key {
		case "email_confirmation":
			m.Auth.EmailConfirmation, _ = d.boolean(e.value, "auth.email_confirmation")
			m.Auth.EmailConfirmationPos = pos(e.keyN)
		default:
			d.unknown(e, "auth", authKeys)
		}
	}
}
