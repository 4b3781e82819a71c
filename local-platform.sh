#!/usr/bin/env bash
# Runs the whole platform locally without Docker: Kafka, PostgreSQL, the four services and the partner portal.
# Usage: ./local-platform.sh [--fresh] [--skip-build] [--data-dir DIR] [--environment DEVELOPMENT|STAGING|PRODUCTION]
set -euo pipefail
cd "$(dirname "$0")"

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=false ;;
    *) args+=("$arg") ;;
  esac
done

if $build; then
  echo "[  0s] building the services (./mvnw -DskipTests package; --skip-build skips this)..."
  ./mvnw -q -DskipTests package
fi

# The services run on JDK 25 where it is installed (ES256 signatures are 2-3 times faster than on 17, and the
# benchmarks in docs/benchmarks.md were measured on it); PLATFORM_JAVA names another java for them.
if [ -z "${PLATFORM_JAVA:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/java-25-openjdk-amd64/bin/java; do
    if [ -x "$candidate" ]; then
      export PLATFORM_JAVA=$candidate
      break
    fi
  done
fi

exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dplatform.repository="$PWD" \
  -cp "dev-infra/target/classes:$(cat dev-infra/target/launcher-classpath.txt)" \
  org.partnerplatform.devinfra.LocalPlatform ${args[@]+"${args[@]}"}
