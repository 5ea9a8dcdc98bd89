package requestuserid

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
	"github.com/dypai/dypailint/passes/internal/ssautil"
)

// Authentication: a login handler reads the user id from the request by
// design, with the credential that proves it. The id is not the caller
// naming another user when the same request carries a credential (a
// password field of the bound body, a password form field) and that
// credential is verified — compared, or given to a function that checks
// it (bcrypt.CompareHashAndPassword, repo.CheckPassword(id, pw),
// users.Login(req)). A credential that is only stored (a password reset
// given anyone's id) verifies nothing.

var (
	// CredentialWords are normalised names of request fields that carry a
	// credential: password, PassWord, passwd, pin, otp.
	CredentialWords = []string{"password", "passwd", "passphrase", "passcode", "pwd", "pass", "pin", "otp", "secret", "credential", "credentials"}
	// CredentialNames are whole field names that carry a credential: the
	// code or token mailed to the user (a verification code, a reset
	// token). Only whole: a country code or a device token is none.
	CredentialNames = []string{"code", "token"}
	// VerifyWords are words of a function's name that say it checks a
	// credential: CompareHashAndPassword, CheckPassword, VerifyOTP,
	// Authenticate, Login, SignIn.
	VerifyWords = []string{"compare", "verify", "check", "validate", "authenticate", "authentication", "login", "signin", "match", "matches"}
)

// credential reports whether a request field's name carries a credential.
func credential(name string) bool {
	n := session.Normalize(name)
	if slices.Contains(CredentialNames, n) {
		return true
	}
	for _, w := range CredentialWords {
		if n == w || len(w) > 4 && strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

// authenticates reports whether the handler the id is read in verifies a
// credential sent in the same request.
func (c *checker) authenticates(src source) bool {
	seeds := c.credentialSeeds(src.fn)
	if len(seeds) == 0 {
		return false
	}
	c.credChecked = false
	hits := c.creds.Run(seeds...)
	return len(hits) > 0 || c.credChecked
}

// credentialSeeds returns the credentials the request carries, read in fn
// or the functions enclosing it up to its handler: credential-named reads
// (r.FormValue("password")) and the credential fields of values the
// request is bound into.
func (c *checker) credentialSeeds(fn *ssa.Function) []ssaflow.Seed {
	var seeds []ssaflow.Seed
	for f := fn; f != nil; f = f.Parent() {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					seeds = append(seeds, c.credentialsOf(call)...)
				}
			}
		}
		if c.handlerScope(f.Syntax()) {
			break
		}
	}
	return seeds
}

func (c *checker) credentialsOf(call *ssa.Call) []ssaflow.Seed {
	f, args := handlers.SSACall(&call.Call)
	if f == nil {
		return nil
	}
	bd := c.bindHelper(call, f)
	if bd == nil {
		bd, _ = handlers.MatchBind(f)
	}
	if bd != nil {
		a, ok := ssautil.Strip(handlers.ArgValue(&call.Call, bd.Dst), ssautil.Boxing).(*ssa.Alloc)
		if !ok {
			return nil
		}
		st, ok := types.Unalias(a.Type()).(*types.Pointer).Elem().Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		var idx []int
		for i := range st.NumFields() {
			if name, _ := c.identityField(st.Field(i), st.Tag(i)); credential(name) {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return nil
		}
		return []ssaflow.Seed{{Value: a, Fields: idx}}
	}
	rd, _ := handlers.MatchRead(f)
	if rd == nil || rd.Key < 0 || rd.Key >= len(args) || !args[rd.Key].IsConst || !credential(args[rd.Key].Const) {
		return nil
	}
	return []ssaflow.Seed{{Value: call}}
}

// credCall decides what a call does with a credential: a comparison or a
// function named for checking one verifies it (a hit); the package's
// functions are followed; transformations and hashes pass it on, to be
// compared; anything else (storing it) verifies nothing.
func (c *checker) credCall(s ssaflow.Site) ssaflow.Decision {
	f := s.Func
	if f == nil {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if slices.ContainsFunc(CompareFuncs, func(cf handlers.Func) bool { return cf.Matches(f) }) ||
		slices.ContainsFunc(session.Words(f.Name()), func(w string) bool { return slices.Contains(VerifyWords, w) }) ||
		looksUpBy(f.Name()) {
		return ssaflow.Decision{Effect: ssaflow.Use}
	}
	switch {
	case s.Local:
		return ssaflow.Decision{Effect: ssaflow.Follow}
	case f.Pkg() != nil && (slices.Contains(ThroughPackages, f.Pkg().Path()) || strings.HasPrefix(f.Pkg().Path(), "crypto/") || pathHasWord(f.Pkg().Path(), VerifyPathMarkers)):
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
	return ssaflow.Decision{Effect: ssaflow.Ignore}
}

// credCompare notes a comparison of the credential.
func (c *checker) credCompare(op *ssa.BinOp, _ ssa.Value) {
	if op.Op == token.EQL || op.Op == token.NEQ {
		c.credChecked = true
	}
}

// looksUpBy reports whether a function's name says it finds a record by a
// credential (GetByCode, FindUserByResetToken): what it returns for the
// credential given is the check.
func looksUpBy(name string) bool {
	words := session.Words(name)
	i := slices.Index(words, "by")
	return i >= 0 && i+1 < len(words) && credential(words[len(words)-1])
}
