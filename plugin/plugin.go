// Package plugin is dypailint's golangci-lint v2 module plugin. Build a
// custom golangci-lint with it (golangci-lint custom and .custom-gcl.yml)
// and enable it in .golangci.yml:
//
//	linters:
//	  enable: [dypailint]
//	  settings:
//	    custom:
//	      dypailint:
//	        type: module
//	        settings:
//	          sdk: dypai
//	          disable: [DYP201]
//
// The settings decode into the same typed configuration the CLI uses;
// unknown keys and wrong types are errors.
package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes"
)

func init() {
	register.Plugin("dypailint", New)
}

// Settings are the keys accepted under
// linters.settings.custom.dypailint.settings.
type Settings struct {
	// Config is the path of dypai.yaml (a relative one is relative to the
	// directory golangci-lint runs in); by default it is found by walking
	// up from each package's directory.
	Config string `json:"config"`
	// SDK selects the SDK profile (dypai, …).
	SDK string `json:"sdk"`
	// IdentityFields overrides the payload keys that carry the user's id.
	IdentityFields []string `json:"identity-fields"`
	// Enable runs only these rules (IDs or names); Disable turns rules off.
	Enable  []string `json:"enable"`
	Disable []string `json:"disable"`
}

// toConfig converts the settings to the shared configuration.
func (s Settings) toConfig() *config.Config {
	return &config.Config{
		ManifestPath:   s.Config,
		Profile:        s.SDK,
		IdentityFields: s.IdentityFields,
		Enable:         s.Enable,
		Disable:        s.Disable,
		// golangci-lint prints only the message: keep the rule ID visible.
		TagMessages: true,
	}
}

// New is the plugin constructor golangci-lint calls with the raw settings.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("dypailint settings: %s", explain(err))
	}
	cfg := s.toConfig()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("dypailint settings: %v", err)
	}
	return &plugin{cfg: cfg}, nil
}

type plugin struct{ cfg *config.Config }

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return passes.All(p.cfg), nil }

// GetLoadMode: the passes need type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// settingKeys are the JSON names of Settings' fields.
func settingKeys() []string {
	var keys []string
	t := reflect.TypeFor[Settings]()
	for i := range t.NumField() {
		keys = append(keys, t.Field(i).Tag.Get("json"))
	}
	return keys
}

// explain rewrites encoding/json's errors in terms of the settings' keys.
func explain(err error) string {
	msg := err.Error()
	if _, field, ok := strings.Cut(msg, `json: unknown field "`); ok {
		field = strings.TrimSuffix(field, `"`)
		hint := "valid keys: " + strings.Join(settingKeys(), ", ")
		if c := config.Closest(field, settingKeys()); c != "" {
			hint = fmt.Sprintf("did you mean %q?", c)
		}
		return fmt.Sprintf("unknown key %q (%s)", field, hint)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s must be %s, not %s", te.Field, jsonKind(te.Type), te.Value)
	}
	return msg
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice:
		return "a list of strings"
	case reflect.String:
		return "a string"
	}
	return t.String()
}
