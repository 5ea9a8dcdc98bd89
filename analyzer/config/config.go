// Package config holds dypailint's one typed configuration, shared by the
// CLI, the vet tool and the golangci-lint plugin, and loads the project file
// dypai.yaml (found by walking up from the analysed files, parsed once per
// run and directory tree).
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/scantree"
)

// Config is the whole configuration of one run.
type Config struct {
	// ManifestPath names dypai.yaml explicitly; empty means discover it by
	// walking up from each analysed directory.
	ManifestPath string
	// Profile selects the SDK profile, overriding the manifest's sdk.profile.
	Profile string
	// IdentityFields overrides the manifest's identity_fields and the default.
	IdentityFields []string
	// Enable, when non-empty, runs only these rules (IDs or names);
	// Disable turns rules off.
	Enable  []string
	Disable []string
	// SecretEnv names environment variables whose values must never appear
	// in a bundle (DYP103).
	SecretEnv []string
	// Tests also analyses test files: Go's _test.go files, and JS/TS tests
	// as their runners name them (x.test.ts, x.spec.tsx, __tests__/,
	// __mocks__/), which never ship.
	Tests bool
	// TagMessages appends " (DYPnnn)" to diagnostic messages, for drivers that
	// print only the message (go vet, golangci-lint).
	TagMessages bool
	// Tree bounds what the run may read: dypai.yaml is looked for no
	// higher than the tree, and a manifest that leads outside it is
	// refused. Nil bounds the walk at the repository or module holding the
	// directory asked about (scantree.Enclosing).
	Tree *scantree.Tree

	cache manifestCache
}

// Validate checks the rule names and the profile.
func (c *Config) Validate() error {
	for _, list := range [][]string{c.Enable, c.Disable} {
		for _, name := range list {
			if rules.ByID(name) == nil {
				return fmt.Errorf("unknown rule %q (rules are named by ID, e.g. DYP101, or analyzer name, e.g. apikeyclient)", name)
			}
		}
	}
	if c.Profile != "" {
		return checkProfile(c.Profile)
	}
	return nil
}

func checkProfile(name string) error {
	if _, ok := sdk.Profiles[name]; !ok {
		return fmt.Errorf("unknown SDK profile %q (known: %s)", name, strings.Join(sdk.Names(), ", "))
	}
	return nil
}

// RuleEnabled reports whether a rule is to be checked.
func (c *Config) RuleEnabled(id string) bool {
	match := func(list []string) bool {
		return slices.ContainsFunc(list, func(s string) bool {
			r := rules.ByID(s)
			return r != nil && r.ID == id
		})
	}
	if c == nil {
		return true
	}
	if len(c.Enable) > 0 && !match(c.Enable) {
		return false
	}
	return !match(c.Disable)
}

// Project is the effective configuration for one directory: its manifest
// (nil when there is none) and the settings that follow from it.
type Project struct {
	Manifest       *Manifest
	Profile        *sdk.Profile
	IdentityFields []string
}

// ManifestRulesApply reports whether rules that need an endpoint manifest
// can run: there is a manifest and the profile has manifests.
func (p *Project) ManifestRulesApply() bool {
	return p.Manifest != nil && p.Profile.HasManifest
}

// IsIdentityField reports whether a payload key carries the user's identity.
func (p *Project) IsIdentityField(name string) bool {
	return slices.Contains(p.IdentityFields, name)
}

// ProjectFor returns the configuration that applies to files in dir.
// The manifest is parsed once and shared by every caller.
func (c *Config) ProjectFor(dir string) (*Project, error) {
	if c.Profile != "" {
		if err := checkProfile(c.Profile); err != nil {
			return nil, err
		}
	}
	var m *Manifest
	var err error
	if c.ManifestPath != "" {
		m, err = c.cache.load(c.ManifestPath)
	} else {
		m, err = c.cache.find(dir, c.Tree)
	}
	if err != nil {
		return nil, err
	}
	return c.project(m), nil
}

func (c *Config) project(m *Manifest) *Project {
	p := &Project{Manifest: m, Profile: sdk.Dypai, IdentityFields: sdk.DefaultIdentityFields}
	name := c.Profile
	if name == "" && m != nil {
		name = m.SDKProfile
	}
	if prof, ok := sdk.Profiles[name]; ok {
		p.Profile = prof
	}
	if m != nil {
		p.Profile = p.Profile.WithOverrides(m.GoPackages, m.JSModules)
		if m.IdentityFields != nil {
			p.IdentityFields = m.IdentityFields
		}
	}
	if c.IdentityFields != nil {
		p.IdentityFields = c.IdentityFields
	}
	return p
}

// FindManifest walks up from dir, no higher than tree (nil: the repository
// or module holding dir, see scantree.Enclosing), and returns the path of
// the nearest dypai.yaml, or "".
func FindManifest(dir string, tree *scantree.Tree) string {
	var mc manifestCache
	path, _ := mc.nearest(dir, tree)
	return path
}

// manifestCache parses each dypai.yaml at most once and remembers, for each
// directory asked about, which file applies.
type manifestCache struct {
	mu    sync.Mutex
	byDir map[string]string // dir -> manifest path ("" for none)
	files map[string]*loaded
}

type loaded struct {
	once sync.Once
	m    *Manifest
	err  error
}

func (mc *manifestCache) find(dir string, tree *scantree.Tree) (*Manifest, error) {
	path, tree := mc.nearest(dir, tree)
	if path == "" {
		return nil, nil
	}
	if err := tree.Check(path, "dypai.yaml"); err != nil {
		return nil, err
	}
	return mc.load(path)
}

// nearest returns the dypai.yaml that applies to dir, looked for no higher
// than tree (nil: scantree.Enclosing(dir)), and the tree it used.
func (mc *manifestCache) nearest(dir string, tree *scantree.Tree) (string, *scantree.Tree) {
	if tree == nil {
		tree = scantree.Enclosing(dir)
	}
	return mc.path(dir, tree), tree
}

// path returns the dypai.yaml that applies to dir. Each directory is looked
// at once, its answer built on its parent's, so that a deep tree costs one
// stat per directory rather than one per directory and level.
func (mc *manifestCache) path(dir string, tree *scantree.Tree) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	mc.mu.Lock()
	path, ok := mc.byDir[abs]
	mc.mu.Unlock()
	if ok {
		return path
	}
	p := filepath.Join(abs, ManifestName)
	if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
		path = p
	} else if parent := filepath.Dir(abs); parent != abs && tree.Bounds(parent) {
		path = mc.path(parent, tree)
	}
	mc.mu.Lock()
	if mc.byDir == nil {
		mc.byDir = map[string]string{}
	}
	mc.byDir[abs] = path
	mc.mu.Unlock()
	return path
}

func (mc *manifestCache) load(path string) (*Manifest, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	mc.mu.Lock()
	if mc.files == nil {
		mc.files = map[string]*loaded{}
	}
	l := mc.files[abs]
	if l == nil {
		l = &loaded{}
		mc.files[abs] = l
	}
	mc.mu.Unlock()
	l.once.Do(func() { l.m, l.err = LoadManifest(abs) })
	return l.m, l.err
}

// Closest returns the candidate nearest to name by edit distance, when it is
// close enough to be a plausible typo, or "".
func Closest(name string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(2, len(name)/3)
	if best == "" || bestD > limit {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
