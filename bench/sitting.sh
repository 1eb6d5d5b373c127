#!/usr/bin/env bash
# One sitting of the figures bench/README.md reports for the workflow path, recovery and scale (issue 17): builds the
# bench in Release once, then runs each workload several times in a row, printing per run the load average, the
# process CPU (user+sys) and the bench's own lines. Run it on a machine as quiet as you can get; the engine comparison
# (`compare`) needs the AZURITE_*_ENDPOINT variables for its third engine (start Azurite as .ci/run does).
#   bench/sitting.sh [rounds]        (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
dotnet build -c Release bench/Serverless.Bench -v q -nologo >/dev/null
dll=$PWD/bench/Serverless.Bench/bin/Release/net10.0/Serverless.Bench.dll
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
run() { # workload args...
  local load out
  load=$(cut -d' ' -f1 /proc/loadavg)
  out=$(cd "${TMPDIR:-/tmp}" && /usr/bin/time -f "cpu=%U+%S" -o "$timing" dotnet "$dll" "$@" 2>/dev/null | grep -E '^(workload=|audit=|solo |host|cpu_seconds=|step_ms|create |restart |raise |store )' | tr '\n' ' ')
  printf '%s\tload=%s\t%s\t%s\n' "$*" "$load" "$(tail -1 "$timing")" "$out"
}
for round in $(seq 1 "$rounds"); do
  run chain 1000
  run workflow100 10
  run workflow3 200
  run audit 20000
  run host-http 2000
done
run recovery 50
run recovery 50
run waiting 100000
if [[ -n "${AZURITE_TABLE_ENDPOINT:-}" ]]; then
  (cd "${TMPDIR:-/tmp}" && dotnet "$dll" compare "$rounds")
fi
