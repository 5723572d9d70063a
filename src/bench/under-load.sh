#!/usr/bin/env bash
# The course on a busy machine: `lesson run all` RUNS times (3) while one busy loop per core (`yes`)
# keeps every core occupied, as a laptop running a VM and a desktop does. A check about state the
# kernel changes asynchronously (a link coming up, a namespace gone) must settle within its bound
# rather than fail on a busy machine. Prints each run's result and the pass rate; exit 0 when every
# run passed.
# Usage (as root, from anywhere): src/bench/under-load.sh [RUNS]
# On a machine shared with others' namespace tests, hold the host lock:
#   flock /tmp/diyc-host-tests.lock src/bench/under-load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
./diyc --version >/dev/null   # build (if needed) before the load starts

loops=()
stop_loops() { [ ${#loops[@]} -eq 0 ] || kill "${loops[@]}" 2>/dev/null || true; }
trap stop_loops EXIT
for _ in $(seq "$(nproc)"); do
  yes >/dev/null &
  loops+=($!)
done
echo "busy loops: ${loops[*]} on $(nproc) cores"

passed=0
log="$(mktemp -d)"
for i in $(seq "$runs"); do
  s=$(date +%s%N)
  if printf 'lesson run all\n' | ./diyc --script - >"$log/run-$i.txt" 2>&1; then
    result=passed; passed=$((passed + 1))
  else
    result="FAILED (output: $log/run-$i.txt)"
  fi
  e=$(date +%s%N)
  echo "run $i: $result in $(( (e - s) / 1000000 )) ms"
  # Which checks failed, in the learner's words.
  grep '✗' "$log/run-$i.txt" | head -5 || true
done
echo "under load: $passed of $runs runs passed"
[ "$passed" -eq "$runs" ]
