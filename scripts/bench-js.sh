#!/usr/bin/env bash
# Times the dypailint CLI against `gitleaks dir` on the same generated
# Next.js-style tree of TS/TSX files (2,500 by default), in one run, and
# prints wall time, peak memory and the ratio. Beside them it times
# scripts/esbuildfloor: every source passed once through esbuild's
# Transform with a source map, on two workers, and nothing else. Not part of
# `go test`.
#
#   scripts/bench-js.sh [files] [runs]
#
# Installs gitleaks with `go install` when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-2500}
runs=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/dypailint" ./cmd/dypailint
go build -tags devtool -o "$tmp/esbuildfloor" ./scripts/esbuildfloor
go run -tags devtool ./internal/jsscan/internal/gentree/cmd/gentree -n "$files" -o "$tmp/app"
gitleaks=$(command -v gitleaks || echo "$(go env GOPATH)/bin/gitleaks")
if [ ! -x "$gitleaks" ]; then
  GOFLAGS= go install github.com/zricethezav/gitleaks/v8@latest
fi

tmpd=$(mktemp -d)
measure() { # name, command...: prints "name median_seconds max_rss_kb"
  local name=$1; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tmpd/time" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tmpd/time")
    times+=("${out% *}")
    [ "${out#* }" -gt "$rss" ] && rss=${out#* }
  done
  echo "$name $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $rss"
}

n=$(find "$tmp/app" -name '*.ts' -o -name '*.tsx' | wc -l)
echo "tree: $n TS/TSX files, $runs runs each, median"
results=$(
  measure dypailint "$tmp/dypailint" "$tmp/app/..."
  measure gitleaks "$gitleaks" dir "$tmp/app" --no-banner --exit-code 0 --redact -l error
  measure esbuild-only "$tmp/esbuildfloor" "$tmp/app"
)
base=$(echo "$results" | awk '$1=="gitleaks" {print $2}')
printf '%-12s %10s %10s %12s\n' tool seconds peak_MiB "x gitleaks"
echo "$results" | while read -r name secs rss; do
  printf '%-12s %10s %10d %12.2f\n' "$name" "$secs" $((rss / 1024)) "$(awk -v a="$secs" -v b="$base" 'BEGIN {print a / b}')"
done
