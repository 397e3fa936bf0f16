#!/usr/bin/env bash
# Cold start of claim-desk's evaluateClaim against bench/hello-world: each function.zip is unzipped and
# started the way Lambda's Java runtime does (AWS's runtime interface client against a local Runtime
# API), with one moto_server as DynamoDB. Cold starts come in pairs (one of each function), the first
# of a pair alternating, and every cold start is a fresh JVM. Per cold start: wall time from process
# start to the first answer posted to the Runtime API, CPU time, and the classes loaded up to that answer.
#
#   bench/coldstart.sh                      builds both zips, then 10 pairs
#   BENCH_PAIRS=20 bench/coldstart.sh       more pairs
#   BENCH_SKIP_BUILD=1 bench/coldstart.sh   reuse target/function.zip and bench/hello-world/target/function.zip
#   BENCH_TAG=noprime BENCH_JAVA_OPTS=-Dclaimdesk.prime=false bench/coldstart.sh
#   BENCH_EVENT=http BENCH_TAG=http bench/coldstart.sh   evaluateClaim given an API Gateway HTTP API request
#   BENCH_BASELINE_ZIP=/path/function.zip BENCH_TAG=before-after bench/coldstart.sh
#                                           evaluateClaim of another build of claim-desk as the baseline instead of
#                                           hello-world (e.g. main's), interleaved the same way
#
# Other knobs: BENCH_JAVA_OPTS (appended to the java options), BENCH_TAG (added to the report's and the
# raw runs' names), BENCH_MEMORY_MB (AWS_LAMBDA_FUNCTION_MEMORY_SIZE, default 512), BENCH_TIMEOUT_S (per
# cold start, default 60). Writes the report to stdout and bench/results/coldstart-<date>[-<tag>].md
# (a second run the same day overwrites it); raw runs stay in bench/target/coldstart[-<tag>]/.
set -euo pipefail

pairs=${BENCH_PAIRS:-10}
[[ $pairs =~ ^[0-9]+$ ]] && ((pairs >= 1)) || { echo "BENCH_PAIRS must be a number >= 1" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
tag=${BENCH_TAG:+-$BENCH_TAG}
out=$root/bench/target/coldstart$tag
# need, fetch_ric, build, start_moto, create_tables, make_event, invoke, check_setup, order_id; cleanup trap
source "$root/bench/lib/harness.sh"

claim=evaluateClaim hello=hello-world
if [[ -n ${BENCH_BASELINE_ZIP:-} ]]; then
  [[ -f $BENCH_BASELINE_ZIP ]] || { echo "BENCH_BASELINE_ZIP: no such file: $BENCH_BASELINE_ZIP" >&2; exit 2; }
  hello=${BENCH_BASELINE_LABEL:-evaluateClaim-baseline}
fi

need
started=$(date -u '+%Y-%m-%d %H:%M %Z')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$out" && mkdir -p "$out/events" "$bench/results"
fetch_ric
build

# Events: hello-world's sample as it is; evaluateClaim's README sample (events/evaluate-claim.json)
# with an order id of its own per cold start, so each one opens a new case (GetItem, PutItem).
# Order 1000000 is the warm-up's, 1000000+p pair p's.
make_event "$bench/hello-world/events/hello.json" "$out/events/hello.json"
# The baseline build of claim-desk, if any, opens cases of its own (orders 2000000 + p).
for p in $(seq 0 "$pairs"); do
  make_event "$root/events/evaluate-claim.json" "$out/events/baseline-$p.json" "orderId=$(order_id $((2000000 + p)))"
done
# With BENCH_EVENT=http, evaluateClaim gets the same input as the body of an HTTP API request to its route.
for p in $(seq 0 "$pairs"); do
  make_event "$root/events/evaluate-claim.json" "$out/events/evaluate-$p.json" "orderId=$(order_id $((1000000 + p)))"
  if [[ ${BENCH_EVENT:-direct} == http ]]; then
    make_http_event "$out/events/evaluate-$p.json" "$out/events/evaluate-$p.json" "POST /claims/evaluate" /claims/evaluate
  fi
done

run() { # LABEL N DIR CLASSLOG: one cold start of LABEL with the event of pair N (CLASSLOG=1: -Xlog:class+load)
  local label=$1 n=$2 dir=$3 classlog=$4
  if ! kill -0 "$moto_pid" 2>/dev/null; then
    say "warning: moto_server is gone (ended from outside); starting a fresh one with both tables"
    start_moto
    create_tables
  fi
  if [[ $label == "$claim" ]]; then
    invoke "$claim" "$claim" "$main_zip" "$dir" "$classlog" "$out/events/evaluate-$n.json"
  elif [[ -n ${BENCH_BASELINE_ZIP:-} ]]; then
    invoke "$hello" "$claim" "$BENCH_BASELINE_ZIP" "$dir" "$classlog" "$out/events/baseline-$n.json"
  else
    invoke "$hello" hello "$hello_zip" "$dir" "$classlog" "$out/events/hello.json"
  fi
}

# Unmeasured: one engine and both tables, then one cold start of each function (warms the file cache
# and the engine's own first-request paths; moto loads its DynamoDB code lazily).
say "starting moto_server, creating both tables (claim-desk's from infra/template.yaml)"
start_moto
create_tables
say "warm-up: one cold start of each function (not counted)"
run "$claim" 0 "$out/$claim/warmup" 0
check_setup "$out/$claim/warmup"
run "$hello" 0 "$out/$hello/warmup" 0
check_setup "$out/$hello/warmup"

# Measured: pair p runs evaluateClaim first when p is odd, hello-world first when p is even, so a busy
# spell on the machine, or whatever one cold start leaves behind for the next, falls on both.
: >"$out/order"
for p in $(seq 1 "$pairs"); do
  first=$claim second=$hello
  ((p % 2 == 0)) && first=$hello second=$claim
  for label in "$first" "$second"; do
    say "pair $p/$pairs: $label"
    echo "$p $label" >>"$out/order"
    run "$label" "$p" "$out/$label/$(printf 'run-%02d' "$p")" 1
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$root" status --porcelain -- src pom.xml bench/hello-world 2>/dev/null) ]]; then
  commit="$commit (with uncommitted changes in src, pom.xml or bench/hello-world)"
fi
report=$bench/results/coldstart-$(date -u +%Y-%m-%d)$tag.md
{
  echo "## Cold start, $started"
  echo
  echo "- Command: \`BENCH_PAIRS=$pairs${BENCH_JAVA_OPTS:+ BENCH_JAVA_OPTS='$BENCH_JAVA_OPTS'}${BENCH_EVENT:+ BENCH_EVENT=$BENCH_EVENT}${BENCH_BASELINE_ZIP:+ BENCH_BASELINE_ZIP=$BENCH_BASELINE_ZIP}${BENCH_BASELINE_LABEL:+ BENCH_BASELINE_LABEL=$BENCH_BASELINE_LABEL}${BENCH_TAG:+ BENCH_TAG=$BENCH_TAG} bench/coldstart.sh\`;" \
    "claim-desk at $commit; ended $(date -u '+%H:%M %Z')."
  echo "- Machine: $(nproc) cores (nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
    "$(java -version 2>&1 | awk 'NR == 1')."
  echo "- Load average (1/5/15 min) before: $load_before; after: $load_after."
  echo "- \`java ${base_java_opts[*]} -Xlog:class+load:file=...\`, RIC 2.10.1, AWS_LAMBDA_FUNCTION_MEMORY_SIZE=$memory," \
    "DynamoDB = moto_server on loopback; $pairs pairs after one unmeasured warm-up of each."
  echo
  "$py" "$bench/lib/coldstart_report.py" "$out" "$claim" "$hello" "$main_zip" "${BENCH_BASELINE_ZIP:-$hello_zip}"
  echo
  BENCH_SKIP_BUILD=1 "$bench/package-size.sh"
} | tee "$report"
say "report written to ${report#"$root"/}"
