#!/usr/bin/env bash
# Benchmarks whosThat against a bare Vert.x server (the ceiling), with wrk.
#
#   bootstrap/bench/run.sh                    # ceiling + memory + tokens (+ postgres when available)
#   DURATION=20 bootstrap/bench/run.sh        # longer runs
#   TARGETS="ceiling memory ceiling" SKIP_BUILD=1 bootstrap/bench/run.sh
#   TARGETS=tokens bootstrap/bench/run.sh     # the million-token comparison alone
#
# Each server runs pinned to CPU 0 (taskset), wrk to CPU 1, 64 connections, each measurement twice.
# Prints one table: target, scenario, requests/s, p50, p99, non-2xx, and the ratio to the ceiling
# measured in this same run. Bounded: every wrk run stops after DURATION seconds, every server is
# stopped by PID at the end. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-30}
# Unmeasured load before the first scenario: on the server's one CPU the JIT compilers need a minute
# or more before the request path is compiled (a profile of a fresh server shows them that busy).
JIT_WARMUP=${JIT_WARMUP:-60}
# Every warm-up is cut into runs of this many seconds, each opening and closing its connections, as a
# server's life does. After one long run, the first closes take branches the compiled request path
# had never seen: C2 throws that code away and compiles it again during the next measured run, which
# took 16 to 19% of the server's CPU in the first 10 s run after a single 30 s warm-up (under 1%
# after ten 3 s runs).
WARMUP_PIECE=${WARMUP_PIECE:-3}
CONNECTIONS=${CONNECTIONS:-64}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
MANY_TOKENS=${MANY_TOKENS:-1000000}
FEW_TOKENS=${FEW_TOKENS:-10000}
# This VM's speed drifts, by a third over a run of twenty minutes and by a fifth between two runs a
# minute apart, so the ceiling keeps running beside the server under test (on the same CPU, idle
# while the other is measured) and is measured right before each of a scenario's runs: a ratio
# compares rates measured seconds apart. It is also measured on its own, first and last.
TARGETS=${TARGETS:-"ceiling memory tokens postgres ceiling"}
# Pairs of alternating runs in the million-token comparison (the "tokens" target).
PAIRS=${PAIRS:-6}
BENCH=bootstrap/bench
JAR=bootstrap/target/oauth-server.jar
CLASSPATH="$JAR:bootstrap/target/test-classes"
# The options of the README's "JVM options for production". Pre-touching the heap matters most: on
# a VM, the first write to each page of the old generation costs a fault in the guest and one in the
# host, and without it every young collection that promotes into fresh pages pays for thousands of
# them (collections of 30 to 50 ms instead of 3 to 5 under issuing load).
JVM_OPTS=${JVM_OPTS:-"-Xms4g -Xmx4g -XX:+UseParallelGC -Xmn256m -XX:+AlwaysPreTouch -XX:AllocatePrefetchDistance=512 -XX:AllocatePrefetchLines=8"}
# Start-up is measured as a newcomer starts the server: the README's commands, no heap options
# (a pre-touched 4 GiB heap adds seconds to a start; that start is reported too).
STARTUP_JVM_OPTS=${STARTUP_JVM_OPTS:-}
# The disks of small VMs take tens of milliseconds per fsync, which would measure the disk, not the
# server: commits are acknowledged before their WAL is flushed (a crash may lose the last few
# hundred milliseconds of tokens, never consistency). PG_SYNCHRONOUS_COMMIT=on measures with flushes.
PG_SYNCHRONOUS_COMMIT=${PG_SYNCHRONOUS_COMMIT:-off}
# More PostgreSQL settings, as "-c name=value" pairs.
PG_SETTINGS=${PG_SETTINGS:-}
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$WORK/pg/postmaster.pid" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need taskset || ! need curl; then
  echo "installing wrk, taskset and curl" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk util-linux curl >/dev/null
fi
if [ "$(nproc)" -lt 2 ]; then
  echo "needs two CPUs: one for the server, one for wrk" >&2
  exit 1
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q package -DskipTests
fi

RESULTS="$WORK/results.tsv"
: > "$RESULTS"

# --- helpers -------------------------------------------------------------------------------------

millis() { date +%s%3N; }

# wait_for URL PID: polls until URL answers 2xx, prints the milliseconds it took.
wait_for() {
  local url=$1 pid=$2 start
  start=$(millis)
  for _ in $(seq 1 6000); do
    if curl -fs -o /dev/null "$url"; then echo $(( $(millis) - start )); return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "server exited" >&2; return 1; }
    sleep 0.01
  done
  echo "server did not answer $url" >&2
  return 1
}

# load SECONDS SCRIPT URL: one pinned wrk run; prints "rps p50 p99 non2xx".
load() {
  local seconds=$1 script=$2 url=$3 out
  out=$(taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --timeout 30s --latency -s "$BENCH/$script" "$url")
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  echo "$rps $p50 $p99 ${bad:-0}"
}

CEILING_URL=http://127.0.0.1:8090/api/me

# ceiling_rate: one run of the ceiling's GET (the lightest request there is); prints its rate.
ceiling_rate() {
  local rps; read -r rps _ < <(TOKEN=x load "$DURATION" bearer-get.lua "$CEILING_URL"); echo "$rps"
}

# warm_up SECONDS SCRIPT URL: unmeasured load, in runs of WARMUP_PIECE seconds (see above).
# ONE_WARMUP_RUN=1 warms up in one run: the rotating refresh grant loses the refresh tokens in flight
# at the end of each run, and the password grant's hashing queue outlasts each run, so that short
# runs would pile up their queues until the server sheds load.
warm_up() {
  local seconds=$1 piece=$WARMUP_PIECE
  if [ "${ONE_WARMUP_RUN:-0}" = 1 ]; then piece=$seconds; fi
  while [ "$seconds" -gt 0 ]; do
    load "$(( seconds < piece ? seconds : piece ))" "$2" "$3" >/dev/null
    seconds=$(( seconds - piece ))
  done
}

# measure TARGET SCENARIO SCRIPT URL: warm-up, then two runs, each right after a run of the ceiling;
# records the mean rate, the second run's latencies, and the mean rate of the ceiling beside them.
# BESIDE_CEILING=0 leaves the ceiling out (the password grant's hashing queue outlasts its run, and
# would slow the next run of the ceiling): its ratio is then to the ceiling's own runs.
measure() {
  local target=$1 scenario=$2 script=$3 url=$4 c1=0 c2=0
  REFRESH_FILE="${REFRESH_FILES:-}warmup.txt" warm_up "$WARMUP" "$script" "$url"
  if [ "${BESIDE_CEILING:-1}" = 1 ]; then c1=$(ceiling_rate); fi
  read -r r1 _ _ b1 < <(REFRESH_FILE="${REFRESH_FILES:-}1.txt" load "$DURATION" "$script" "$url")
  if [ "${BESIDE_CEILING:-1}" = 1 ]; then c2=$(ceiling_rate); fi
  read -r r2 p50 p99 b2 < <(REFRESH_FILE="${REFRESH_FILES:-}2.txt" load "$DURATION" "$script" "$url")
  printf '%s\t%s\t%.0f\t%s\t%s\t%d\t%.0f\n' "$target" "$scenario" "$(echo "($r1 + $r2) / 2" | bc -l)" "$p50" "$p99" \
    $(( b1 + b2 )) "$(echo "($c1 + $c2) / 2" | bc -l)" >> "$RESULTS"
  echo "  $scenario: $r1 / $r2 req/s (ceiling beside: $c1 / $c2), p50 $p50, p99 $p99, non-2xx $(( b1 + b2 ))" >&2
}

# fill URL COUNT: issues COUNT client_credentials tokens (BASIC from the caller). wrk always runs for
# its whole duration, even after the script stops sending, so the duration is sized from a probe.
fill() {
  local probe seconds
  probe=$(COUNT=$2 BASIC=$basic taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNECTIONS" -d1s -s "$BENCH/fill.lua" "$1" \
    | awk '/requests in/ {print $1}')
  if [ "$probe" -lt "$2" ]; then
    seconds=$(( ($2 - probe) / (probe > 0 ? probe : 1) + 1 ))
    COUNT=$(( $2 - probe )) BASIC=$basic taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" -s "$BENCH/fill.lua" "$1" >/dev/null
  fi
}

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# json_field NAME: the string value of NAME in a one-line JSON body, on a line of its own.
json_field() { grep -o "\"$1\":\"[^\"]*\"" | cut -d'"' -f4; }

# --- the ceiling ---------------------------------------------------------------------------------

# start_ceiling: the ceiling's server, kept running for the whole benchmark, warmed up.
start_ceiling() {
  echo "ceiling: bare Vert.x, fixed 150-byte answer" >&2
  taskset -c "$SERVER_CPU" java $JVM_OPTS -cp "$CLASSPATH" dev.whosthat.oauth.bootstrap.bench.CeilingServer 8090 \
    > "$WORK/ceiling.log" 2>&1 &
  PIDS+=("$!")
  wait_for http://127.0.0.1:8090/ "$!" >/dev/null
  TOKEN=x warm_up "$WARMUP" bearer-get.lua "$CEILING_URL"
}

# run_ceiling WHEN: the ceiling on its own (its runs are its own ceiling).
run_ceiling() {
  local r1 r2 p50 p99 b1 b2
  read -r r1 _ _ b1 < <(TOKEN=x load "$DURATION" bearer-get.lua "$CEILING_URL")
  read -r r2 p50 p99 b2 < <(TOKEN=x load "$DURATION" bearer-get.lua "$CEILING_URL")
  local mean; mean=$(echo "($r1 + $r2) / 2" | bc -l)
  printf '%s\t%s\t%.0f\t%s\t%s\t%d\t%.0f\n' ceiling "fixed answer (GET), $1" "$mean" "$p50" "$p99" $(( b1 + b2 )) "$mean" >> "$RESULTS"
  echo "  ceiling, $1: $r1 / $r2 req/s, p50 $p50, p99 $p99" >&2
}

# --- whosThat ------------------------------------------------------------------------------------

# collect_log FILE: reads a server's standard output as a log collector would (systemd's journal, a
# container runtime), on the load CPU, and keeps its last megabyte in FILE. Written to a file
# instead, the log (some 5 MB/s at these rates) grows the page cache into pages this VM's guest has
# never touched, each a fault in the host, and the rates fell by a third within two minutes.
collect_log() { taskset -c "$LOAD_CPU" tail -c 1000000 > "$1"; }

write_config() { # write_config FILE STORAGE_JSON [PORT]
  local port=${3:-8091}
  cat > "$1" <<JSON
{"issuer": "http://127.0.0.1:$port", "http": {"host": "127.0.0.1", "port": $port}, "storage": $2,
 "clients": [{"client_id": "bench", "client_secret": "$CLIENT_SECRET", "token_endpoint_auth_method": "client_secret_basic",
              "grant_types": ["client_credentials", "password", "refresh_token"], "scope": "read write"}],
 "users": [{"username": "bench-user", "password_hash": "$USER_PASSWORD_HASH"}]}
JSON
}

# start_server NAME CONFIG: a server with the production options (JVM_OPTS), its output to a log
# collector; sets SERVER_PID.
start_server() {
  # shellcheck disable=SC2086 # option lists are split on purpose
  taskset -c "$SERVER_CPU" java $JVM_OPTS -jar "$JAR" --config "$2" > >(collect_log "$WORK/$1.log") 2>&1 &
  SERVER_PID=$!; PIDS+=("$SERVER_PID")
}

# access_token BASE_URL: a fresh client_credentials access token of the benchmark's client.
access_token() {
  curl -fs -u "bench:$CLIENT_SECRET" -d grant_type=client_credentials "$1/oauth2/token" | json_field access_token
}

# startup TARGET FACT [JVM OPTIONS...]: start-up to the first answer of a server started with these
# options and stopped again.
startup() {
  local target=$1 fact=$2; shift 2
  taskset -c "$SERVER_CPU" java "$@" -jar "$JAR" --config "$WORK/$target.json" > >(collect_log "$WORK/$target-$fact.log") 2>&1 &
  local pid=$!; PIDS+=("$pid")
  local millis; millis=$(wait_for "http://127.0.0.1:8091/api/hello" "$pid")
  echo "  $fact: ${millis} ms" >&2
  printf '%s\t%s\t%s\n' "$target" "$fact" "$millis" >> "$WORK/facts.tsv"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# class_data_archive TARGET: the archive that the build leaves beside the jar and the README's start
# command maps; made here with the warm-up command only when the build left none (-Dcds.skip).
class_data_archive() {
  local archive=${JAR%.jar}.jsa
  [ -f "$archive" ] && { echo "$archive"; return; }
  archive=$WORK/oauth-server.jsa
  [ -f "$archive" ] || java -XX:ArchiveClassesAtExit="$archive" -jar "$JAR" warm-up --config "$WORK/$1.json" \
    > "$WORK/archive.log" 2>&1
  echo "$archive"
}

run_server() { # run_server TARGET STORAGE_JSON
  local target=$1 base=http://127.0.0.1:8091
  write_config "$WORK/$target.json" "$2"
  echo "$target: whosThat" >&2
  # shellcheck disable=SC2086 # option lists are split on purpose
  startup "$target" "startup_ms" $STARTUP_JVM_OPTS
  # shellcheck disable=SC2086
  startup "$target" "startup_ms_with_class_data_archive" $STARTUP_JVM_OPTS -XX:SharedArchiveFile="$(class_data_archive "$target")"
  start_server "$target" "$WORK/$target.json"
  local pid=$SERVER_PID
  local startup; startup=$(wait_for "$base/api/hello" "$pid")
  echo "  start-up to first answer with the production options: ${startup} ms" >&2
  printf '%s\t%s\t%s\n' "$target" "startup_ms_with_production_options" "$startup" >> "$WORK/facts.tsv"

  local token
  token=$(access_token "$base")

  fill "$base/oauth2/token" "$FEW_TOKENS"
  # Unmeasured (JIT_WARMUP, above): the read paths warm the compilers without adding tokens, and
  # every scenario has its own warm-up besides.
  BODY="token=$token" BASIC=$basic warm_up "$JIT_WARMUP" post-form.lua "$base/oauth2/introspect"
  TOKEN=$token warm_up $(( JIT_WARMUP / 2 )) bearer-get.lua "$base/api/me"
  BODY="token=$token" BASIC=$basic measure "$target" "introspection ($FEW_TOKENS tokens)" post-form.lua "$base/oauth2/introspect"
  TOKEN=$token measure "$target" "GET /api/me" bearer-get.lua "$base/api/me"
  BODY="grant_type=client_credentials" BASIC=$basic measure "$target" "client_credentials" post-form.lua "$base/oauth2/token"

  # Before the password grant: its Argon2id queue keeps the server busy for a while after wrk stops,
  # which would spoil the probe that sizes the fill.
  if [ "$target" = memory ]; then
    fill "$base/oauth2/token" "$MANY_TOKENS"
    BODY="token=$token" BASIC=$basic measure "$target" "introspection (+$MANY_TOKENS tokens)" post-form.lua "$base/oauth2/introspect"
  fi

  # Every wrk run starts from its own live tokens: a token rotated in one run is reused in the next.
  for run in warmup 1 2; do
    for _ in $(seq 1 $(( CONNECTIONS * 2 ))); do
      curl -fs -u "bench:$CLIENT_SECRET" -d grant_type=password -d username=bench-user --data-urlencode "password=$USER_PASSWORD" \
        "$base/oauth2/token" | json_field refresh_token
    done > "$WORK/refresh-$run.txt"
  done
  REFRESH_FILES="$WORK/refresh-" BASIC=$basic ONE_WARMUP_RUN=1 measure "$target" "refresh_token (rotating)" refresh.lua "$base/oauth2/token"
  BODY="grant_type=password&username=bench-user&password=$USER_PASSWORD" BASIC=$basic BESIDE_CEILING=0 ONE_WARMUP_RUN=1 \
    measure "$target" "password (Argon2id m=19456 KiB, t=2, p=1)" post-form.lua "$base/oauth2/token"

  printf '%s\t%s\t%s\n' "$target" "rss_mib" "$(rss_mib "$pid")" >> "$WORK/facts.tsv"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# introspect_load TOKEN BASE_URL: one measured introspection run.
introspect_load() { BODY="token=$1" BASIC=$basic load "$DURATION" post-form.lua "$2/oauth2/introspect"; }

# tokens_paired: the million-token target on its own. Two fresh memory servers run side by side on
# the server's CPU, one holding FEW_TOKENS live tokens and the other FEW_TOKENS + MANY_TOKENS, warmed
# alike; then each pair of runs measures one right after the other (which goes first alternates),
# and the fact is the median of the pairs' rate ratios. A ratio of two rates seconds apart cancels
# the drift of this VM's speed, which two scenarios minutes apart in one server's table do not.
tokens_paired() {
  local few=http://127.0.0.1:8093 many=http://127.0.0.1:8094 ratios=() pids=()
  echo "tokens: $FEW_TOKENS against $FEW_TOKENS + $MANY_TOKENS live tokens, $PAIRS alternating pairs" >&2
  for port in 8093 8094; do
    write_config "$WORK/tokens-$port.json" '{"kind": "memory"}' "$port"
    start_server "tokens-$port" "$WORK/tokens-$port.json"
    pids+=("$SERVER_PID")
  done
  wait_for "$few/api/hello" "${pids[0]}" >/dev/null
  wait_for "$many/api/hello" "${pids[1]}" >/dev/null
  local token_few token_many
  token_few=$(access_token "$few")
  token_many=$(access_token "$many")
  fill "$few/oauth2/token" "$FEW_TOKENS"
  fill "$many/oauth2/token" $(( FEW_TOKENS + MANY_TOKENS ))
  BODY="token=$token_few" BASIC=$basic warm_up "$JIT_WARMUP" post-form.lua "$few/oauth2/introspect"
  BODY="token=$token_many" BASIC=$basic warm_up "$JIT_WARMUP" post-form.lua "$many/oauth2/introspect"
  local pair r_few r_many bad_few bad_many bad=0
  run_few() { read -r r_few _ _ bad_few < <(introspect_load "$token_few" "$few"); }
  run_many() { read -r r_many _ _ bad_many < <(introspect_load "$token_many" "$many"); }
  for pair in $(seq 1 "$PAIRS"); do
    if [ $(( pair % 2 )) = 1 ]; then run_few; run_many; else run_many; run_few; fi
    bad=$(( bad + bad_few + bad_many ))
    ratios+=("$(printf '%.3f' "$(echo "$r_many / $r_few" | bc -l)")")
    echo "  pair $pair: $r_few req/s with $FEW_TOKENS, $r_many with +$MANY_TOKENS: ${ratios[-1]}" >&2
  done
  local in_order sorted median
  in_order=$(printf '%s\n' "${ratios[@]}" | sort -n)
  sorted=$(paste -sd' ' <<<"$in_order")
  median=$(awk '{v[NR] = $1} END {printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}' <<<"$in_order")
  printf '%s\t%s\t%s\n' memory "introspection with +$MANY_TOKENS tokens over $FEW_TOKENS, median of $PAIRS alternating pairs" \
    "$median (pairs, sorted: $sorted; non-2xx: $bad)" >> "$WORK/facts.tsv"
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
}

start_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$PG_BIN" ]; then
    echo "installing PostgreSQL for the postgres target" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  mkdir -p "$WORK/pg" && chown postgres "$WORK" "$WORK/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
  runuser -u postgres -- taskset -c "$SERVER_CPU" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" \
    -o "-p 5499 -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c synchronous_commit=$PG_SYNCHRONOUS_COMMIT $PG_SETTINGS" \
    start >/dev/null
  runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p 5499 -U postgres whosthat
}

CLIENT_SECRET=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
# The benchmark client's HTTP Basic credentials, for wrk's scripts.
basic=$(printf '%s' "bench:$CLIENT_SECRET" | base64 -w0)
USER_PASSWORD=$(head -c 12 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
# The configuration holds the hash, as in production: start-up derives no key.
USER_PASSWORD_HASH=$(printf '%s\n' "$USER_PASSWORD" | java -jar "$JAR" hash-password)

start_ceiling
CEILING_RUNS=0
for target in $TARGETS; do
  case $target in
    ceiling) CEILING_RUNS=$(( CEILING_RUNS + 1 )); run_ceiling "$( [ "$CEILING_RUNS" = 1 ] && echo first || echo last)" ;;
    memory) run_server memory '{"kind": "memory"}' ;;
    tokens) tokens_paired ;;
    postgres)
      if [ "$(unzip -l "$JAR" | grep -c 'dev/whosthat/oauth/adapter/postgres/')" -gt 0 ]; then
        start_postgres
        run_server postgres '{"kind": "postgres", "uri": "postgresql://postgres@127.0.0.1:5499/whosthat", "pool_size": 16}'
      else
        echo "postgres: this build has no PostgreSQL adapter yet, skipped" >&2
      fi ;;
  esac
done

echo "heap per live access token (in-process, memory store):" >&2
HEAP=$(java -Xmx4g -cp "$CLASSPATH" dev.whosthat.oauth.bootstrap.bench.TokenHeapFootprint "$MANY_TOKENS" | sed -n 's/.*heap_bytes_per_token=//p')

CEILING=$(awk -F'\t' '$1 == "ceiling" {sum += $3; n++} END {if (n) printf "%.0f", sum / n}' "$RESULTS")
echo
echo "whosThat benchmark, $(date -u +%Y-%m-%d), $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(java -version 2>&1 | head -1)"
echo "server on CPU $SERVER_CPU, wrk on CPU $LOAD_CPU, $CONNECTIONS connections, 2 x ${DURATION}s after ${WARMUP}s warm-up, JVM: $JVM_OPTS"
echo "ratio: to the ceiling measured right before each run (its mean in the column beside); for the password grant, to the ceiling's own runs (mean ${CEILING:-none} req/s)"
echo "PostgreSQL (when measured): $(ls -d /usr/lib/postgresql/*/ 2>/dev/null | sort -V | tail -1 | xargs -r basename), on the server's CPU, synchronous_commit=$PG_SYNCHRONOUS_COMMIT"
echo
printf '| %-8s | %-44s | %9s | %8s | %8s | %7s | %14s | %8s |\n' target scenario "req/s" p50 p99 non-2xx "ceiling beside" ratio
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ---------- ---------------------------------------------- ----------: ---------: ---------: --------: ---------------: ---------:
while IFS=$'\t' read -r target scenario rps p50 p99 bad beside; do
  [ "$beside" = 0 ] && beside=${CEILING:-0}
  ratio=$( [ "$beside" != 0 ] && printf '%.2f' "$(echo "$rps / $beside" | bc -l)" || echo "-")
  printf '| %-8s | %-44s | %9s | %8s | %8s | %7s | %14s | %8s |\n' "$target" "$scenario" "$rps" "$p50" "$p99" "$bad" "$beside" "$ratio"
done < "$RESULTS"
echo
[ -f "$WORK/facts.tsv" ] && while IFS=$'\t' read -r target fact value; do
  echo "- $target $fact: $value"
done < "$WORK/facts.tsv"
echo "- heap bytes per live access token (memory store, $MANY_TOKENS tokens): $HEAP"
