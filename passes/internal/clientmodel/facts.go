package clientmodel

import (
	"go/token"
	"strconv"
	"strings"
)

// returnsFact is attached to a function or method whose result Index is a
// client (or client option) of kind Kind.
type returnsFact struct {
	Index int
	Kind  Kind
}

func (*returnsFact) AFact() {}

func (f *returnsFact) String() string {
	if f.Index == 0 {
		return "returns " + f.Kind.describe()
	}
	return "result " + strconv.Itoa(f.Index) + " is " + f.Kind.describe()
}

// holdsFact is attached to a package-level variable or a struct field that
// holds a client of kind Kind.
type holdsFact struct{ Kind Kind }

func (*holdsFact) AFact() {}

func (f *holdsFact) String() string { return "holds " + f.Kind.describe() }

// constructsFact is attached to a function or method that constructs an
// API-key client or X-API-KEY request, directly or through the functions it
// calls. Chain runs from the function itself to the construction; Site is
// where the construction is.
type constructsFact struct {
	Chain []string
	Site  Site
}

func (*constructsFact) AFact() {}

func (f *constructsFact) String() string {
	return "constructs an API-key client: " + strings.Join(f.Chain, " → ")
}

// initFact is attached to a package whose initialisation (variable
// initialisers, init functions, or an imported package's initialisation)
// constructs an API-key client.
type initFact struct {
	Chain []string
	Site  Site
}

func (*initFact) AFact() {}

func (f *initFact) String() string {
	return "constructs an API-key client at init: " + strings.Join(f.Chain, " → ")
}

// sdkTypeFact is attached to the SDK's client type and its option type,
// by the pass on the SDK package. A package that reaches the SDK only
// through another package's export data (go vet's unitchecker reads only
// direct imports) sees a partial SDK package without the constructors that
// identify those types; the fact identifies them there. Facts about types,
// unlike package facts, are passed on to indirect importers.
type sdkTypeFact struct {
	Option bool // the key option's result type, not the client type
}

func (*sdkTypeFact) AFact() {}

func (f *sdkTypeFact) String() string {
	if f.Option {
		return "SDK option type"
	}
	return "SDK client type"
}

// Site is a source position that survives serialisation (a token.Pos does
// not: facts cross processes in vet-tool mode).
type Site struct {
	File      string
	Line, Col int
}

func siteOf(fset *token.FileSet, pos token.Pos) Site {
	p := fset.Position(pos)
	return Site{File: p.Filename, Line: p.Line, Col: p.Column}
}

// maxChain bounds the length of recorded chains; longer ones keep their
// ends and elide the middle.
const maxChain = 8

func extendChain(head string, tail []string) []string {
	chain := append([]string{head}, tail...)
	if len(chain) > maxChain {
		chain = append(append(chain[:2:2], "…"), chain[len(chain)-(maxChain-3):]...)
	}
	return chain
}
