// Package gcpace sets the garbage collector's pace from the live heap,
// after every cycle.
//
// One GOGC does not suit both ends of what the JS/TS scanner is given. A
// project of a few hundred files keeps a few MiB live; there the collector's
// fixed cost per cycle dominates, and collecting rarely is cheapest
// (chatbot-ui: a fifth less CPU at GOGC 200 than at 100). A monorepo keeps a
// hundred MiB and more live, mostly garbage between files, and there GOGC
// decides the peak memory (documenso: 330 MiB at 200, 230 at 50). A Pace
// collects after max(Headroom, live × Min%) of allocation, at most live ×
// Max%: the runtime has no such setting, so Start recomputes GOGC each time
// a cycle ends.
package gcpace

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Pace bounds the heap's growth between collections.
type Pace struct {
	Headroom uint64 // bytes of allocation between collections, at least
	Min, Max int    // GOGC bounds
}

// Percent is the GOGC that gives live bytes of live heap the pace's growth.
func (p Pace) Percent(live uint64) int {
	if live == 0 {
		return p.Max
	}
	return int(min(max(p.Headroom*100/live, uint64(p.Min)), uint64(p.Max)))
}

// sentinel is allocated for its finalizer, which runs once a cycle has
// found it unreachable. It holds a pointer, so that the tiny allocator does
// not share its block (its finalizer would then wait for the neighbours).
type sentinel struct{ _ *byte }

// Start paces the collector until the returned function is called; that
// puts back the GOGC it found.
func Start(p Pace) (stop func()) {
	var mu sync.Mutex
	stopped := false
	old := debug.SetGCPercent(p.Max)
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			mu.Lock()
			defer mu.Unlock()
			if stopped {
				return
			}
			debug.SetGCPercent(p.Percent(liveHeap()))
			arm()
		})
	}
	arm()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		debug.SetGCPercent(old)
	}
}

// liveHeap is the heap the last cycle marked live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
