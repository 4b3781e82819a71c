#!/usr/bin/env python3
"""Where the catalog service's CPU goes: reads `jfr print --json --events jdk.ExecutionSample <file>` on stdin and
prints the share of samples whose stack contains each kind of work (inclusive; a sample may count in several),
then the hottest leaf methods. Used by bench/catalog.sh --profile."""
import json, sys, collections

KINDS = [
    ("token signature check (ES256, jose4j/JDK EC)", ("org.jose4j.jws", "sun.security.ec", "java.security.Signature")),
    ("token handling (quarkus-oidc, platform-security)", ("io.quarkus.oidc", "org.partnerplatform.security", "io.smallrye.jwt")),
    ("catalog resource and response cache", ("org.partnerplatform.catalog",)),
    ("catalog query (reactive PostgreSQL client)", ("io.vertx.pgclient", "io.vertx.sqlclient")),
    ("JSON (Jackson)", ("com.fasterxml.jackson",)),
    ("REST layer (RESTEasy Reactive, security checks)", ("org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive", "io.quarkus.security")),
    ("HTTP and I/O (Vert.x, Netty)", ("io.vertx.core", "io.netty")),
    ("Kafka client threads", ("org.apache.kafka",)),
]

data = json.load(sys.stdin)
events = data["recording"]["events"]
total = len(events)
inclusive = collections.Counter()
leaves = collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    if names:
        leaves[names[0]] += 1
    for kind, prefixes in KINDS:
        if any(n.startswith(prefixes) for n in names):
            inclusive[kind] += 1
print(f"{total} execution samples")
for kind, _ in KINDS:
    print(f"  {100 * inclusive[kind] / max(total, 1):5.1f}%  {kind}")
print("hottest leaf methods:")
for name, count in leaves.most_common(12):
    print(f"  {100 * count / total:5.1f}%  {name}")
