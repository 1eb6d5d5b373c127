#!/usr/bin/env bash
# Runs the engine workloads on two Release builds of the bench, interleaved (order alternating per round), and
# prints one line per run: label, workload, n, load average, CPU seconds (user+sys), the bench's summary line.
#   bench/compare-builds.sh <before/Serverless.Bench.dll> <after/Serverless.Bench.dll> [rounds]
# Build each side first: dotnet build -c Release bench/Serverless.Bench (in a worktree of each commit).
set -euo pipefail
before=$1 after=$2 rounds=${3:-3}
workloads=("fanout 10000" "chain 1000" "hello 5000" "replay 1000" "replay 5000" "timers 10000" "events 10000")
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
run() { # label dll workload n
  local load summary
  load=$(cut -d' ' -f1 /proc/loadavg)
  summary=$(cd "${TMPDIR:-/tmp}" && /usr/bin/time -f "cpu=%U+%S" -o "$timing" dotnet "$2" "$3" "$4" 2>/dev/null | tail -1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$3" "$4" "$load" "$(tail -1 "$timing")" "$summary"
}
for round in $(seq 1 "$rounds"); do
  for w in "${workloads[@]}"; do
    # shellcheck disable=SC2086
    if (( round % 2 )); then run before "$before" $w; run after "$after" $w; else run after "$after" $w; run before "$before" $w; fi
  done
done
