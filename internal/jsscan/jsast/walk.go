package jsast

import (
	"reflect"
	"sync"

	"github.com/grafana/sobek/ast"
)

// skipField names AST fields that duplicate nodes found elsewhere or are
// not part of the tree.
var skipField = map[string]bool{"DeclarationList": true, "ImportEntries": true, "ExportEntries": true, "File": true}

// EachChild calls f for every AST node directly below n. sobek has no
// visitor, so this walks the node's exported fields by reflection. Fields
// that hold a name rather than a reference (DotExpression.Identifier) are
// struct values and are only visited when a caller asks for them; callers
// handle such nodes themselves.
func EachChild(n ast.Node, f func(ast.Node)) {
	if eachChildOf(n, f) {
		return
	}
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	walkStruct(v.Elem(), f)
}

// eachChildOf visits the children of the node types the walk meets most (in
// esbuild's output: statements, literals, arrays), as the reflection below
// would, in field order; it reports false for the others.
func eachChildOf(n ast.Node, f func(ast.Node)) bool {
	expr := func(e ast.Expression) {
		if e != nil {
			f(e)
		}
	}
	switch n := n.(type) {
	case *ast.ExpressionStatement:
		expr(n.Expression)
	case *ast.ReturnStatement:
		expr(n.Argument)
	case *ast.ThrowStatement:
		expr(n.Argument)
	case *ast.UnaryExpression:
		expr(n.Operand)
	case *ast.SpreadElement:
		expr(n.Expression)
	case *ast.ArrayLiteral:
		for _, e := range n.Value {
			expr(e)
		}
	case *ast.IfStatement:
		expr(n.Test)
		if n.Consequent != nil {
			f(n.Consequent)
		}
		if n.Alternate != nil {
			f(n.Alternate)
		}
	case *ast.BlockStatement:
		for _, st := range n.List {
			if st != nil {
				f(st)
			}
		}
	case *ast.LexicalDeclaration:
		bindings(n.List, f)
	case *ast.VariableStatement:
		bindings(n.List, f)
	case *ast.EmptyStatement, *ast.NumberLiteral, *ast.BooleanLiteral, *ast.NullLiteral, *ast.StringLiteral:
	default:
		return false
	}
	return true
}

func bindings(list []*ast.Binding, f func(ast.Node)) {
	for _, b := range list {
		if b != nil {
			f(b)
		}
	}
}

func walkStruct(v reflect.Value, f func(ast.Node)) {
	if v.Kind() != reflect.Struct {
		return
	}
	for _, i := range childFields(v.Type()) {
		visitValue(v.Field(i), f)
	}
}

// fieldsByType caches, per AST struct type, the indexes of the fields that
// can hold nodes: the walk runs on every node of every chunk, twice.
var fieldsByType sync.Map // reflect.Type -> []int

// childFields returns the indexes of t's exported fields that can hold a
// node (interfaces, pointers, slices, structs), skipping skipField.
func childFields(t reflect.Type) []int {
	if fs, ok := fieldsByType.Load(t); ok {
		return fs.([]int)
	}
	var fs []int
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() || skipField[sf.Name] {
			continue
		}
		switch sf.Type.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Slice, reflect.Struct:
			fs = append(fs, i)
		}
	}
	fieldsByType.Store(t, fs)
	return fs
}

// Identifier values are names, not references.
var (
	identifierType        = reflect.TypeFor[ast.Identifier]()
	privateIdentifierType = reflect.TypeFor[ast.PrivateIdentifier]()
)

func visitValue(fv reflect.Value, f func(ast.Node)) {
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
			visitValue(fv.Index(j), f)
		}
	case reflect.Struct:
		// A struct held by value: LexicalDeclaration inside a for
		// initializer.
		if t := fv.Type(); t == identifierType || t == privateIdentifierType {
			return
		}
		if fv.CanAddr() {
			if n, ok := fv.Addr().Interface().(ast.Node); ok {
				f(n)
			}
		}
	}
}

func BindingNames(list []*ast.Binding) []string {
	var out []string
	for _, b := range list {
		if id, ok := b.Target.(*ast.Identifier); ok {
			out = append(out, string(id.Name))
		}
	}
	return out
}

func TargetNames(t ast.Expression) []string {
	switch t := t.(type) {
	case *ast.Identifier:
		return []string{string(t.Name)}
	case *ast.ObjectPattern:
		var out []string
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				out = append(out, string(p.Name.Name))
			case *ast.PropertyKeyed:
				out = append(out, TargetNames(p.Value)...)
			}
		}
		if t.Rest != nil {
			out = append(out, TargetNames(t.Rest)...)
		}
		return out
	case *ast.ArrayPattern:
		var out []string
		for _, e := range t.Elements {
			out = append(out, TargetNames(e)...)
		}
		if t.Rest != nil {
			out = append(out, TargetNames(t.Rest)...)
		}
		return out
	case *ast.AssignExpression: // a default value in a pattern
		return TargetNames(t.Left)
	}
	return nil
}

// PropName is the static name of an object property key.
func PropName(p *ast.PropertyKeyed) (string, bool) {
	if p.Computed {
		if s, ok := p.Key.(*ast.StringLiteral); ok {
			return string(s.Value), true
		}
		return "", false
	}
	switch k := p.Key.(type) {
	case *ast.StringLiteral:
		return string(k.Value), true
	case *ast.Identifier:
		return string(k.Name), true
	case *ast.NumberLiteral:
		return k.Literal, true
	}
	return "", false
}
