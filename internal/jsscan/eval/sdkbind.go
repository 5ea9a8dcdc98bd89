package eval

import (
	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// serverImport binds what an import of a server-only SDK's module
// (sdk.ServerSDKs) brings in: its constructors (ServerConstructor) and
// namespaces (ServerNamespace); an import that is itself the mistake
// (firebase-admin) goes to the checks. It returns false when spec is not a
// catalogued module.
func (w *Walker) serverImport(s *Scope, imp *ast.ImportDeclaration, spec string) bool {
	srv := sdk.ServerSDKFor(spec)
	if srv == nil {
		return false
	}
	if srv.AnyImport {
		w.checks.ServerImport(imp, srv, spec)
		return true
	}
	c := imp.ImportClause
	if c.ImportedDefaultBinding != nil {
		v := &Value{Kind: ServerNamespace, Server: srv}
		if srv.IsConstructor("default") {
			v = &Value{Kind: ServerConstructor, Server: srv, Str: string(c.ImportedDefaultBinding.Name)}
		}
		w.declare(s, string(c.ImportedDefaultBinding.Name)).Value = v
	}
	if c.NameSpaceImport != nil {
		w.declare(s, string(c.NameSpaceImport.ImportedBinding)).Value = &Value{Kind: ServerNamespace, Server: srv}
	}
	w.namedImports(s, c, func(name string) *Value {
		if srv.IsConstructor(name) {
			return &Value{Kind: ServerConstructor, Server: srv, Str: name}
		}
		return nil
	})
	return true
}

// serverMember is ns.Name of a catalogued SDK's namespace: a constructor
// (sgMail.setApiKey, openai.OpenAI), or nil.
func serverMember(v *Value, name string) *Value {
	if v.Server.IsConstructor(name) || name == "default" && v.Server.IsConstructor("default") {
		return &Value{Kind: ServerConstructor, Server: v.Server, Str: name}
	}
	return nil
}
