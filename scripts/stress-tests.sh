#!/usr/bin/env bash
# Runs the same test files N rounds in a row beside a CPU hog, to flush out tests that pass only on
# an idle machine. Stops at the first failing round, keeps its output, and ends with
# "K of N rounds passed".
#
#   bash scripts/stress-tests.sh [-n ROUNDS] [--hog bench|busy|none] [test files...]
#
# ROUNDS defaults to 20. The hog is the durable bench in a loop (bench), one busy loop per core
# (busy), or nothing (none). Without files, the transport, reconnect, sandbox and durable engine
# suites run. Other vitest options can go in VITEST_ARGS, e.g. VITEST_ARGS="--project unit".
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

rounds=20
hog=bench
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) rounds="${2:?-n needs a number}"; shift 2 ;;
    --hog) hog="${2:?--hog needs bench, busy or none}"; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "-n must be a whole number of rounds, got '$rounds'" >&2
  exit 2
fi
case "$hog" in bench | busy | none) ;; *) echo "--hog must be bench, busy or none, got '$hog'" >&2; exit 2 ;; esac
if [ ${#files[@]} -eq 0 ]; then
  files=(
    electron/server/transports.test.ts
    electron/server/transport-socket.test.ts
    electron/server/reconnect.test.ts
    electron/server/http.test.ts
    electron/services/runners/process-sandbox.test.ts
    electron/services/runners/sandbox-pool.test.ts
    electron/services/durable/engine-*.test.ts
  )
fi
for file in "${files[@]}"; do
  [ -f "$file" ] || { echo "No such test file: $file" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/stress-tests.XXXXXX")"
hog_pids=()
test_pid=""
stop_hog() {
  # Each hog runs in a process group of its own, so ending the group takes the bench's sandboxes too.
  for pid in "${hog_pids[@]}"; do kill -- "-$pid" 2>/dev/null; done
  for pid in "${hog_pids[@]}"; do wait "$pid" 2>/dev/null; done
  hog_pids=()
  rm -rf "$work/hog-tmp"
}
trap 'stop_hog' EXIT
# The round in progress ends with the script.
trap '[ -n "$test_pid" ] && kill "$test_pid" 2>/dev/null; exit 130' INT TERM

mkdir -p "$work/hog-tmp"
case "$hog" in
  bench)
    # The bench's own temporary folders go under $work, removed with it even when a run is cut off.
    TMPDIR="$work/hog-tmp" setsid bash -c \
      'while :; do node --disable-warning=ExperimentalWarning bench/durable.ts >/dev/null 2>&1 || sleep 1; done' &
    hog_pids+=("$!")
    ;;
  busy)
    for _ in $(seq "$(nproc)"); do
      setsid bash -c 'while :; do :; done' &
      hog_pids+=("$!")
    done
    ;;
esac
echo "Stress: ${#files[@]} test files, $rounds rounds, hog: $hog (load average now $(cut -d' ' -f1 /proc/loadavg))"

passed=0
for round in $(seq "$rounds"); do
  started=$SECONDS
  log="$work/round-$round.log"
  # shellcheck disable=SC2086 # VITEST_ARGS is a list of options
  # In the background and waited for, so an interrupt is handled at once, not after the round.
  vitest run ${VITEST_ARGS:-} "${files[@]}" >"$log" 2>&1 &
  test_pid=$!
  if wait "$test_pid"; then
    passed=$((passed + 1))
    echo "round $round/$rounds passed in $((SECONDS - started)) s (load average $(cut -d' ' -f1 /proc/loadavg))"
    rm -f "$log"
  else
    echo "round $round/$rounds FAILED after $((SECONDS - started)) s; its output is kept in $log:"
    grep -E "FAIL|✗|×|AssertionError|Error:|Test Files|Tests " "$log" | head -40
    break
  fi
done
echo "$passed of $rounds rounds passed"
[ "$passed" -eq "$rounds" ] || exit 1
rm -rf "$work"
