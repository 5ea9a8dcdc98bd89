#!/usr/bin/env bash
# Times re-runs of the dypailint CLI against its first run, on a copy of a
# real tree (a checkout you fetched yourself; never commit it): the median
# of RUNS runs each of
#   cold  -no-cache (what the first run costs),
#   same  a run on the unchanged tree, the cache filled,
#   edit  a run after appending a comment to FILE (relative to TREE),
# with the ratios same/cold and edit/cold, and a check that every run
# printed what the cold run printed. Not part of `go test`.
#
#   scripts/bench-rerun.sh TREE FILE        (RUNS=5 by default)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: scripts/bench-rerun.sh TREE FILE" >&2; exit 2; }
runs=${RUNS:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$repo" && go build -o "$tmp/dypailint" ./cmd/dypailint)
cp -a "$1" "$tmp/tree"
export DYPAILINT_CACHE=$tmp/cache
cd "$tmp/tree"

# run NAME [FLAGS]: one timed run, its wall seconds appended to $tmp/NAME.
run() {
  local name=$1; shift
  /usr/bin/time -o "$tmp/time" -f '%e' "$tmp/dypailint" -json "$@" ./... > "$tmp/out" 2>/dev/null || true
  tail -1 "$tmp/time" >> "$tmp/$name"
  if [ -f "$tmp/want" ] && ! cmp -s "$tmp/out" "$tmp/want"; then
    echo "$name: the output differs from the cold run's" >&2
    exit 1
  fi
}
median() { sort -n "$tmp/$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "// bench-rerun: first edit" >> "$2"
for i in $(seq "$runs"); do run cold -no-cache; done
cp "$tmp/out" "$tmp/want"
run fill
for i in $(seq "$runs"); do run same; done
for i in $(seq "$runs"); do
  echo "// bench-rerun: edit $i" >> "$2"
  # a comment changes no finding, but the cold output must still match:
  run edit
done
cold=$(median cold) same=$(median same) edit=$(median edit)
echo "cold ${cold}s  unchanged ${same}s  one file edited ${edit}s"
awk -v c="$cold" -v s="$same" -v e="$edit" 'BEGIN {printf "unchanged/cold %.3f  edited/cold %.3f\n", s/c, e/c}'
