#!/usr/bin/env bash
# Warm path: for each function one process (its first, cold invocation is not counted), then
# BENCH_WARM_N (default 1000) sequential invocations that each do the same real work. Latency per
# invocation comes from the local Runtime API's clock: event handed out by /next -> /response
# received. The share spent inside DynamoDB is the sum of the functions' logged "us in DynamoDB"
# over the sum of those latencies. hello-world (one GetItem) is run the same way for comparison.
#
#   bench/warm.sh                     builds the zips that are missing, 1000 warm invocations each
#   BENCH_WARM_N=200 bench/warm.sh    fewer
#   BENCH_SKIP_BUILD=0 bench/warm.sh  rebuild both zips first
#
# Both tables are created with boto3 by lib/tables.py (claim-desk's from infra/template.yaml).
# Same JVM options as coldstart.sh (-XX:+TieredCompilation -XX:TieredStopAtLevel=1, plus
# BENCH_JAVA_OPTS). Writes the report to stdout and bench/results/warm-<date>.md; raw runs stay in
# bench/target/warm/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/target/warm
source "$root/bench/lib/harness.sh"
n=${BENCH_WARM_N:-1000}
((n >= 10)) || { echo "BENCH_WARM_N must be at least 10" >&2; exit 2; }
timeout_s=$((timeout_s > 900 ? timeout_s : 900)) # a whole run of N invocations, not one cold start

need
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$out" && mkdir -p "$out/events" "$bench/results"
fetch_ric
if [[ ${BENCH_SKIP_BUILD:-} == 0 ]]; then
  build
else
  [[ -f $hello_zip ]] || maven -f bench/hello-world/pom.xml package
  [[ -f $main_zip ]] || maven -DskipTests package
  check_zips
fi

# Events: index 0 is the cold invocation (not counted), 1..n the warm ones. Every invocation has its own
# order, so each does the same work as the one before it:
#   evaluateClaim   opens a new case (order 7000000+i): GetItem (none) + conditional PutItem
#   recordRefund    the first partial refund (rf-0001, 20.00 EUR) of an open case (order 5000000+i)
#   flagLateArrival the arrival, after a refund, on its own case (order 6000000+i)
#   hello-world     the same GetItem each time
ev=$out/events
say "writing $((4 * (n + 1))) events"
"$py" - "$root" "$ev" "$n" <<'EOF'
import json, sys
root, ev, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def load(name):
    return json.load(open(f"{root}/events/{name}"))
evaluate, refund, arrival = load("evaluate-claim.json"), load("record-refund.json"), load("flag-late-arrival.json")
lists = {name: open(f"{ev}/{name}.list", "w") for name in ("open", "refund-setup", "evaluateClaim", "recordRefund", "flagLateArrival", "hello-world")}
def write(kind, i, event, *lists_):
    path = f"{ev}/{kind}-{i}.json"
    json.dump(event, open(path, "w"))
    for name in lists_:
        lists[name].write(path + "\n")
order = lambda base, i: f"171-{base + i:07d}-7654321"
for i in range(n + 1):
    write("evaluate", i, {**evaluate, "orderId": order(7000000, i)}, "evaluateClaim")
    write("open-r", i, {**evaluate, "orderId": order(5000000, i)}, "open")
    write("open-a", i, {**evaluate, "orderId": order(6000000, i)}, "open")
    write("refund", i, {**refund, "orderId": order(5000000, i)}, "recordRefund")
    write("refund-a", i, {**refund, "orderId": order(6000000, i)}, "refund-setup")
    write("arrival", i, {**arrival, "orderId": order(6000000, i)}, "flagLateArrival")
hello = f"{ev}/hello.json"
json.dump(json.load(open(f"{root}/bench/hello-world/events/hello.json")), open(hello, "w"))
lists["hello-world"].write((hello + "\n") * (n + 1))
EOF

start_moto
create_tables
say "preparing $((2 * (n + 1))) cases and $((n + 1)) refunds (unmeasured)"
invoke evaluateClaim evaluateClaim "$main_zip" "$out/setup-open" 0 "@$ev/open.list"
check_setup "$out/setup-open"
invoke recordRefund recordRefund "$main_zip" "$out/setup-refund" 0 "@$ev/refund-setup.list"
check_setup "$out/setup-refund"

labels=(hello-world evaluateClaim recordRefund flagLateArrival)
for label in "${labels[@]}"; do
  zip=$main_zip fn_export=$label
  [[ $label == hello-world ]] && zip=$hello_zip fn_export=hello
  say "$label: 1 cold + $n warm invocations (load $(cut -d' ' -f1 /proc/loadavg))"
  cut -d' ' -f1-3 /proc/loadavg >"$out/load-$label-before"
  invoke "$label" "$fn_export" "$zip" "$out/$label" 0 "@$ev/$label.list"
  cut -d' ' -f1-3 /proc/loadavg >"$out/load-$label-after"
done

report=$bench/results/warm-$(date +%Y-%m-%d).md
{
  echo "## Warm path, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "\`bench/warm.sh\` (BENCH_WARM_N=$n), function.zip of $(git -C "$root" rev-parse --short HEAD); $(nproc) cores,"
  echo "$(java -version 2>&1 | awk 'NR == 1'), \`java ${base_java_opts[*]}\`, RIC 2.10.1, DynamoDB = moto_server on loopback."
  echo "Load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  "$py" "$bench/lib/warm.py" "$out" "${labels[@]}"
} | tee "$report"
say "report written to ${report#"$root"/}"
