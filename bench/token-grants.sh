#!/usr/bin/env bash
# Benchmark of token-service's client credentials grants (results: docs/benchmarks.md).
#
# Starts a real PostgreSQL and Kafka and the packaged token-service (bench/TokenBenchEnvironment.java), creates
# BENCH_CLIENTS clients through the API and grants each one token (its one PBKDF2 check), then measures with wrk:
# 16 and 64 connections, keep-alive and a new connection per request, BENCH_DURATION each, after a warm-up.
#
#   bench/token-grants.sh [--skip-build]
#
# Environment: PLATFORM_JAVA (the JVM of the service; default JDK 25), BENCH_CLIENTS (1000), BENCH_DURATION (30s),
# BENCH_WARMUP (30s), BENCH_THREADS (wrk threads, 2), BENCH_JVM_OPTIONS (the service's JVM options),
# BENCH_SERVICE_ENV (space-separated KEY=VALUE settings for the service, e.g. PLATFORM_TOKEN_CLIENT_CACHE_MAX_AGE=PT0S).
# Durations in seconds (30s).
# Needs wrk (apt-get install -y wrk), GNU time (/usr/bin/time) and a built dev-infra (dev-infra/target/launcher-classpath.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

export PLATFORM_JAVA="${PLATFORM_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
CLIENTS="${BENCH_CLIENTS:-1000}"
DURATION="${BENCH_DURATION:-30s}"
WARMUP="${BENCH_WARMUP:-30s}"
THREADS="${BENCH_THREADS:-2}"
JVM_OPTIONS="${BENCH_JVM_OPTIONS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
WORK="bench/target/token-grants"
SERVICE_ENV_ARGS=""
for setting in ${BENCH_SERVICE_ENV:-}; do SERVICE_ENV_ARGS+=" --service-env $setting"; done

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
if [[ "${1:-}" != "--skip-build" ]]; then
  echo "building token-service (./mvnw -q -o -f token-service/pom.xml package -DskipTests)..."
  ./mvnw -q -o -f token-service/pom.xml package -DskipTests
fi
[[ -f dev-infra/target/launcher-classpath.txt ]] || ./mvnw -q -o -f dev-infra/pom.xml package -DskipTests

mkdir -p "$WORK"
rm -f "$WORK/ready"
# The environment runs on the same JDK as the service; it compiles itself (single-file source launcher).
"$PLATFORM_JAVA" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "dev-infra/target/classes:$(cat dev-infra/target/launcher-classpath.txt)" \
  bench/TokenBenchEnvironment.java --work "$WORK" --clients "$CLIENTS" --jvm-options "$JVM_OPTIONS" $SERVICE_ENV_ARGS \
  > "$WORK.launcher.log" 2>&1 &
ENV_PID=$!
trap 'kill "$ENV_PID" 2>/dev/null || true; wait "$ENV_PID" 2>/dev/null || true' EXIT
echo "setting up (PostgreSQL, Kafka, token-service, $CLIENTS clients; log in $WORK.launcher.log)..."
until [[ -f "$WORK/ready" ]]; do
  kill -0 "$ENV_PID" 2>/dev/null || { echo "the environment failed:" >&2; tail -30 "$WORK.launcher.log" >&2; exit 1; }
  sleep 2
done
URL="$(cat "$WORK/ready")"
export BENCH_CLIENTS="$WORK/clients.txt"

echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "service: $("$PLATFORM_JAVA" -version 2>&1 | head -1), options: $JVM_OPTIONS${BENCH_SERVICE_ENV:+, settings: $BENCH_SERVICE_ENV}"
echo "wrk:     $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $THREADS threads, $DURATION per run, $CLIENTS clients"

echo "warm-up ($WARMUP, 64 connections, keep-alive; not measured)..."
BENCH_CONNECTION_CLOSE=0 wrk -t"$THREADS" -c64 -d"$WARMUP" -s bench/token-grants.lua "$URL" > "$WORK/warmup.txt"

# CPU ticks of the benchmark's own processes (the launcher and its children: the service and Kafka; PostgreSQL's
# postmaster, which pg_ctl detaches, and its backends), to tell how much of the machine something else took during a
# run: the machine may be shared.
POSTMASTER="$(pgrep -f -- "-D $PWD/$WORK/postgres" | head -1 || true)"
tree_ticks() {
  local pids=("$ENV_PID" $POSTMASTER) all=() p
  while ((${#pids[@]})); do
    all+=("${pids[@]}")
    mapfile -t pids < <(for p in "${pids[@]}"; do cat "/proc/$p/task/"*/children 2>/dev/null; done | tr ' ' '\n' | grep -v '^$')
  done
  for p in "${all[@]}"; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'
}
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
seconds="${DURATION%s}"

printf '\n| connections | connection | grants/s | p50 ms | p99 ms | max ms | requests | non-2xx | socket errors | other load |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for connections in 16 64; do
  for mode in keep-alive close; do
    close=0; [[ "$mode" == close ]] && close=1
    out="$WORK/wrk-$connections-$mode.txt"
    busy0=$(busy_ticks); tree0=$(tree_ticks)
    BENCH_CONNECTION_CLOSE=$close /usr/bin/time -f 'wrk-cpu %U %S' -o "$out.time" \
      wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency -s bench/token-grants.lua "$URL" > "$out"
    busy1=$(busy_ticks); tree1=$(tree_ticks)
    other=$(awk -v b=$((busy1 - busy0)) -v t=$((tree1 - tree0)) -v s="$seconds" -v n="$(nproc)" \
      '/wrk-cpu/ {w = ($2 + $3) * 100; o = (b - t - w) / (s * n); if (o < 0) o = 0; printf "%.0f%%", o}' "$out.time")
    line="$(grep '^RESULT' "$out")"
    get() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<< "$line"; }
    label="keep-alive"; [[ "$mode" == close ]] && label="new per request"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$connections" "$label" "$(get grants_per_s)" "$(get p50_ms)" \
      "$(get p99_ms)" "$(get max_ms)" "$(get requests)" "$(get non_2xx)" "$(get socket_errors)" "$other"
  done
done
echo
echo "other load: the share of the machine's CPU used during the run by processes outside the benchmark (0% = quiet)."
echo
echo "full wrk output in $WORK/wrk-*.txt; service log in $WORK/token-service.log"
