package jsscan

import (
	"reflect"

	"github.com/grafana/sobek/ast"
)

// skipField names AST fields that duplicate nodes found elsewhere or are
// not part of the tree.
var skipField = map[string]bool{"DeclarationList": true, "ImportEntries": true, "ExportEntries": true, "File": true}

// eachChild calls f for every AST node directly below n. sobek has no
// visitor, so this walks the node's exported fields by reflection. Fields
// that hold a name rather than a reference (DotExpression.Identifier) are
// struct values and are only visited when a caller asks for them; callers
// handle such nodes themselves.
func eachChild(n ast.Node, f func(ast.Node)) {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	walkStruct(v.Elem(), f)
}

func walkStruct(v reflect.Value, f func(ast.Node)) {
	if v.Kind() != reflect.Struct {
		return
	}
	t := v.Type()
	for i := 0; i < v.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() || skipField[sf.Name] {
			continue
		}
		visitValue(v.Field(i), sf.Anonymous, f)
	}
}

func visitValue(fv reflect.Value, embedded bool, f func(ast.Node)) {
	switch fv.Kind() {
	case reflect.Interface, reflect.Pointer:
		if fv.IsNil() {
			return
		}
		if n, ok := fv.Interface().(ast.Node); ok {
			f(n)
		} else if fv.Kind() == reflect.Pointer {
			// Holders that are not nodes themselves
			// (HoistableDeclaration, ImportClause…).
			walkStruct(fv.Elem(), f)
		}
	case reflect.Slice:
		for j := 0; j < fv.Len(); j++ {
			visitValue(fv.Index(j), false, f)
		}
	case reflect.Struct:
		// A struct held by value: LexicalDeclaration inside a for
		// initializer. Identifier values are names, not references.
		if fv.Type() == reflect.TypeFor[ast.Identifier]() || fv.Type() == reflect.TypeFor[ast.PrivateIdentifier]() {
			return
		}
		if fv.CanAddr() {
			if n, ok := fv.Addr().Interface().(ast.Node); ok {
				f(n)
			}
		}
	}
}
