#!/usr/bin/env bash
# The offline ticket verifier (docs/tickets.md): checks a signed ticket against cached ticket keys and disabled lists,
# without a network. Builds platform-tickets when its jar is missing.
#   ./ticket-verify.sh --issuer URL [--keys ticket-keys.json] [--disabled disabled.json]... [--operator CODESPACE] [--at INSTANT] TICKET|-
# Exit status: 0 valid, 1 refused (the reason is printed), 2 not checked (usage, unreadable files).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/platform-tickets/target/platform-tickets.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && ./mvnw -q -DskipTests -pl platform-tickets -am install >&2)
fi
# -Dslf4j.internal.verbosity: jose4j logs through slf4j, which has no provider here and would say so on every run.
exec java -Dslf4j.internal.verbosity=ERROR -jar "$jar" "$@"
