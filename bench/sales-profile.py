#!/usr/bin/env python3
"""Where a service's CPU goes in the end-to-end benchmark: reads `jfr print --json --events jdk.ExecutionSample <file>`
on stdin and prints the share of samples whose stack contains each kind of work (inclusive; a sample may count in
several), the hottest leaf methods, and the hottest of the platform's own methods (inclusive). Used by
bench/sales-e2e.sh --profile."""
import json, sys, collections

KINDS = [
    ("platform code (org.partnerplatform)", ("org.partnerplatform",)),
    ("Hibernate Reactive / ORM", ("org.hibernate",)),
    ("reactive PostgreSQL client (Vert.x SQL)", ("io.vertx.pgclient", "io.vertx.sqlclient")),
    ("JSON Schema validation (networknt)", ("com.networknt",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson",)),
    ("token handling (quarkus-oidc, platform-security, JWT)", ("io.quarkus.oidc", "org.partnerplatform.security", "io.smallrye.jwt", "org.jose4j")),
    ("SmallRye Reactive Messaging (Kafka connector, emitters)", ("io.smallrye.reactive.messaging",)),
    ("Kafka clients (producer and consumer)", ("org.apache.kafka",)),
    ("Mutiny", ("io.smallrye.mutiny",)),
    ("Vert.x core and Netty", ("io.vertx.core", "io.netty")),
    ("logging", ("org.jboss.logmanager", "org.jboss.logging")),
    ("GC / JIT (no Java frames)", ()),
]

data = json.load(sys.stdin)
events = data["recording"]["events"]
total = len(events)
inclusive = collections.Counter()
leaves = collections.Counter()
own = collections.Counter()
threads = collections.Counter()
for event in events:
    name = event["values"].get("sampledThread", {}).get("javaName") or "?"
    threads["".join(c if not c.isdigit() else "N" for c in name)[:60]] += 1
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    if names:
        leaves[names[0]] += 1
    for kind, prefixes in KINDS:
        if prefixes and any(n.startswith(prefixes) for n in names):
            inclusive[kind] += 1
    for n in set(n for n in names if n.startswith("org.partnerplatform")):
        own[n] += 1
print(f"{total} execution samples")
for kind, prefixes in KINDS:
    if prefixes:
        print(f"  {100 * inclusive[kind] / max(total, 1):5.1f}%  {kind}")
print("threads:")
for name, count in threads.most_common(8):
    print(f"  {100 * count / max(total, 1):5.1f}%  {name}")
print("hottest leaf methods:")
for name, count in leaves.most_common(15):
    print(f"  {100 * count / max(total, 1):5.1f}%  {name}")
print("platform methods (inclusive):")
for name, count in own.most_common(15):
    print(f"  {100 * count / max(total, 1):5.1f}%  {name}")
