// Package ssaflow is a small forward data-flow (taint) engine over the SSA
// form of one package, in the manner of gosec's taint engine: a rule gives
// its sources as seeds and decides, in a Config, what each call does with a
// tracked value — pass it through, ignore it (a sanitizer), write it into a
// buffer or into the pointers it is given, or use it (a sink) — and is told
// which fields of a tracked struct hold the data. The engine follows values through
// assignments, struct, slice and map literals, string concatenation and
// conversions, closures, and the calls and returns of the package's own
// functions (context-sensitively, to a bounded depth).
//
// The files, by concern:
//
//   - ssaflow.go: the API (Config, Seed, Site, Decision, Hit), the Engine and Run
//   - mark.go: marks, which parts of a struct or memory hold the data
//   - values.go: how a tracked value moves through the instructions that use it
//   - memory.go: tracked memory: address roots, pointer parameters, Pointees
//   - fields.go: struct fields read anywhere in the package (FieldSeeds)
//   - calls.go: calls and returns, context-sensitively, and the hits at sinks
//   - sinks.go: ResponseWrite, the shared decision for writes to the response
package ssaflow
