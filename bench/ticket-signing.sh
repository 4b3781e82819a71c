#!/usr/bin/env bash
# The CPU cost of signing one ticket (ES256, P-256): through jose4j as sales-service signs, and the raw JCA signature,
# 3 rounds of 5,000 on each installed JDK (17 and 25). Result and what it decided: docs/benchmarks.md, "Signed tickets".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests -pl platform-tickets -am install
cp="platform-tickets/target/classes:$(ls platform-tickets/target/lib/*.jar | tr '\n' ':')"
for java in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/java-17-openjdk-amd64/bin/java; do
  [ -x "$java" ] || continue
  echo "== $("$java" -version 2>&1 | head -1)"
  "$java" -Dslf4j.internal.verbosity=ERROR -cp "$cp" bench/TicketSigningBench.java
done
