package gcpace

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	p := Pace{Headroom: 64 << 20, Min: 50, Max: 200}
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 200},
		{4 << 20, 200},  // a small scan: rarely
		{32 << 20, 200}, // 64 MiB of headroom is 200%
		{64 << 20, 100}, // … 100%
		{100 << 20, 64}, // … 64%
		{128 << 20, 50}, // half the live heap from here on
		{1 << 30, 50},   // never below Min
	} {
		if got := p.Percent(c.live); got != c.want {
			t.Errorf("Percent(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// gcPercent reads GOGC (SetGCPercent is the only reader).
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestStartFollowsLiveHeap keeps 256 MiB live under a pace: after a cycle
// GOGC is the pace's Min; with the heap freed, its Max; after stop, what it
// was.
func TestStartFollowsLiveHeap(t *testing.T) {
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	stop := Start(Pace{Headroom: 64 << 20, Min: 50, Max: 200})
	if got := gcPercent(); got != 200 {
		t.Errorf("GOGC at start = %d, want the pace's Max, 200", got)
	}
	live := make([][]byte, 256)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	waitFor(t, 50)
	runtime.KeepAlive(live)
	live = nil
	waitFor(t, 200)
	stop()
	if got := gcPercent(); got != 150 {
		t.Errorf("GOGC after stop = %d, want 150, as it was", got)
	}
}

// waitFor collects until the pace's finalizer has set GOGC to want.
func waitFor(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != want {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC = %d after 10 s of collections, want %d", gcPercent(), want)
		}
		runtime.GC()
		time.Sleep(time.Millisecond) // the finalizer runs on its own goroutine
	}
}
