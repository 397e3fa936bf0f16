#!/usr/bin/env bash
# Cold-start benchmark: runs each function's function.zip the way Lambda's Java runtime does (AWS's
# runtime interface client against a local Runtime API), against moto_server as DynamoDB, and times
# process start -> first response. claim-desk's three functions are compared with bench/hello-world.
#
#   bench/coldstart.sh                    build everything, 5 measured cold starts per function
#   BENCH_RUNS=10 bench/coldstart.sh      more repetitions
#   BENCH_SKIP_BUILD=1 bench/coldstart.sh reuse the zips already in target/
#
# Other knobs: BENCH_MEMORY_MB (AWS_LAMBDA_FUNCTION_MEMORY_SIZE, default 512), BENCH_JAVA_OPTS (added
# to the java command), BENCH_TIMEOUT_S (per cold start, default 60), BENCH_TAG (added to the report's
# and raw runs' names, e.g. BENCH_TAG=noprime BENCH_JAVA_OPTS=-Dclaimdesk.prime=false).
# Writes the report to stdout and bench/results/coldstart-<date>[-<tag>].md; raw runs stay in
# bench/target/coldstart[-<tag>]/<function>/run-NN/.
set -euo pipefail

runs=${BENCH_RUNS:-5}
((runs >= 1)) || { echo "BENCH_RUNS must be at least 1" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
tag=${BENCH_TAG:+-$BENCH_TAG}
out=$root/bench/target/coldstart$tag
# need, fetch_ric, build, start_moto, make_event, invoke, check_setup, order_id; the cleanup trap
source "$root/bench/lib/harness.sh"

# --- main --------------------------------------------------------------------------------------

need
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$out" && mkdir -p "$out" "$bench/results"
fetch_ric
build
[[ -f $hello_zip ]] || { echo "no $hello_zip" >&2; exit 1; }

labels=(hello-world)
if main_has_functions; then
  labels+=(evaluateClaim recordRefund flagLateArrival)
elif ((main_built)); then
  say "target/function.zip has no io/claimdesk/functions/ClaimFunctions.class (the functions are not there yet):"
  say "measuring hello-world only"
else
  say "measuring hello-world only"
fi

# Every cold start must do the same work, so each run gets its own order: run n of evaluateClaim opens
# order 1000000+n, of recordRefund records refund rf-0001 on order 2000000+n (opened beforehand), of
# flagLateArrival reports the arrival on order 3000000+n (opened and refunded beforehand).
# Run 0 is the profile run.
events=$out/events
mkdir -p "$events"
make_event "$bench/hello-world/events/hello.json" "$events/hello.json"
open=() refund=()
if ((${#labels[@]} > 1)); then
  for n in $(seq 0 "$runs"); do
    make_event "$root/events/evaluate-claim.json" "$events/evaluate-$n.json" "orderId=$(order_id $((1000000 + n)))"
    make_event "$root/events/evaluate-claim.json" "$events/open-r$n.json" "orderId=$(order_id $((2000000 + n)))"
    make_event "$root/events/evaluate-claim.json" "$events/open-a$n.json" "orderId=$(order_id $((3000000 + n)))"
    make_event "$root/events/record-refund.json" "$events/refund-$n.json" "orderId=$(order_id $((2000000 + n)))"
    make_event "$root/events/record-refund.json" "$events/refund-a$n.json" "orderId=$(order_id $((3000000 + n)))"
    make_event "$root/events/flag-late-arrival.json" "$events/arrival-$n.json" "orderId=$(order_id $((3000000 + n)))"
    open+=("$events/open-r$n.json" "$events/open-a$n.json")
    refund+=("$events/refund-a$n.json")
  done
fi

# A fresh engine with the tables and the prepared cases. Called again if the engine has gone away
# (on a shared machine another process may end it): the data lives only in its memory.
prepare_engine() {
  start_moto
  "$py" "$bench/lib/tables.py" "$endpoint" hello hello-world
  ((${#open[@]} > 0)) || return 0
  # claim-desk's table comes from the function itself (io.claimdesk.cases.CaseTable, created by
  # TableBootstrap when missing), switched on for this unmeasured preparation run only.
  say "preparing cases (unmeasured; creates claim-desk's table, warms the file cache for its zip)"
  create_table=true
  invoke evaluateClaim evaluateClaim "$main_zip" "$out/setup-open" 0 "${open[@]}"
  create_table=false
  check_setup "$out/setup-open"
  invoke recordRefund recordRefund "$main_zip" "$out/setup-refund" 0 "${refund[@]}"
  check_setup "$out/setup-refund"
}

prepare_engine

event_for() { # LABEL N -> event file of run N
  case $1 in
    hello-world) echo "$events/hello.json" ;;
    evaluateClaim) echo "$events/evaluate-$2.json" ;;
    recordRefund) echo "$events/refund-$2.json" ;;
    flagLateArrival) echo "$events/arrival-$2.json" ;;
  esac
}

# Round 0 profiles (and warms the file cache); rounds 1..runs are measured. Functions take turns
# within each round so a slow spell on the machine does not land on one function only.
for n in $(seq 0 "$runs"); do
  for label in "${labels[@]}"; do
    zip=$main_zip fn_export=$label profile=0
    [[ $label == hello-world ]] && zip=$hello_zip fn_export=hello
    ((n == 0)) && profile=1
    if ! kill -0 "$moto_pid" 2>/dev/null; then
      say "warning: moto_server is gone (ended from outside); starting a fresh one"
      prepare_engine
    fi
    say "$label run $n/$runs$([[ $profile == 1 ]] && echo ' (profile, not counted)')"
    invoke "$label" "$fn_export" "$zip" "$out/$label/$(printf 'run-%02d' "$n")" "$profile" \
      "$(event_for "$label" "$n")"
  done
done

report=$bench/results/coldstart-$(date +%Y-%m-%d)$tag.md
{
  echo "## Cold start, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(java -version 2>&1 | awk 'NR == 1')."
  echo "$runs measured cold starts per function (median, min, max), AWS_LAMBDA_FUNCTION_MEMORY_SIZE=$memory,"
  echo "\`java ${base_java_opts[*]}\`, RIC 2.10.1, DynamoDB = moto_server on loopback."
  echo "Load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg). Other work on the"
  echo "machine inflates wall times (median, min, max) most; CPU ms is less sensitive to it. Compare ratios."
  echo
  "$py" "$bench/lib/summarize.py" "$out" hello-world "${labels[@]}"
  echo
  BENCH_SKIP_BUILD=1 "$bench/package-size.sh"
} | tee "$report"
say "report written to ${report#"$root"/}"

# A baseline that never answered means the harness itself is broken: fail loudly.
grep -q '"event": "response"' "$out"/hello-world/run-01/timings.jsonl
