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
bin=$(mktemp -d)/dypailint
(cd "$here" && go build -o "$bin" ./cmd/dypailint)
if ! command -v gosec >/dev/null; then
  go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0
fi
gosec=$(command -v gosec || echo "$(go env GOPATH)/bin/gosec")
cd "$mod"
echo "module: $(go list -m) ($(go list ./... | wc -l) packages), $runs runs each, median"
go build ./... && go vet ./... >/dev/null 2>&1 || true   # warm the build cache

measure() { # name, command...: prints "median_seconds max_rss_kb"
  local name=$1; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    out=$( { /usr/bin/time -f '%e %M' "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1 )
    times+=("${out% *}")
    [ "${out#* }" -gt "$rss" ] && rss=${out#* }
  done
  med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name $med $rss"
}

results=$(
  measure "go-vet" go vet ./...
  measure "dypailint-cli" "$bin" ./...
  measure "dypailint-vettool" go vet -vettool="$bin" ./...
  measure "gosec" "$gosec" -quiet -fmt text ./...
)
base=$(echo "$results" | awk '$1=="go-vet" {print $2}')
gosec_t=$(echo "$results" | awk '$1=="gosec" {print $2}')
printf '%-20s %10s %12s %12s %12s\n' tool seconds peak_MiB "x go vet" "x gosec"
echo "$results" | while read -r name secs rss; do
  printf '%-20s %10s %12d %12.2f %12.2f\n' "$name" "$secs" $((rss / 1024)) \
    "$(awk -v a="$secs" -v b="$base" 'BEGIN {print a / b}')" "$(awk -v a="$secs" -v b="$gosec_t" 'BEGIN {print a / b}')"
done
