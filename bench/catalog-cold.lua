-- wrk script for the cold pass of the catalog benchmark (bench/catalog.sh): asks for each partner's catalog once,
-- in token order, on one connection, then stops; every request is the partner's first, so none is answered from the
-- response cache and the latencies are those of the catalog query path.
local tokens = {}
local next = 0

function init(args)
  for line in io.lines(os.getenv("CATALOG_TOKENS")) do
    tokens[#tokens + 1] = "Bearer " .. line
  end
end

function request()
  next = next + 1
  return wrk.format("GET", "/v1/catalog", { ["Authorization"] = tokens[((next - 1) % #tokens) + 1], ["Accept"] = "application/json" })
end

function response(status, headers, body)
  if next >= #tokens then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
