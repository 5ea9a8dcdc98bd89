package handlers

import (
	"go/types"
	"path"
	"strings"
	"sync"
)

// Kind is the kind of request input a call reads.
type Kind int

// The request inputs.
const (
	Unknown      Kind = iota
	Query             // URL query parameter
	Form              // form field
	PathParam         // path (route) parameter
	Header            // request header
	Cookie            // request cookie
	Body              // request body (JSON or another encoding)
	ContextValue      // a value put in the request context by middleware
	Credentials       // HTTP basic-auth credentials and similar
)

var kindNames = [...]string{
	Unknown:      "request input",
	Query:        "query parameter",
	Form:         "form field",
	PathParam:    "path parameter",
	Header:       "header",
	Cookie:       "cookie",
	Body:         "JSON body field",
	ContextValue: "context value",
	Credentials:  "credentials",
}

// String names the kind for messages: "query parameter", "header", ….
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return kindNames[Unknown]
	}
	return kindNames[k]
}

// Argument positions in the tables count the Go call's arguments, receiver
// excluded. These values stand for something else.
const (
	NoArg    = -1 // no such argument: for a Read, the result is a map of inputs keyed by name
	Receiver = -2 // the method's receiver
	Always   = -3 // Write.Writer: the call always writes to the response
)

// Func names a function or method by the path of its declaring package, the
// name of its receiver's type ("" for a package-level function; pointer and
// value receivers are not distinguished) and its name. Major-version
// suffixes are ignored: github.com/go-chi/chi/v5 also matches
// github.com/go-chi/chi.
type Func struct {
	Pkg  string
	Recv string
	Name string
}

// Matches reports whether fn is the function f names.
func (f Func) Matches(fn *types.Func) bool {
	if fn == nil || fn.Name() != f.Name || fn.Pkg() == nil {
		return false
	}
	return stripMajor(fn.Pkg().Path()) == stripMajor(f.Pkg) && recvName(fn) == f.Recv
}

// String is the function's name for messages: "json.Encoder.Encode",
// "gin.Context.JSON", "chi.URLParam".
func (f Func) String() string {
	s := pkgName(f.Pkg)
	if f.Recv != "" {
		s += "." + f.Recv
	}
	return s + "." + f.Name
}

// FuncName renders fn the way [Func.String] does.
func FuncName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return Func{Pkg: fn.Pkg().Path(), Recv: recvName(fn), Name: fn.Name()}.String()
}

func recvName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	if n := namedOf(recv.Type()); n != nil {
		return n.Obj().Name()
	}
	return ""
}

// namedOf returns the named type of t or *t, or nil.
func namedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

func stripMajor(p string) string {
	base := path.Base(p)
	if len(base) >= 2 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" && path.Dir(p) != "." {
		return path.Dir(p)
	}
	return p
}

// pkgName guesses a package's name from its path (the last element before a
// major-version suffix).
func pkgName(p string) string { return path.Base(stripMajor(p)) }

// TypeName names a named type.
type TypeName struct {
	Pkg     string
	Name    string
	Pointer bool // handlers take *T
	// OrValue, with Pointer, also matches T itself: fiber v2's handlers
	// take *fiber.Ctx, v3's the interface fiber.Ctx.
	OrValue bool
}

// Matches reports whether t is the named type (or a pointer to it when
// Pointer is set).
func (tn TypeName) Matches(t types.Type) bool {
	t = types.Unalias(t)
	if tn.Pointer {
		p, ok := t.(*types.Pointer)
		switch {
		case ok:
			t = types.Unalias(p.Elem())
		case !tn.OrValue:
			return false
		}
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Name() == tn.Name && stripMajor(n.Obj().Pkg().Path()) == stripMajor(tn.Pkg)
}

// Read is a call that returns a named request input.
type Read struct {
	Func
	Kind Kind // Unknown: the kind follows from where the receiver comes from (url.Values)
	// Key is the argument naming the input, or NoArg when the result is a
	// map (or url.Values, http.Header) of inputs keyed by name.
	Key int
	// FromRequest is set when the receiver must come from the incoming
	// request for the call to read it (url.Values.Get, http.Header.Get).
	FromRequest bool
}

// Bind is a call that decodes the request into the value its Dst argument
// points to.
type Bind struct {
	Func
	Kind Kind
	Dst  int
	// Src, unless NoArg, is the argument (or Receiver) that must come from
	// the request: the decoder of (*json.Decoder).Decode, the bytes of
	// json.Unmarshal.
	Src int
}

// Write is a call that sends data to the client.
type Write struct {
	Func
	// Data are the arguments that reach the client. The index of a variadic
	// parameter covers all its values.
	Data []int
	// Writer is the argument (or Receiver) that must be the response for
	// the data to reach the client, or Always.
	Writer int
	// What the call writes, for messages: "body", "JSON", "HTML", "header"….
	What string
}

// SessionRead is a call that reads the signed-in user's credentials, token
// or identity: the Authorization header, a session cookie, a context value
// put there by authentication middleware.
type SessionRead struct {
	Func
	Kind Kind // Header, Cookie, ContextValue or Credentials
	// Key is the argument naming the header, cookie or context key, or
	// NoArg when the call always reads credentials (Request.BasicAuth).
	Key int
}

// Route is a call that registers handlers for a route.
type Route struct {
	Func
	Handler int // the first handler argument
	// Chain is set when the handlers are variadic and all but the last are
	// middleware (gin, fiber).
	Chain bool
	// MW is the first middleware argument after the handler (echo's
	// m ...MiddlewareFunc), or NoArg.
	MW int
}

// MiddlewareCall attaches middleware to a router: Use, With, Group.
type MiddlewareCall struct {
	Func
	First int // the first middleware argument (variadic)
	// Returns is set when the call returns a router that carries the
	// middleware (chi's With, gin's Group); otherwise the receiver gets it.
	Returns bool
}

// Framework is one HTTP framework's surface.
type Framework struct {
	Name string // "net/http", "chi", "gorilla/mux", "gin", "echo", "fiber"
	Path string // import path (major-version suffixes are ignored)
	// Context is the parameter type of the framework's own handler
	// signature; nil for frameworks whose handlers are net/http handlers.
	Context *TypeName
	// ReturnsError is set when handlers return an error (echo, fiber).
	ReturnsError bool

	Reads      []Read
	Binds      []Bind
	Writes     []Write
	Sessions   []SessionRead
	Routes     []Route
	Middleware []MiddlewareCall
}

func (fw *Framework) String() string { return fw.Name }

// Import paths.
const (
	pathHTTP   = "net/http"
	pathURL    = "net/url"
	pathJSON   = "encoding/json"
	pathXML    = "encoding/xml"
	pathChi    = "github.com/go-chi/chi/v5"
	pathRender = "github.com/go-chi/render"
	pathMux    = "github.com/gorilla/mux"
	pathGin    = "github.com/gin-gonic/gin"
	pathEcho   = "github.com/labstack/echo/v4"
	pathFiber  = "github.com/gofiber/fiber/v2"
)

func fn(pkg, recv, name string) Func { return Func{Pkg: pkg, Recv: recv, Name: name} }

// reads builds Read entries of one kind keyed by their first argument.
func reads(pkg, recv string, kind Kind, names ...string) []Read {
	var out []Read
	for _, n := range names {
		out = append(out, Read{Func: fn(pkg, recv, n), Kind: kind, Key: 0})
	}
	return out
}

func binds(pkg, recv string, kind Kind, names ...string) []Bind {
	var out []Bind
	for _, n := range names {
		out = append(out, Bind{Func: fn(pkg, recv, n), Kind: kind, Dst: 0, Src: NoArg})
	}
	return out
}

func writes(pkg, recv string, data int, what string, names ...string) []Write {
	var out []Write
	for _, n := range names {
		out = append(out, Write{Func: fn(pkg, recv, n), Data: []int{data}, Writer: Always, What: what})
	}
	return out
}

func sessions(pkg, recv string, kind Kind, names ...string) []SessionRead {
	var out []SessionRead
	for _, n := range names {
		out = append(out, SessionRead{Func: fn(pkg, recv, n), Kind: kind, Key: 0})
	}
	return out
}

func routes(pkg string, recvs []string, handler int, chain bool, mw int, names ...string) []Route {
	var out []Route
	for _, r := range recvs {
		for _, n := range names {
			out = append(out, Route{Func: fn(pkg, r, n), Handler: handler, Chain: chain, MW: mw})
		}
	}
	return out
}

func cat[T any](lists ...[]T) []T {
	var out []T
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// NetHTTP is the standard library: net/http handlers, and the encoding,
// fmt, io and template calls that read requests and write responses.
var NetHTTP = &Framework{
	Name: "net/http",
	Path: pathHTTP,
	Reads: cat(
		reads(pathHTTP, "Request", Form, "FormValue", "PostFormValue"),
		reads(pathHTTP, "Request", PathParam, "PathValue"),
		reads(pathHTTP, "Request", Cookie, "Cookie"),
		[]Read{
			{Func: fn(pathURL, "Values", "Get"), Kind: Unknown, Key: 0, FromRequest: true},
			{Func: fn(pathHTTP, "Header", "Get"), Kind: Header, Key: 0, FromRequest: true},
			{Func: fn(pathHTTP, "Header", "Values"), Kind: Header, Key: 0, FromRequest: true},
			{Func: fn(pathURL, "URL", "Query"), Kind: Query, Key: NoArg, FromRequest: true},
			// julienschmidt/httprouter's parameters come only from a route.
			{Func: fn("github.com/julienschmidt/httprouter", "Params", "ByName"), Kind: PathParam, Key: 0},
		},
	),
	Binds: []Bind{
		{Func: fn(pathJSON, "Decoder", "Decode"), Kind: Body, Dst: 0, Src: Receiver},
		{Func: fn(pathJSON, "", "Unmarshal"), Kind: Body, Dst: 1, Src: 0},
		{Func: fn(pathXML, "Decoder", "Decode"), Kind: Body, Dst: 0, Src: Receiver},
		{Func: fn(pathXML, "", "Unmarshal"), Kind: Body, Dst: 1, Src: 0},
	},
	Writes: []Write{
		{Func: fn(pathHTTP, "ResponseWriter", "Write"), Data: []int{0}, Writer: Always, What: "body"},
		{Func: fn("io", "Writer", "Write"), Data: []int{0}, Writer: Receiver, What: "body"},
		{Func: fn("io", "StringWriter", "WriteString"), Data: []int{0}, Writer: Receiver, What: "body"},
		{Func: fn("bufio", "Writer", "Write"), Data: []int{0}, Writer: Receiver, What: "body"},
		{Func: fn("bufio", "Writer", "WriteString"), Data: []int{0}, Writer: Receiver, What: "body"},
		{Func: fn("fmt", "", "Fprint"), Data: []int{1}, Writer: 0, What: "body"},
		{Func: fn("fmt", "", "Fprintln"), Data: []int{1}, Writer: 0, What: "body"},
		{Func: fn("fmt", "", "Fprintf"), Data: []int{1, 2}, Writer: 0, What: "body"},
		{Func: fn("io", "", "WriteString"), Data: []int{1}, Writer: 0, What: "body"},
		{Func: fn("io", "", "Copy"), Data: []int{1}, Writer: 0, What: "body"},
		{Func: fn("io", "", "CopyN"), Data: []int{1}, Writer: 0, What: "body"},
		{Func: fn(pathJSON, "Encoder", "Encode"), Data: []int{0}, Writer: Receiver, What: "JSON"},
		{Func: fn(pathXML, "Encoder", "Encode"), Data: []int{0}, Writer: Receiver, What: "XML"},
		{Func: fn("html/template", "Template", "Execute"), Data: []int{1}, Writer: 0, What: "HTML"},
		{Func: fn("html/template", "Template", "ExecuteTemplate"), Data: []int{2}, Writer: 0, What: "HTML"},
		{Func: fn("text/template", "Template", "Execute"), Data: []int{1}, Writer: 0, What: "template output"},
		{Func: fn("text/template", "Template", "ExecuteTemplate"), Data: []int{2}, Writer: 0, What: "template output"},
		{Func: fn(pathHTTP, "", "SetCookie"), Data: []int{1}, Writer: 0, What: "cookie"},
		{Func: fn(pathHTTP, "", "Redirect"), Data: []int{2}, Writer: 0, What: "redirect"},
		{Func: fn(pathHTTP, "", "Error"), Data: []int{1}, Writer: 0, What: "body"},
		{Func: fn(pathHTTP, "Header", "Set"), Data: []int{1}, Writer: Receiver, What: "header"},
		{Func: fn(pathHTTP, "Header", "Add"), Data: []int{1}, Writer: Receiver, What: "header"},
	},
	Sessions: []SessionRead{
		{Func: fn(pathHTTP, "Request", "Cookie"), Kind: Cookie, Key: 0},
		{Func: fn(pathHTTP, "Header", "Get"), Kind: Header, Key: 0},
		{Func: fn(pathHTTP, "Header", "Values"), Kind: Header, Key: 0},
		{Func: fn(pathHTTP, "Request", "BasicAuth"), Kind: Credentials, Key: NoArg},
		{Func: fn("context", "Context", "Value"), Kind: ContextValue, Key: 0},
	},
	Routes: cat(
		routes(pathHTTP, []string{"", "ServeMux"}, 1, false, NoArg, "Handle", "HandleFunc"),
	),
}

var chiRouters = []string{"Mux", "Router"}

// renderWrites builds go-chi/render's writes: (w, r, v).
func renderWrites(data int, what string, names ...string) []Write {
	var out []Write
	for _, n := range names {
		out = append(out, Write{Func: fn(pathRender, "", n), Data: []int{data}, Writer: 0, What: what})
	}
	return out
}

// Chi is github.com/go-chi/chi: net/http handlers on chi routers.
var Chi = &Framework{
	Name: "chi",
	Path: pathChi,
	Reads: []Read{
		{Func: fn(pathChi, "", "URLParam"), Kind: PathParam, Key: 1},
		{Func: fn(pathChi, "", "URLParamFromCtx"), Kind: PathParam, Key: 1},
		{Func: fn(pathChi, "Context", "URLParam"), Kind: PathParam, Key: 0},
	},
	// go-chi/render writes and decodes for chi handlers.
	Writes: cat(
		renderWrites(2, "JSON", "JSON", "Respond", "Render", "RenderList"),
		renderWrites(2, "body", "XML", "PlainText", "Data"),
		renderWrites(2, "HTML", "HTML"),
	),
	Binds: []Bind{
		{Func: fn(pathRender, "", "Bind"), Kind: Body, Dst: 1, Src: 0},
		{Func: fn(pathRender, "", "Decode"), Kind: Body, Dst: 1, Src: 0},
		{Func: fn(pathRender, "", "DecodeJSON"), Kind: Body, Dst: 1, Src: 0},
	},
	Routes: cat(
		routes(pathChi, chiRouters, 1, false, NoArg,
			"Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Connect", "Trace", "Handle", "HandleFunc"),
		routes(pathChi, chiRouters, 2, false, NoArg, "Method", "MethodFunc"),
	),
	Middleware: []MiddlewareCall{
		{Func: fn(pathChi, "Mux", "Use"), First: 0},
		{Func: fn(pathChi, "Router", "Use"), First: 0},
		{Func: fn(pathChi, "Mux", "With"), First: 0, Returns: true},
		{Func: fn(pathChi, "Router", "With"), First: 0, Returns: true},
	},
}

// Mux is github.com/gorilla/mux: net/http handlers on gorilla routers.
var Mux = &Framework{
	Name: "gorilla/mux",
	Path: pathMux,
	Reads: []Read{
		{Func: fn(pathMux, "", "Vars"), Kind: PathParam, Key: NoArg},
	},
	Routes: cat(
		routes(pathMux, []string{"Router"}, 1, false, NoArg, "Handle", "HandleFunc"),
		routes(pathMux, []string{"Route"}, 0, false, NoArg, "Handler", "HandlerFunc"),
	),
	Middleware: []MiddlewareCall{
		{Func: fn(pathMux, "Router", "Use"), First: 0},
	},
}

// Route methods are declared on RouterGroup and IRoutes (Engine and
// IRouter promote them).
var ginRouters = []string{"RouterGroup", "IRoutes"}

// Gin is github.com/gin-gonic/gin.
var Gin = &Framework{
	Name:    "gin",
	Path:    pathGin,
	Context: &TypeName{Pkg: pathGin, Name: "Context", Pointer: true},
	Reads: cat(
		reads(pathGin, "Context", Query, "Query", "DefaultQuery", "GetQuery", "QueryArray", "GetQueryArray"),
		reads(pathGin, "Context", Form, "PostForm", "DefaultPostForm", "GetPostForm", "PostFormArray"),
		reads(pathGin, "Context", PathParam, "Param"),
		reads(pathGin, "Params", PathParam, "ByName", "Get"),
		reads(pathGin, "Context", Header, "GetHeader"),
		reads(pathGin, "Context", Cookie, "Cookie"),
		[]Read{{Func: fn(pathGin, "Context", "GetRawData"), Kind: Body, Key: NoArg}},
	),
	Binds: cat(
		binds(pathGin, "Context", Body, "Bind", "BindJSON", "ShouldBind", "ShouldBindJSON", "ShouldBindBodyWith",
			"ShouldBindWith", "BindWith", "MustBindWith", "ShouldBindBodyWithJSON", "ShouldBindXML", "BindXML", "ShouldBindYAML", "ShouldBindTOML"),
		binds(pathGin, "Context", Query, "BindQuery", "ShouldBindQuery"),
		binds(pathGin, "Context", PathParam, "BindUri", "ShouldBindUri"),
		binds(pathGin, "Context", Header, "BindHeader", "ShouldBindHeader"),
	),
	Writes: cat(
		writes(pathGin, "Context", 1, "JSON", "JSON", "IndentedJSON", "PureJSON", "SecureJSON", "JSONP", "AsciiJSON", "AbortWithStatusJSON"),
		writes(pathGin, "Context", 1, "body", "XML", "YAML", "TOML", "ProtoBuf"),
		writes(pathGin, "Context", 2, "HTML", "HTML"),
		writes(pathGin, "Context", 2, "body", "Data"),
		writes(pathGin, "Context", 1, "header", "Header"),
		writes(pathGin, "Context", 1, "cookie", "SetCookie"),
		writes(pathGin, "Context", 1, "redirect", "Redirect"),
		writes(pathGin, "ResponseWriter", 0, "body", "WriteString"),
		[]Write{{Func: fn(pathGin, "Context", "String"), Data: []int{1, 2}, Writer: Always, What: "body"}},
	),
	Sessions: cat(
		sessions(pathGin, "Context", Header, "GetHeader"),
		sessions(pathGin, "Context", Cookie, "Cookie"),
		sessions(pathGin, "Context", ContextValue, "Get", "MustGet", "GetString", "GetInt", "GetInt64", "GetUint", "GetStringMap", "Value"),
	),
	Routes: cat(
		routes(pathGin, ginRouters, 1, true, NoArg, "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "Any"),
		routes(pathGin, ginRouters, 2, true, NoArg, "Handle"),
	),
	Middleware: []MiddlewareCall{
		{Func: fn(pathGin, "RouterGroup", "Use"), First: 0},
		{Func: fn(pathGin, "Engine", "Use"), First: 0},
		{Func: fn(pathGin, "IRoutes", "Use"), First: 0},
		{Func: fn(pathGin, "RouterGroup", "Group"), First: 1, Returns: true},
		{Func: fn(pathGin, "IRouter", "Group"), First: 1, Returns: true},
	},
}

var echoRouters = []string{"Echo", "Group"}

// Echo is github.com/labstack/echo/v4.
var Echo = &Framework{
	Name:         "echo",
	Path:         pathEcho,
	Context:      &TypeName{Pkg: pathEcho, Name: "Context"},
	ReturnsError: true,
	Reads: cat(
		reads(pathEcho, "Context", PathParam, "Param"),
		reads(pathEcho, "Context", Query, "QueryParam"),
		reads(pathEcho, "Context", Form, "FormValue"),
		reads(pathEcho, "Context", Cookie, "Cookie"),
		[]Read{
			{Func: fn(pathEcho, "Context", "QueryParams"), Kind: Query, Key: NoArg},
			{Func: fn(pathEcho, "Context", "FormParams"), Kind: Form, Key: NoArg},
		},
	),
	Binds: binds(pathEcho, "Context", Body, "Bind"),
	Writes: cat(
		writes(pathEcho, "Context", 1, "JSON", "JSON", "JSONPretty", "JSONBlob", "JSONP"),
		writes(pathEcho, "Context", 1, "HTML", "HTML", "HTMLBlob"),
		writes(pathEcho, "Context", 1, "body", "String", "XML", "XMLPretty"),
		writes(pathEcho, "Context", 2, "body", "Blob", "Stream"),
		writes(pathEcho, "Context", 2, "HTML", "Render"),
		writes(pathEcho, "Context", 1, "redirect", "Redirect"),
		writes(pathEcho, "Context", 0, "cookie", "SetCookie"),
		writes(pathEcho, "Response", 0, "body", "Write"),
	),
	Sessions: cat(
		sessions(pathEcho, "Context", Cookie, "Cookie"),
		sessions(pathEcho, "Context", ContextValue, "Get"),
	),
	Routes: cat(
		routes(pathEcho, echoRouters, 1, false, 2, "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE", "Any"),
		routes(pathEcho, echoRouters, 2, false, 3, "Add"),
	),
	Middleware: []MiddlewareCall{
		{Func: fn(pathEcho, "Echo", "Use"), First: 0},
		{Func: fn(pathEcho, "Group", "Use"), First: 0},
		{Func: fn(pathEcho, "Echo", "Group"), First: 1, Returns: true},
		{Func: fn(pathEcho, "Group", "Group"), First: 1, Returns: true},
	},
}

var fiberRouters = []string{"App", "Router", "Group"}

// Fiber is github.com/gofiber/fiber/v2.
var Fiber = &Framework{
	Name:         "fiber",
	Path:         pathFiber,
	Context:      &TypeName{Pkg: pathFiber, Name: "Ctx", Pointer: true, OrValue: true},
	ReturnsError: true,
	Reads: cat(
		reads(pathFiber, "Ctx", Query, "Query", "QueryInt", "QueryBool", "QueryFloat"),
		reads(pathFiber, "Ctx", PathParam, "Params", "ParamsInt"),
		reads(pathFiber, "Ctx", Form, "FormValue"),
		reads(pathFiber, "Ctx", Header, "Get"),
		reads(pathFiber, "Ctx", Cookie, "Cookies"),
		[]Read{
			{Func: fn(pathFiber, "Ctx", "GetReqHeaders"), Kind: Header, Key: NoArg},
			{Func: fn(pathFiber, "Ctx", "Body"), Kind: Body, Key: NoArg},
			// v3's generic readers: fiber.Params[int](c, "id").
			{Func: fn(pathFiber, "", "Params"), Kind: PathParam, Key: 1},
			{Func: fn(pathFiber, "", "Query"), Kind: Query, Key: 1},
			{Func: fn(pathFiber, "", "GetReqHeader"), Kind: Header, Key: 1},
		},
	),
	Binds: cat(
		binds(pathFiber, "Ctx", Body, "BodyParser"),
		binds(pathFiber, "Ctx", Query, "QueryParser"),
		binds(pathFiber, "Ctx", PathParam, "ParamsParser"),
		binds(pathFiber, "Ctx", Header, "ReqHeaderParser"),
		// v3: c.Bind().Body(&req).
		binds(pathFiber, "Bind", Body, "Body", "JSON", "XML", "Form", "All", "CBOR", "MsgPack"),
		binds(pathFiber, "Bind", Query, "Query"),
		binds(pathFiber, "Bind", PathParam, "URI"),
		binds(pathFiber, "Bind", Header, "Header"),
	),
	Writes: cat(
		writes(pathFiber, "Ctx", 0, "JSON", "JSON", "JSONP"),
		writes(pathFiber, "Ctx", 0, "body", "XML", "Send", "SendString", "Write", "WriteString"),
		writes(pathFiber, "Ctx", 1, "HTML", "Render"),
		writes(pathFiber, "Ctx", 1, "header", "Set", "Append"),
		writes(pathFiber, "Ctx", 0, "cookie", "Cookie"),
		writes(pathFiber, "Ctx", 0, "redirect", "Redirect"),
	),
	Sessions: cat(
		sessions(pathFiber, "Ctx", Header, "Get"),
		sessions(pathFiber, "Ctx", Cookie, "Cookies"),
		sessions(pathFiber, "Ctx", ContextValue, "Locals"),
		[]SessionRead{{Func: fn(pathFiber, "", "Locals"), Kind: ContextValue, Key: 1}}, // v3: fiber.Locals[T](c, key)
	),
	Routes: routes(pathFiber, fiberRouters, 1, true, NoArg, "Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "All"),
	Middleware: []MiddlewareCall{
		{Func: fn(pathFiber, "App", "Use"), First: 0},
		{Func: fn(pathFiber, "Router", "Use"), First: 0},
		{Func: fn(pathFiber, "Group", "Use"), First: 0},
		{Func: fn(pathFiber, "App", "Group"), First: 1, Returns: true},
		{Func: fn(pathFiber, "Router", "Group"), First: 1, Returns: true},
		{Func: fn(pathFiber, "Group", "Group"), First: 1, Returns: true},
	},
}

// FrameworkOfPackage returns the framework whose package has import path p
// (major-version suffixes ignored), or nil.
func FrameworkOfPackage(p string) *Framework {
	p = stripMajor(p)
	for _, fw := range Frameworks {
		if p == stripMajor(fw.Path) {
			return fw
		}
	}
	return nil
}

// Frameworks lists every framework, net/http first.
var Frameworks = []*Framework{NetHTTP, Chi, Mux, Gin, Echo, Fiber}

// AuthMiddlewareMarkers are middleware names that authenticate the user:
// RequireAuth, jwtMiddleware, sessionAuth, Protected, LoginRequired. The
// names of session headers, cookies, keys and getters are in
// analyzer/session, shared with the JS/TS scanner.
var AuthMiddlewareMarkers = []string{"auth", "jwt", "session", "login", "protect", "requireuser", "signedin", "loggedin", "bearer", "token"}

// index maps a function name to the table entries with that name.
type index struct {
	reads    map[string][]*readEntry
	binds    map[string][]*bindEntry
	writes   map[string][]*writeEntry
	sessions map[string][]*sessionEntry
	routes   map[string][]*routeEntry
	mws      map[string][]*mwEntry
}

type (
	readEntry struct {
		Read
		fw *Framework
	}
	bindEntry struct {
		Bind
		fw *Framework
	}
	writeEntry struct {
		Write
		fw *Framework
	}
	sessionEntry struct {
		SessionRead
		fw *Framework
	}
	routeEntry struct {
		Route
		fw *Framework
	}
	mwEntry struct {
		MiddlewareCall
		fw *Framework
	}
)

var (
	indexOnce sync.Once
	tables    index
)

func tablesIndex() *index {
	indexOnce.Do(func() {
		tables = index{
			reads:    map[string][]*readEntry{},
			binds:    map[string][]*bindEntry{},
			writes:   map[string][]*writeEntry{},
			sessions: map[string][]*sessionEntry{},
			routes:   map[string][]*routeEntry{},
			mws:      map[string][]*mwEntry{},
		}
		for _, fw := range Frameworks {
			for _, e := range fw.Reads {
				tables.reads[e.Name] = append(tables.reads[e.Name], &readEntry{e, fw})
			}
			for _, e := range fw.Binds {
				tables.binds[e.Name] = append(tables.binds[e.Name], &bindEntry{e, fw})
			}
			for _, e := range fw.Writes {
				tables.writes[e.Name] = append(tables.writes[e.Name], &writeEntry{e, fw})
			}
			for _, e := range fw.Sessions {
				tables.sessions[e.Name] = append(tables.sessions[e.Name], &sessionEntry{e, fw})
			}
			for _, e := range fw.Routes {
				tables.routes[e.Name] = append(tables.routes[e.Name], &routeEntry{e, fw})
			}
			for _, e := range fw.Middleware {
				tables.mws[e.Name] = append(tables.mws[e.Name], &mwEntry{e, fw})
			}
		}
	})
	return &tables
}

// MatchRead returns the Read entry for fn and its framework, or nil.
func MatchRead(fn *types.Func) (*Read, *Framework) {
	if fn == nil {
		return nil, nil
	}
	for _, e := range tablesIndex().reads[fn.Name()] {
		if e.Matches(fn) {
			return &e.Read, e.fw
		}
	}
	return nil, nil
}

// MatchBind returns the Bind entry for fn and its framework, or nil.
func MatchBind(fn *types.Func) (*Bind, *Framework) {
	if fn == nil {
		return nil, nil
	}
	for _, e := range tablesIndex().binds[fn.Name()] {
		if e.Matches(fn) {
			return &e.Bind, e.fw
		}
	}
	return nil, nil
}

// MatchWrite returns the Write entry for fn and its framework, or nil.
func MatchWrite(fn *types.Func) (*Write, *Framework) {
	if fn == nil {
		return nil, nil
	}
	for _, e := range tablesIndex().writes[fn.Name()] {
		if e.Matches(fn) {
			return &e.Write, e.fw
		}
	}
	return nil, nil
}

// MatchSession returns the SessionRead entry for fn and its framework, or nil.
func MatchSession(fn *types.Func) (*SessionRead, *Framework) {
	if fn == nil {
		return nil, nil
	}
	for _, e := range tablesIndex().sessions[fn.Name()] {
		if e.Matches(fn) {
			return &e.SessionRead, e.fw
		}
	}
	return nil, nil
}

// MatchRoute returns the Route entry for fn and its framework, or nil.
func MatchRoute(fn *types.Func) (*Route, *Framework) {
	if fn == nil {
		return nil, nil
	}
	for _, e := range tablesIndex().routes[fn.Name()] {
		if e.Matches(fn) {
			return &e.Route, e.fw
		}
	}
	return nil, nil
}

// MatchMiddleware returns the MiddlewareCall entry for fn and its framework,
// or nil.
func MatchMiddleware(fn *types.Func) (*MiddlewareCall, *Framework) {
	if fn == nil {
		return nil, nil
	}
	for _, e := range tablesIndex().mws[fn.Name()] {
		if e.Matches(fn) {
			return &e.MiddlewareCall, e.fw
		}
	}
	return nil, nil
}

// IsRequestAPI reports whether fn belongs to the request-reading surface of
// a framework: a read, a bind, a session read, or a method of a framework's
// handler context or of *http.Request that neither writes a response nor
// registers routes (c.Request(), r.Context(), c.Next()…).
func IsRequestAPI(fn *types.Func) bool {
	if r, _ := MatchRead(fn); r != nil {
		return true
	}
	if b, _ := MatchBind(fn); b != nil {
		return true
	}
	if s, _ := MatchSession(fn); s != nil {
		return true
	}
	if w, _ := MatchWrite(fn); w != nil {
		return false
	}
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	if (TypeName{Pkg: pathHTTP, Name: "Request", Pointer: true}).Matches(recv.Type()) {
		return true
	}
	n := namedOf(recv.Type())
	for _, fw := range Frameworks {
		if fw.Context != nil && n != nil && (TypeName{Pkg: fw.Context.Pkg, Name: fw.Context.Name}).Matches(n) {
			return true
		}
	}
	return false
}
