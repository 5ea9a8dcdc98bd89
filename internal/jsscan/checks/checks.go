package checks

import (
	"fmt"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"

	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/eval"
)

// The checker's side of Checks: which rule's check each site of the walk
// goes to.

// EnvRead: DYP102 (keys.go).
func (ca *checker) EnvRead(name string, at file.Idx) { ca.envRead(name, at) }

// Construct: the client and DYP101 (keys.go).
func (ca *checker) Construct(e *ast.CallExpression, name string, args []*eval.Value) *eval.Value {
	return ca.construct(e, name, args)
}

// HelperClient: a privileged client built by a helper, DYP101 (keys.go).
func (ca *checker) HelperClient(e *ast.CallExpression, ret *eval.Value, args []*eval.Value) *eval.Value {
	return ca.helperClient(e, ret, args)
}

// ClientCall: endpoint calls DYP201, DYP301, DYP404, DYP405
// (endpoints.go), sign-up DYP403 (endpoints.go) and the auth listener
// DYP407 (recovery.go).
func (ca *checker) ClientCall(e *ast.CallExpression, base *eval.Value, method string, args []*eval.Value) bool {
	prof := ca.a.prof
	switch {
	case base.Kind == eval.API && prof.IsCallMethod(method):
		ca.endpointCall(e, base.Client, method, args)
	case base.Kind == eval.Auth && method == prof.JSSignUp:
		ca.signUp(e)
	case base.Kind == eval.Auth && method == prof.JSAuthStateChange && method != "":
		ca.authListener(e, args)
	default:
		return false
	}
	return true
}

// ServerImport: DYP105 (secretsdk.go).
func (ca *checker) ServerImport(imp *ast.ImportDeclaration, srv *sdk.ServerSDK, spec string) {
	ca.emitDYP105(imp.Idx0(), srv, fmt.Sprintf("importing %s", spec), "", "", false)
}

// ServerConstruct: DYP105 (secretsdk.go).
func (ca *checker) ServerConstruct(at file.Idx, callee ast.Expression, ctor *eval.Value, args []ast.Expression, vals []*eval.Value, isNew bool) {
	ca.serverConstruct(at, callee, ctor, args, vals, isNew)
}

// KeyHeader: DYP101 (keys.go).
func (ca *checker) KeyHeader(at file.Idx, header string, v *eval.Value, e ast.Expression) {
	ca.keyHeader(at, header, v, e)
}

// OtherCall: a raw request sending the key header for a user, DYP301
// (endpoints.go).
func (ca *checker) OtherCall(e *ast.CallExpression, args []*eval.Value) { ca.rawRequest(e, args) }

// Calling, Called, Member, Pattern and Params: who the caller is
// (session.go).

func (ca *checker) Calling(e *ast.CallExpression, method string) { ca.nameRouteHandlers(e, method) }

func (ca *checker) Called(e *ast.CallExpression, base, callee *eval.Value) {
	ca.sessionCall(e, base, callee)
}

func (ca *checker) Member(left ast.Expression, name string, at file.Idx) {
	ca.sessionMember(left, name, at)
}

func (ca *checker) Pattern(target, from ast.Expression) { ca.sessionPattern(target, from) }

func (ca *checker) Params(fn ast.Node, pl *ast.ParameterList) { ca.sessionParams(fn, pl) }
