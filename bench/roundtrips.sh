#!/usr/bin/env bash
# DynamoDB round trips and capacity per function and case: runs each function through the same
# harness as coldstart.sh (runtime interface client, local Runtime API, moto_server) on representative
# events, reads the line each invocation logs ("<function> done: N DynamoDB call(s) [...], X capacity
# unit(s), U us in DynamoDB") and prints a markdown table. Deterministic: the counts do not depend on
# the machine's load.
#
#   bench/roundtrips.sh                       builds claim-desk if target/function.zip is missing
#   BENCH_SKIP_BUILD=0 bench/roundtrips.sh    rebuild first
#   BENCH_SWEEP_CASES=25 bench/roundtrips.sh  cases due in the sweep case (default 10)
#
# Writes the report to stdout and bench/results/roundtrips-<date>.md; raw runs stay in
# bench/target/roundtrips/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/target/roundtrips
source "$root/bench/lib/harness.sh"
sweep_cases=${BENCH_SWEEP_CASES:-10}
((sweep_cases >= 1 && sweep_cases <= 100)) || { echo "BENCH_SWEEP_CASES must be 1..100" >&2; exit 2; }

need
rm -rf "$out" && mkdir -p "$out/events" "$bench/results"
fetch_ric
if [[ ${BENCH_SKIP_BUILD:-} == 0 || ! -f $main_zip ]]; then
  say "building claim-desk (./mvnw -q -DskipTests package)"
  (cd "$root" && ./mvnw -q -DskipTests package)
fi
main_has_functions || { echo "$main_zip has no io/claimdesk/functions/ClaimFunctions.class" >&2; exit 1; }
start_moto

ev=$out/events
e1=$(order_id 4000001) r1=$(order_id 4100001) r2=$(order_id 4100002) a1=$(order_id 4200001)
make_event "$root/events/evaluate-claim.json" "$ev/evaluate-e1.json" "orderId=$e1"
for o in "$r1" "$r2" "$a1"; do make_event "$root/events/evaluate-claim.json" "$ev/open-$o.json" "orderId=$o"; done
make_event "$root/events/record-refund.json" "$ev/refund-a1.json" "orderId=$a1"
make_event "$root/events/record-refund.json" "$ev/refund-r1.json" "orderId=$r1"
make_event "$root/events/record-refund.json" "$ev/refund-r2-full.json" "orderId=$r2" refundId=rf-full amount=full
make_event "$root/events/flag-late-arrival.json" "$ev/arrival-a1.json" "orderId=$a1"
sweep_open=()
for n in $(seq "$sweep_cases"); do
  make_event "$root/events/evaluate-claim.json" "$ev/open-s$n.json" "orderId=$(order_id $((4300000 + n)))"
  sweep_open+=("$ev/open-s$n.json")
done

# Preparation, unmeasured. The function creates its tables from CaseTable (CLAIMDESK_CREATE_TABLE=true
# in these runs only). The sweep gets a table of its own, so it sees exactly the cases prepared for it.
say "preparing: open 3 cases, refund one; open $sweep_cases cases in a separate table for the sweep"
create_table=true
invoke evaluateClaim evaluateClaim "$main_zip" "$out/setup-open" 0 "$ev/open-$r1.json" "$ev/open-$r2.json" "$ev/open-$a1.json"
check_setup "$out/setup-open"
table_name=claimdesk-sweep
invoke evaluateClaim evaluateClaim "$main_zip" "$out/setup-sweep" 0 "${sweep_open[@]}"
check_setup "$out/setup-sweep"
table_name=claimdesk-bench create_table=false
invoke recordRefund recordRefund "$main_zip" "$out/setup-refund" 0 "$ev/refund-a1.json"
check_setup "$out/setup-refund"
"$py" "$bench/lib/dynamo_items.py" snapshot "$endpoint" "$out/before.json" claimdesk-bench claimdesk-sweep

# Measured: one process per function; each logs one line per invocation, in order.
# manifest: run dir, event index, function, case, table, order id (- for the sweep), kind
manifest=$out/manifest.tsv
: >"$manifest"
case_row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$manifest"; }

say "evaluateClaim: new case, unchanged re-evaluation"
invoke evaluateClaim evaluateClaim "$main_zip" "$out/evaluateClaim" 0 "$ev/evaluate-e1.json" "$ev/evaluate-e1.json"
case_row evaluateClaim 0 evaluateClaim "new case" claimdesk-bench "$e1" evaluate-new
case_row evaluateClaim 1 evaluateClaim "unchanged re-evaluation" claimdesk-bench "$e1" evaluate-unchanged

say "recordRefund: partial refund, replay, full"
invoke recordRefund recordRefund "$main_zip" "$out/recordRefund" 0 "$ev/refund-r1.json" "$ev/refund-r1.json" "$ev/refund-r2-full.json"
case_row recordRefund 0 recordRefund "partial refund (20.00 of 59.90)" claimdesk-bench "$r1" refund-partial
case_row recordRefund 1 recordRefund "replay of the same refund" claimdesk-bench "$r1" refund-replay
case_row recordRefund 2 recordRefund "\"full\" (what is left)" claimdesk-bench "$r2" refund-full

say "flagLateArrival: arrival after a refund, replayed arrival"
invoke flagLateArrival flagLateArrival "$main_zip" "$out/flagLateArrival" 0 "$ev/arrival-a1.json" "$ev/arrival-a1.json"
case_row flagLateArrival 0 flagLateArrival "arrival after a refund" claimdesk-bench "$a1" arrival
case_row flagLateArrival 1 flagLateArrival "replayed arrival" claimdesk-bench "$a1" arrival-replay

say "flagLateArrival: scheduled sweep over $sweep_cases due cases"
table_name=claimdesk-sweep
invoke flagLateArrival flagLateArrival "$main_zip" "$out/sweep" 0 "$root/events/scheduled-sweep.json"
table_name=claimdesk-bench
case_row sweep 0 flagLateArrival "scheduled sweep, $sweep_cases due cases" claimdesk-sweep - sweep

"$py" "$bench/lib/dynamo_items.py" snapshot "$endpoint" "$out/after.json" claimdesk-bench claimdesk-sweep

report=$bench/results/roundtrips-$(date +%Y-%m-%d).md
{
  echo "## DynamoDB round trips and capacity per invocation, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "\`bench/roundtrips.sh\` (BENCH_SWEEP_CASES=$sweep_cases), function.zip of $(git -C "$root" rev-parse --short HEAD),"
  echo "DynamoDB = moto_server $("$py" -c 'import moto; print(moto.__version__)') on loopback."
  echo
  "$py" "$bench/lib/roundtrips.py" "$out"
} | tee "$report"
say "report written to ${report#"$root"/}"
