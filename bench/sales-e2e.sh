#!/usr/bin/env bash
# The end-to-end benchmark of the money path: a partner's sale request on Kafka -> sales-service (token, agreement,
# price, order, tickets) -> the result on the partner's topic and the order event -> settlement-service's ledger entry
# -> the SettlementEntryRecorded event on settlement.events that finance reads. Everything runs on this machine:
# Kafka and PostgreSQL (embedded, in the fixture's JVM and beside it), the four packaged services as processes, and the
# load generator (kafka-clients). Each run is proved correct (one result per request, one ledger entry and one
# settlement event per order, totals to the øre); a wrong run fails the script. Method and results: docs/benchmarks.md
# ("The money path, end to end").
#
# Usage: bench/sales-e2e.sh [--skip-build] [--partners 50] [--jvm "OPTS"] [--env KEY=VALUE]... [--runs "SPEC ..."]
#   SPEC is open:<requests/s>:<seconds>, closed:<in flight>:<seconds> or rest:<connections>:<seconds>;
#   default "closed:1000:30 open:1000:60 closed:2000:60 rest:64:30" (the first run warms the services up, and is
#   reported too; each Kafka run is preceded by 15 s of its own load that warms the load generator up).
#   --jvm and --env reach the four services (default JVM options: those of the local platform); BENCH_LOAD_JAVA_OPTIONS
#   the load generator (e.g. -Dbench.fetch-max-wait-ms=10).
#   --profile records the last run with JFR in sales-service, settlement-service, the broker's JVM and the load generator
#   and summarises where their CPU went (bench/sales-profile.py; the recordings stay in bench/sales-e2e/target/run/*.jfr)
#   and PostgreSQL's statements
#   by time spent (pg_stat_statements, loaded for the purpose; needs psql).
# Needs: a JDK 25 (SERVICE_JAVA, default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; the build stays on Java 17) for
#        the services, the fixture (whose JVM hosts the Kafka broker) and the load generator (BENCH_JAVA to run those two
#        on another); wrk for rest runs (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
profile=false
runs="closed:1000:30 open:1000:60 closed:2000:60 rest:64:30"
fixture_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) build=false; shift ;;
    --partners) fixture_args+=(--partners "$2"); shift 2 ;;
    --jvm) fixture_args+=(--jvm "$2"); shift 2 ;;
    --env) fixture_args+=(--env "$2"); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --profile) profile=true; shift ;;
    --help|-h) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# Deep stacks for the profile, so that every sample reaches the event loop it ran on (JFR keeps 64 frames by default).
if $profile && ! printf '%s\n' ${fixture_args[@]+"${fixture_args[@]}"} | grep -q -- '^--jvm$'; then
  fixture_args+=(--jvm "-Xmx384m -XX:+UseSerialGC -XX:FlightRecorderOptions:stackdepth=512")
fi
if $profile; then
  export PLATFORM_POSTGRES_SETTINGS="shared_preload_libraries=pg_stat_statements;pg_stat_statements.track=all"
fi
service_java=${SERVICE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
bench_java=${BENCH_JAVA:-$service_java}
if [[ "$runs" == *rest:* ]] && ! command -v wrk >/dev/null; then
  echo "wrk is missing for the rest runs: apt-get install -y wrk" >&2; exit 1
fi

if $build; then
  ./mvnw -q -DskipTests install
fi
./mvnw -q -f bench/sales-e2e/pom.xml package
classpath="bench/sales-e2e/target/classes:$(cat bench/sales-e2e/target/bench-classpath.txt)"

work=bench/sales-e2e/target/run
rm -rf "$work"
mkdir -p "$work"
PLATFORM_JAVA="$service_java" "$bench_java" -Dplatform.repository="$PWD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" \
  org.partnerplatform.bench.sales.SalesFixture --work "$work" ${fixture_args[@]+"${fixture_args[@]}"} > "$work/fixture.log" 2>&1 &
fixture=$!
trap 'kill $fixture 2>/dev/null; wait $fixture 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [ -f "$work/ready" ] && break
  kill -0 $fixture 2>/dev/null || { echo "the fixture stopped; see $work/fixture.log" >&2; tail -30 "$work/fixture.log" >&2; exit 1; }
  sleep 1
done
[ -f "$work/ready" ] || { echo "the fixture was not ready in 10 minutes" >&2; exit 1; }

psql_postgres() {
  psql -h 127.0.0.1 -p "$(grep '^postgres.port=' "$work/fixture.properties" | cut -d= -f2)" -U postgres -d postgres "$@"
}
report="$work/report.md"
{
  echo "# sales-e2e $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB"
  echo "services on: $("$service_java" -version 2>&1 | head -1); fixture (Kafka) and load generator on: $("$bench_java" -version 2>&1 | head -1)"
  echo "population: $(grep -c 'client-id' "$work/fixture.properties") partners"
} | tee "$report"

status=0
n=0
for spec in $runs; do
  n=$((n + 1))
  IFS=: read -r kind amount seconds <<< "$spec"
  case "$kind" in
    open) load_args=(--mode open --rate "$amount") ;;
    closed) load_args=(--mode closed --in-flight "$amount") ;;
    rest) load_args=(--mode rest --connections "$amount") ;;
    *) echo "unknown run $spec" >&2; exit 2 ;;
  esac
  load_jfr=()
  if $profile && [ "$n" -eq "$(wc -w <<< "$runs")" ]; then
    psql_postgres -q -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" > /dev/null
    for service in sales settlement; do
      "$(dirname "$service_java")/jcmd" "$(grep "^$service.pid=" "$work/fixture.properties" | cut -d= -f2)" JFR.start name=bench \
        settings=profile duration="$((seconds + 5))s" filename="$PWD/$work/$service.jfr" > /dev/null
    done
    "$(dirname "$bench_java")/jcmd" "$(grep "^fixture.pid=" "$work/fixture.properties" | cut -d= -f2)" JFR.start name=bench settings=profile \
      duration="$((seconds + 5))s" filename="$PWD/$work/kafka.jfr" > /dev/null
    load_jfr=(-XX:StartFlightRecording=settings=profile,filename="$PWD/$work/load-generator.jfr")
  fi
  "$bench_java" ${load_jfr[@]+"${load_jfr[@]}"} ${BENCH_LOAD_JAVA_OPTIONS:-} -Xms2g -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" org.partnerplatform.bench.sales.SalesLoad --work "$work" --name "run$n$(date +%H%M%S)" \
    --duration "$seconds" --report "$report" "${load_args[@]}" || status=1
done
if $profile; then
  sleep 8
  for process in sales-service settlement-service kafka load-generator; do
    echo "--- profile of $process during the last run" | tee -a "$report"
    "$(dirname "$service_java")/jfr" print --json --events jdk.ExecutionSample "$work/${process%-service}.jfr" | python3 bench/sales-profile.py | tee -a "$report"
  done
  echo "--- PostgreSQL during the last run: statements by time spent (pg_stat_statements)" | tee -a "$report"
  psql_postgres -P pager=off -c "select d.datname as db, s.calls, round(s.total_exec_time::numeric, 0) as total_ms,
      round((s.total_exec_time / greatest(s.calls, 1))::numeric, 3) as mean_ms, s.rows, left(regexp_replace(s.query, '\s+', ' ', 'g'), 110) as query
    from pg_stat_statements s join pg_database d on d.oid = s.dbid order by s.total_exec_time desc limit 25" | tee -a "$report"
fi
echo "report: $report; services' logs: $work/platform/logs"
exit $status
