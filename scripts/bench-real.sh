#!/usr/bin/env bash
# Times the dypailint CLI on real trees (checkouts you fetched yourself;
# never commit them) against `gitleaks dir` over the same tree and against
# scripts/esbuildfloor (every JS/TS source passed once through esbuild's
# Transform with a source map, two workers, nothing else). For each tree and
# tool: the median of RUNS cold runs (dypailint with -no-cache) of wall
# seconds, CPU seconds (user + system) and peak RSS, then the ratios
# wall / gitleaks and CPU / floor. It also checks that dypailint printed the
# same findings in every run. Not part of `go test`.
#
#   scripts/bench-real.sh TREE...        (RUNS=5 by default)
#
# Installs gitleaks with `go install` when it is missing.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: scripts/bench-real.sh TREE..." >&2; exit 2; }
runs=${RUNS:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$repo" && go build -o "$tmp/dypailint" ./cmd/dypailint && go build -tags devtool -o "$tmp/esbuildfloor" ./scripts/esbuildfloor)
gitleaks=$(command -v gitleaks || echo "$(go env GOPATH)/bin/gitleaks")
if [ ! -x "$gitleaks" ]; then
  GOFLAGS= go install github.com/zricethezav/gitleaks/v8@latest
fi
nocache=
if "$tmp/dypailint" -h 2>&1 | grep -q -- '-no-cache'; then
  nocache=-no-cache
fi

# measure NAME CMD...: runs CMD $runs times; prints
# "NAME wall cpu peak_kb" (medians; peak is the largest), and keeps each
# run's standard output in $tmp/NAME.N.
measure() {
  local name=$1; shift
  : > "$tmp/$name.times"
  for i in $(seq "$runs"); do
    /usr/bin/time -o "$tmp/time" -f '%e %U %S %M' "$@" > "$tmp/$name.$i" 2>/dev/null || true
    tail -1 "$tmp/time" >> "$tmp/$name.times"
  done
  local wall cpu peak
  wall=$(awk '{print $1}' "$tmp/$name.times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  cpu=$(awk '{print $2 + $3}' "$tmp/$name.times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  peak=$(awk '{print $4}' "$tmp/$name.times" | sort -n | tail -1)
  echo "$name $wall $cpu $peak"
}

for tree in "$@"; do
  tree=$(cd "$tree" && pwd)
  n=$(find "$tree" \( -name node_modules -o -name .git \) -prune -o -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.js' -o -name '*.jsx' -o -name '*.mjs' -o -name '*.cjs' \) -print | wc -l)
  echo "== $tree: $n JS/TS files, $runs cold runs each, medians"
  results=$(
    cd "$tree"
    measure dypailint "$tmp/dypailint" $nocache -format json ./...
    measure gitleaks "$gitleaks" dir "$tree" --no-banner --exit-code 0 --redact -l error
    measure floor "$tmp/esbuildfloor" "$tree"
  )
  same=yes
  for i in $(seq 2 "$runs"); do
    cmp -s "$tmp/dypailint.1" "$tmp/dypailint.$i" || same=no
  done
  findings=$(grep -c '"rule":' "$tmp/dypailint.1" || true)
  echo "dypailint: $findings findings, the same in every run: $same"
  echo "floor: $(cat "$tmp/floor.1")"
  gl=$(echo "$results" | awk '$1=="gitleaks" {print $2}')
  fl=$(echo "$results" | awk '$1=="floor" {print $3}')
  printf '%-10s %8s %8s %9s %15s %11s\n' tool wall_s cpu_s peak_MiB "wall/gitleaks" "cpu/floor"
  echo "$results" | while read -r name wall cpu rss; do
    printf '%-10s %8s %8s %9d %15.2f %11.2f\n' "$name" "$wall" "$cpu" $((rss / 1024)) \
      "$(awk -v a="$wall" -v b="$gl" 'BEGIN {print a / b}')" "$(awk -v a="$cpu" -v b="$fl" 'BEGIN {print a / b}')"
  done
done
