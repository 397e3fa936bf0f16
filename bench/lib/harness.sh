# Shared by bench/coldstart.sh and bench/warm.sh (sourced, not run): runs a function.zip the way
# Lambda's Java runtime does (AWS's runtime interface client against the local Runtime API in
# runtime-api/runtime_api.py), against moto_server as DynamoDB.
#
# The caller sets, before sourcing: root (repository root) and out (its working directory under
# bench/target/). Knobs read here: BENCH_MEMORY_MB (default 512), BENCH_JAVA_OPTS (added to the java
# command), BENCH_TIMEOUT_S (per process, default 60).

memory=${BENCH_MEMORY_MB:-512}
timeout_s=${BENCH_TIMEOUT_S:-60}
read -r -a extra_java_opts <<<"${BENCH_JAVA_OPTS:-}"
base_java_opts=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 "${extra_java_opts[@]}")

bench=$root/bench
ric_dir=$bench/target/ric
main_zip=$root/target/function.zip
hello_zip=$bench/hello-world/target/function.zip
handler=io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest
export PATH="$HOME/.pyenv/shims:$PATH" # moto_server and boto3 live in the pyenv Python

# claim-desk's case table (CLAIMDESK_TABLE_NAME, read as claimdesk.table-name) and hello-world's
# (HELLO_TABLE_NAME). Both are created by create_tables, never by the functions.
table_name=claimdesk-bench
hello_table=hello-world

moto_pid= srv_pid= java_pid=
cleanup() {
  local pid
  for pid in $java_pid $srv_pid $moto_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "== [${SECONDS}s] $*" >&2; }

need() {
  command -v moto_server >/dev/null || { echo "moto_server not found (expected at ~/.pyenv/shims)" >&2; exit 1; }
  python3 -c 'import boto3, yaml' 2>/dev/null || { echo "python3 cannot import boto3 and yaml (pyenv Python expected)" >&2; exit 1; }
  command -v java >/dev/null || { echo "java not found" >&2; exit 1; }
  # The interpreter behind the pyenv shim: each call through the shim costs a few hundred ms of bash.
  py=$(python3 -c 'import sys; print(sys.executable)')
  moto=$(dirname "$py")/moto_server
  [[ -x $moto ]] || moto=moto_server
  clk_tck=$(getconf CLK_TCK)
}

# AWS's runtime interface client 2.10.1 and its run-time dependencies (aws-lambda-java-core,
# aws-lambda-java-serialization, utils-lite), listed in ric/pom.xml: one Maven run copies them all.
fetch_ric() {
  if [[ ! -f $ric_dir/aws-lambda-java-runtime-interface-client-2.10.1.jar ]]; then
    say "fetching the runtime interface client into ${ric_dir#"$root"/}"
    maven -f bench/ric/pom.xml dependency:copy-dependencies
  fi
  ric_cp=$(printf '%s:' "$ric_dir"/*.jar)
  ric_cp=${ric_cp%:}
}

# maven ARGS...: Maven offline first (everything is usually in ~/.m2 already), online if that fails.
maven() {
  (cd "$root" && ./mvnw -o -q "$@") && return 0
  say "offline Maven failed; retrying online"
  (cd "$root" && ./mvnw -q "$@")
}

# Builds both zips (unless BENCH_SKIP_BUILD=1), then checks they are there.
build() {
  if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    say "building bench/hello-world"
    maven -f bench/hello-world/pom.xml package
    say "building claim-desk (-DskipTests package)"
    maven -DskipTests package
  fi
  check_zips
}

check_zips() {
  [[ -f $hello_zip ]] || { echo "no $hello_zip (build it: ./mvnw -f bench/hello-world/pom.xml package)" >&2; exit 1; }
  [[ -f $main_zip ]] || { echo "no $main_zip (build it: ./mvnw -DskipTests package)" >&2; exit 1; }
  # unzip exits non-zero when the member is missing (no grep -q: under pipefail it can kill unzip early)
  unzip -l "$main_zip" io/claimdesk/functions/ClaimFunctions.class >/dev/null 2>&1 ||
    { echo "$main_zip has no io/claimdesk/functions/ClaimFunctions.class" >&2; exit 1; }
}

free_port() {
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_port() {
  local i
  for i in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

start_moto() {
  moto_port=$(free_port)
  "$moto" -H 127.0.0.1 -p "$moto_port" >>"$out/moto.log" 2>&1 &
  moto_pid=$!
  wait_for_port "$moto_port"
  endpoint=http://127.0.0.1:$moto_port
}

# Both tables on the engine just started: hello-world's with its one item, claim-desk's from the
# AWS::DynamoDB::Table resource of infra/template.yaml (its one definition), by lib/tables.py.
create_tables() {
  "$py" "$bench/lib/tables.py" "$endpoint" hello "$hello_table"
  "$py" "$bench/lib/tables.py" "$endpoint" claim-desk "$table_name"
}

# make_event SRC DST key=value...: a copy of a sample event with some top-level fields replaced.
make_event() {
  "$py" - "$@" <<'EOF'
import json, sys
src, dst, *pairs = sys.argv[1:]
event = json.load(open(src))
event.update(pair.split("=", 1) for pair in pairs)
json.dump(event, open(dst, "w"))
EOF
}

# make_http_event SRC DST ROUTE PATH: SRC's JSON as the body of an HTTP API request (payload format 2.0) on ROUTE
# ("POST /claims/evaluate") and PATH, in the shape of the tests' example of AWS's documented request.
make_http_event() {
  "$py" - "$root/src/test/resources/apigateway/http-api-request.json" "$@" <<'EOF'
import json, sys
example, src, dst, route, path = sys.argv[1:]
event = json.load(open(example))
event["routeKey"] = event["requestContext"]["routeKey"] = route
event["rawPath"] = event["requestContext"]["http"]["path"] = path
event["requestContext"]["http"]["method"] = route.split(" ")[0]
event.pop("pathParameters", None)
event["body"] = json.dumps(json.load(open(src)))
json.dump(event, open(dst, "w"))
EOF
}

# invoke LABEL EXPORT ZIP DIR CLASSLOG EVENT...: one fresh process (a cold start) serving the events
# in order; DIR receives timings.jsonl, java.log and cpu_ms. CLASSLOG=1 adds the class-loading log,
# DIR/classload.log, each line stamped with the wall clock (timemillis, the same clock as the Runtime
# API server's stamps) and the JVM's uptime.
# An event given as @FILE stands for the event files listed in FILE, one a line (for long runs).
invoke() {
  local label=$1 fn_export=$2 zip=$3 dir=$4 classlog=$5
  shift 5
  rm -rf "$dir" && mkdir -p "$dir/task"
  unzip -q "$zip" -d "$dir/task" # a fresh copy per cold start, as a new sandbox gets

  local event_args=() event listed
  for event in "$@"; do
    if [[ $event == @* ]]; then
      while IFS= read -r listed; do event_args+=(--event "$listed"); done <"${event#@}"
    else
      event_args+=(--event "$event")
    fi
  done
  "$py" "$bench/runtime-api/runtime_api.py" "${event_args[@]}" --function-name "$label" \
    --port-file "$dir/port" --timings "$dir/timings.jsonl" --start-file "$dir/start" \
    --done-file "$dir/done" 2>"$dir/runtime-api.log" &
  srv_pid=$!
  local i
  for i in $(seq 100); do [[ -s $dir/port ]] && break; sleep 0.05; done
  local api_port
  api_port=$(<"$dir/port")

  local java_opts=("${base_java_opts[@]}")
  [[ $classlog == 1 ]] && java_opts+=("-Xlog:class+load:file=$dir/classload.log:timemillis,uptimemillis")
  # Only the variables Lambda would set (plus PATH), so nothing from this shell leaks into the JVM.
  local lambda_env=(
    PATH="$PATH" LANG=en_US.UTF-8 TZ=:UTC
    AWS_LAMBDA_RUNTIME_API="127.0.0.1:$api_port"
    AWS_LAMBDA_FUNCTION_NAME="$label" AWS_LAMBDA_FUNCTION_VERSION='$LATEST'
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE="$memory" AWS_LAMBDA_INITIALIZATION_TYPE=on-demand
    AWS_LAMBDA_LOG_GROUP_NAME="/aws/lambda/$label" AWS_LAMBDA_LOG_STREAM_NAME=bench
    AWS_EXECUTION_ENV=AWS_Lambda_java21 LAMBDA_TASK_ROOT="$dir/task" _HANDLER="$handler"
    AWS_REGION=eu-west-3 AWS_DEFAULT_REGION=eu-west-3 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
    # The functions' own settings: endpoints (moto_server serves EventBridge on the same port, so a
    # change's events are published there, not sent towards AWS), exported function, table names.
    QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE="$endpoint" CLAIMDESK_EVENTS_ENDPOINT_OVERRIDE="$endpoint"
    QUARKUS_FUNQY_EXPORT="$fn_export"
    HELLO_TABLE_NAME="$hello_table" CLAIMDESK_TABLE_NAME="$table_name"
  )
  (
    cd "$dir/task"
    # The clock starts here: EPOCHREALTIME is a builtin (no fork), read just before exec.
    t=$EPOCHREALTIME
    echo "${t/[.,]/}000" >"$dir/start"
    exec env -i "${lambda_env[@]}" java "${java_opts[@]}" -cp ".:lib/*:$ric_cp" \
      com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$handler"
  ) >"$dir/java.log" 2>&1 &
  java_pid=$!

  # Poll for the end; the times themselves are stamped by the Runtime API server, not by this loop.
  local deadline=$((SECONDS + timeout_s))
  while [[ ! -e $dir/done ]] && kill -0 "$java_pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      say "$label: no answer within ${timeout_s}s (see $dir/java.log)"
      break
    fi
    sleep 0.05
  done
  record_cpu "$java_pid" "$dir/cpu_ms"
  kill "$java_pid" 2>/dev/null || true
  wait "$java_pid" 2>/dev/null || true
  kill "$srv_pid" 2>/dev/null || true
  wait "$srv_pid" 2>/dev/null || true
  java_pid= srv_pid=
  rm -rf "$dir/task"
}

# record_cpu PID FILE: CPU time (user + system, all threads) the process has used so far, in ms.
# On a shared 2-core machine it is far less sensitive than wall time to other work competing for CPU.
record_cpu() {
  [[ -r /proc/$1/stat ]] || return 0
  local stat fields
  stat=$(<"/proc/$1/stat")
  read -r -a fields <<<"${stat##*) }" # fields after "pid (comm) ": state is [0], utime [11], stime [12]
  echo $(((fields[11] + fields[12]) * 1000 / clk_tck)) >"$2"
}

# Warns when an unmeasured preparation step got errors back: the measured runs would then do other work.
check_setup() {
  local dir=$1 errors
  errors=$(grep -c '"event": "\(init_\)\?error"' "$dir/timings.jsonl" || true)
  [[ $errors == 0 ]] && return 0
  say "warning: $errors error(s) while preparing in $dir; first one:"
  grep -m1 '"event": "\(init_\)\?error"' "$dir/timings.jsonl" >&2
}

order_id() { printf '171-%07d-7654321' "$1"; } # the 3-7-7 digit shape of a marketplace order id
