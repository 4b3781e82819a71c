#!/usr/bin/env bash
# The catalog benchmark: the filtered catalog (GET /v1/catalog, first page of 50) of 1,000 partners with 50 agreements
# each over 10,000 products, against the packaged catalog-service on a real PostgreSQL, loaded with wrk from this
# machine. Results and the method are in docs/benchmarks.md ("catalog-service: the filtered catalog").
#
# Usage: bench/catalog.sh [--duration 30s] [--connections "16 64 256"] [--threads 2] [--jvm "-Xms1g -Xmx1g"]
#                         [--env KEY=VALUE]...   (passed to the service, e.g. PLATFORM_SECURITY_TOKEN_CACHE_ENABLED=false)
#                         [--profile]            (a 20 s JFR recording of the service at 64 connections, summarised)
#                         [--changes]            (then 30 s at 16 connections while an admin changes the catalog through
#                                                 the API every 10 s: one partner's agreement, then one operator's products)
# Needs: wrk (apt-get install -y wrk), the shared modules in ~/.m2, and a JDK 25 for the service
#        (SERVICE_JAVA, default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; the build stays on Java 17).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=30s
connections="16 64 256"
threads=2
profile=false
changes=false
harness_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --jvm) harness_args+=(--jvm "$2"); shift 2 ;;
    --env) harness_args+=(--env "$2"); shift 2 ;;
    --profile) profile=true; shift ;;
    --changes) changes=true; shift ;;
    --help|-h) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
service_java=${SERVICE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
# Deep stacks for the profile, so that every sample reaches the event loop it ran on (JFR keeps 64 frames by default).
if $profile && ! printf '%s\n' ${harness_args[@]+"${harness_args[@]}"} | grep -q -- '^--jvm$'; then
  harness_args+=(--jvm "-Xms1g -Xmx1g -XX:FlightRecorderOptions:stackdepth=512")
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [ ! -f catalog-service/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -o -f catalog-service/pom.xml package -DskipTests
fi
./mvnw -q -o -f bench/catalog/pom.xml package

work=bench/catalog/target/run
rm -rf "$work"
mkdir -p "$work"
PLATFORM_JAVA="$service_java" java -cp "bench/catalog/target/classes:$(cat bench/catalog/target/bench-classpath.txt)" \
  org.partnerplatform.bench.CatalogBench --work "$work" ${harness_args[@]+"${harness_args[@]}"} > "$work/harness.log" 2>&1 &
harness=$!
trap 'kill $harness 2>/dev/null; wait $harness 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  [ -f "$work/ready" ] && break
  kill -0 $harness 2>/dev/null || { echo "the fixture stopped; see $work/harness.log" >&2; tail -20 "$work/harness.log" >&2; exit 1; }
  sleep 1
done
[ -f "$work/ready" ] || { echo "the fixture was not ready in 10 minutes" >&2; exit 1; }
url=$(cat "$work/url")

# CPU busy on this machine over 3 s while the fixture idles: anything else running skews the figures.
cpu_busy() {
  read -r _ u1 n1 s1 i1 w1 x1 y1 z1 _ < /proc/stat; sleep 3
  read -r _ u2 n2 s2 i2 w2 x2 y2 z2 _ < /proc/stat
  local busy=$(( (u2+n2+s2+x2+y2+z2) - (u1+n1+s1+x1+y1+z1) )) idle=$(( (i2+w2) - (i1+w1) ))
  echo $(( 100 * busy / (busy + idle) ))
}
# Waits (up to 5 minutes) until the machine is quiet, so that no one else's work is measured with ours.
await_quiet() {
  local busy
  for _ in $(seq 1 100); do
    busy=$(cpu_busy)
    [ "$busy" -lt 15 ] && { echo "$busy"; return; }
  done
  echo "$busy (never quiet)"
}
export CATALOG_TOKENS="$PWD/$work/tokens.txt"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); service on $("$service_java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); fixture $(cat "$work/ready" | tr -d '\n')"

# The first request of each partner computes its catalog (a cache miss): one pass over every partner, one request at
# a time, measures that path and fills every partner's entry.
echo "--- cold pass: each partner's first request, one connection (background CPU just before: $(await_quiet)%)"
wrk -t1 -c1 -d60s --latency -s bench/catalog-cold.lua "$url" | tee "$work/wrk-cold.txt" | grep -E "RESULT|Non-2xx|Socket errors"
echo "    (background CPU just after: $(cpu_busy)%)"

first=$(head -1 "$CATALOG_TOKENS")
curl -s -H "Authorization: Bearer $first" "$url/v1/catalog" -o "$work/sample.json"
echo "a catalog: $(wc -c < "$work/sample.json") bytes, $(grep -o '"totalCount":[0-9]*' "$work/sample.json"), $(grep -o '"agreementId"' "$work/sample.json" | wc -l) coverage entries on the page"

echo "warm-up: 15 s at 64 connections"
wrk -t"$threads" -c64 -d15s -s bench/catalog.lua "$url" > /dev/null

for c in $connections; do
  echo "--- $c connections, $duration (background CPU just before: $(await_quiet)%)"
  wrk -t"$threads" -c"$c" -d"$duration" --latency -s bench/catalog.lua "$url" | tee "$work/wrk-c$c.txt" | grep -E "RESULT|Non-2xx|Socket errors"
  echo "    (background CPU just after: $(cpu_busy)%)"
done

if $profile; then
  port=${url##*:}
  pid=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  jcmd=$(dirname "$service_java")/jcmd
  echo "--- profile: 20 s JFR of the service (pid $pid) at 64 connections (background CPU just before: $(await_quiet)%)"
  "$jcmd" "$pid" JFR.start name=bench settings=profile duration=20s filename="$PWD/$work/catalog.jfr" > /dev/null
  wrk -t"$threads" -c64 -d20s -s bench/catalog.lua "$url" | grep RESULT
  sleep 3
  "$(dirname "$service_java")/jfr" print --json --events jdk.ExecutionSample "$work/catalog.jfr" | python3 bench/catalog-profile.py
fi

if $changes; then
  admin=$(cat "$work/admin-token.txt")
  agreement=$(curl -s -H "Authorization: Bearer $first" "$url/v1/agreements" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  # Suspending and resuming one agreement retires one partner's catalogs (scope partner:<id>).
  agreement_change() {
    curl -s -o /dev/null -w "%{http_code} " -X POST -H "Authorization: Bearer $admin" "$url/v1/admin/agreements/$agreement/suspend"
    curl -s -o /dev/null -w "%{http_code}\n" -X POST -H "Authorization: Bearer $admin" "$url/v1/admin/agreements/$agreement/resume"
  }
  # A new product of VYG, created (a draft: no catalog changes) and published: that retires the catalogs of every
  # partner with an agreement with VYG (scope operator:2001), in this fixture about 5 in 6 partners.
  operator_change() {
    local id="VYG:SalesPackage:Bench$1"
    curl -s -o /dev/null -w "%{http_code} " -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d '{"id": "'"$id"'", "operatorOrganisationId": 2001, "codespace": "VYG",
           "name": {"nb": "Benk", "en": "Bench"}, "prices": [{"userProfile": "ADULT", "amount": "100.00"}],
           "distributionChannels": ["WEB"], "validFrom": "2026-01-01"}' "$url/v1/admin/products"
    curl -s -o /dev/null -w "%{http_code}\n" -X POST -H "Authorization: Bearer $admin" "$url/v1/admin/products/$id/publish"
  }
  for kind in agreement operator; do
    echo "--- 16 connections, 30 s, a $kind change at 10 s and 20 s (background CPU just before: $(await_quiet)%)"
    wrk -t"$threads" -c16 -d30s --latency -s bench/catalog.lua "$url" > "$work/wrk-changes-$kind.txt" &
    load=$!
    sleep 10; echo -n "    change: "; ${kind}_change "$kind-1"
    sleep 10; echo -n "    change: "; ${kind}_change "$kind-2"
    wait $load
    grep -E "RESULT|Non-2xx|Socket errors" "$work/wrk-changes-$kind.txt"
    echo "    (background CPU just after: $(cpu_busy)%)"
  done
fi
