#!/usr/bin/env bash
# Runs the whole platform locally without Docker: Kafka, PostgreSQL and the four services.
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

exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dplatform.repository="$PWD" \
  -cp "dev-infra/target/classes:$(cat dev-infra/target/launcher-classpath.txt)" \
  org.partnerplatform.devinfra.LocalPlatform ${args[@]+"${args[@]}"}
