#!/usr/bin/env bash
# Times the test suite (`go test -count=1 ./...`, the README's command)
# against the suite at another revision, in turn, in one run: medians and
# ratios from farm-bench when it is installed, else the median of RUNS
# timings of each. Both build caches are warmed first, so what is compared
# is the tests, not the compiler. Not part of `go test`.
#
#   scripts/bench-tests.sh REV        (RUNS=3 by default)
#
# REV is checked out in a temporary worktree; this checkout is the other
# side, as it is on disk.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/bench-tests.sh REV" >&2; exit 2; }
runs=${RUNS:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
base=$(mktemp -d)
times=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$base" >/dev/null 2>&1 || rm -rf "$base"; rm -rf "$times"' EXIT
git -C "$repo" worktree add -q --detach "$base" "$1"
for dir in "$base" "$repo"; do
  (cd "$dir" && go test -count=1 -run '^$' ./... >/dev/null)
done
suite() { echo "cd '$1' && go test -count=1 ./... >/dev/null 2>&1"; }
if command -v farm-bench >/dev/null 2>&1; then
  farm-bench -n "$runs" --timeout 3600 --vs "bash -c \"$(suite "$base")\"" -- bash -c "$(suite "$repo")"
  exit
fi
for i in $(seq "$runs"); do
  for side in base repo; do
    dir=$base; [ $side = repo ] && dir=$repo
    /usr/bin/time -a -o "$times/$side" -f '%e %U %S' bash -c "$(suite "$dir")" || { echo "the suite failed at $side" >&2; exit 1; }
  done
done
for side in base repo; do
  sort -n "$times/$side" | awk -v s=$side '{w[NR]=$1; c[NR]=$2+$3} END {m=int((NR+1)/2); printf "%s: median wall %.1f s (cpu %.1f s in that run)\n", s, w[m], c[m]}'
done
