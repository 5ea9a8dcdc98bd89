#!/usr/bin/env bash
# Compares dypailint's Go analysis with go vet and gosec on one module, in
# one run, with a warm build cache, and prints wall time, peak memory and
# the ratio of each against `go vet ./...` measured in the same run.
#
#   scripts/bench-go.sh /path/to/module [runs]
#
# Installs gosec with `go install` when it is missing. Nothing here runs in
# `go test`: timings belong in benchmarks, not in tests.
set -euo pipefail
mod=${1:?usage: scripts/bench-go.sh MODULE_DIR [runs]}
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT
bin=$tmpd/dypailint
(cd "$here" && go build -o "$bin" ./cmd/dypailint)
gosec=$(command -v gosec || echo "$(go env GOPATH)/bin/gosec")
if [ ! -x "$gosec" ]; then
  go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0
fi
cd "$mod"
echo "module: $(go list -m | head -1) ($(go list ./... | wc -l) packages), $runs runs each, median"
go build ./... >/dev/null 2>&1 || true   # warm the build cache

# go vet caches each package's result, keyed by the vet tool's ID and flags,
# so a second identical run costs almost nothing. Each vet run here misses
# that cache while the build cache (export data) stays warm — the footing
# the CLI, which caches nothing, is always on: go vet gets a never-seen
# -printf.funcs value; dypailint as a vet tool gets a copy of itself with
# random bytes appended (its ID is a hash of the executable).
fresh() {
  local c; c=$(mktemp "$tmpd/tool.XXXXXX")
  cp "$1" "$c"; head -c 16 /dev/urandom >>"$c"; chmod +x "$c"
  echo "$c"
}

measure() { # name, shell command (evaluated per run): prints "name median_s max_rss_kb"
  local name=$1 cmd=$2 times=() rss=0 out
  for _ in $(seq "$runs"); do
    eval "/usr/bin/time -o '$tmpd/time' -f '%e %M' $cmd" >/dev/null 2>&1 || true
    out=$(tail -1 "$tmpd/time")
    times+=("${out% *}")
    [ "${out#* }" -gt "$rss" ] && rss=${out#* }
  done
  echo "$name $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $rss"
}

results=$(
  measure go-vet            'go vet -printf.funcs=NoSuchFunc$RANDOM$RANDOM ./...'
  measure dypailint-cli     '"$bin" ./...'
  measure dypailint-vettool 'go vet -vettool="$(fresh "$bin")" ./...'
  measure gosec             '"$gosec" -quiet -fmt text ./...'
)
base=$(echo "$results" | awk '$1=="go-vet" {print $2}')
gs=$(echo "$results" | awk '$1=="gosec" {print $2}')
printf '%-20s %10s %10s %10s %10s\n' tool seconds peak_MiB "x go vet" "x gosec"
echo "$results" | while read -r name secs rss; do
  printf '%-20s %10s %10d %10.2f %10.2f\n' "$name" "$secs" $((rss / 1024)) \
    "$(awk -v a="$secs" -v b="$base" 'BEGIN {print a / b}')" "$(awk -v a="$secs" -v b="$gs" 'BEGIN {print a / b}')"
done
