#!/usr/bin/env bash
# Times dypailint's bundle scanner against `gitleaks dir` on the same
# generated one-line minified bundle (10 MiB by default), in one run.
# Not part of `go test`; needs Go, and installs gitleaks with `go install`
# if it is not on PATH or in $(go env GOPATH)/bin.
#
#   scripts/bench-bundles.sh [size-MiB] [runs]
#
# Both tools are timed the same way: wall time of whole processes, median
# of the runs. The bundle holds one literal X-API-KEY header, the value of
# DYPAI_API_KEY (also kept in .env.local), and thousands of decoys (the
# SDK's header-name constant, header values that are variables, base64
# images, hashes, Supabase anon JWTs).
set -euo pipefail
cd "$(dirname "$0")/.."

size=${1:-10}
runs=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -tags devtool -o "$tmp/benchbundles" ./scripts/benchbundles
"$tmp/benchbundles" gen -size "$size" "$tmp/app"

gitleaks=$(command -v gitleaks || true)
if [ -z "$gitleaks" ]; then
  gitleaks="$(go env GOPATH)/bin/gitleaks"
  if [ ! -x "$gitleaks" ]; then
    echo "installing gitleaks (go install github.com/zricethezav/gitleaks/v8@latest)"
    GOFLAGS= go install github.com/zricethezav/gitleaks/v8@latest
  fi
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ours=()
for _ in $(seq "$runs"); do
  start=$(now_ms)
  "$tmp/benchbundles" scan -runs 1 "$tmp/app" >"$tmp/ours.txt"
  ours+=($(( $(now_ms) - start )))
done
theirs=()
for _ in $(seq "$runs"); do
  start=$(now_ms)
  "$gitleaks" dir "$tmp/app" --no-banner --exit-code 0 --redact -l error -f json -r "$tmp/gitleaks.json"
  theirs+=($(( $(now_ms) - start )))
done

o=$(median "${ours[@]}")
t=$(median "${theirs[@]}")
echo "bundle: $(wc -c <"$tmp/app/dist/assets/index-3f2a.js") bytes on one line; $runs runs each"
echo "dypailint bundlescan: median ${o} ms (runs: ${ours[*]}); $(head -1 "$tmp/ours.txt" | sed 's/;.*//; s/^dypailint bundlescan: //')"
echo "gitleaks dir:         median ${t} ms (runs: ${theirs[*]}); $(grep -c '"RuleID"' "$tmp/gitleaks.json" || true) findings"
awk -v o="$o" -v t="$t" 'BEGIN { if (o > 0) printf "gitleaks / dypailint: %.1fx\n", t / o }'
