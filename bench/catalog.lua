-- wrk script for the catalog benchmark (bench/catalog.sh): every request carries the token of a partner chosen at
-- random among the pre-issued ones (one per partner, in $CATALOG_TOKENS), as many partners' clients would.
local tokens = {}
local path = os.getenv("CATALOG_PATH") or "/v1/catalog"

function init(args)
  for line in io.lines(os.getenv("CATALOG_TOKENS")) do
    tokens[#tokens + 1] = "Bearer " .. line
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  return wrk.format("GET", path, { ["Authorization"] = tokens[math.random(#tokens)], ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
