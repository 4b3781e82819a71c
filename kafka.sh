#!/usr/bin/env bash
# A small Kafka client for trying the platform by hand (the local platform's broker by default).
#   ./kafka.sh produce TOPIC KEY [-H name=value]... < value.json
#   ./kafka.sh consume TOPIC [--timeout SECONDS]
#   ./kafka.sh redrive TOPIC.dlq [--key KEY]... [--dry-run]     (dead letters back to their topic: docs/operations.md)
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f dev-infra/target/launcher-classpath.txt ]; then
  ./mvnw -q -DskipTests -pl dev-infra -am package
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "dev-infra/target/classes:$(cat dev-infra/target/launcher-classpath.txt)" \
  org.partnerplatform.devinfra.KafkaCli "$@"
