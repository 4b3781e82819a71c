-- wrk script: client credentials grants (form body, HTTP Basic), cycling through the benchmark's clients so that
-- consecutive requests come from different clients. BENCH_CLIENTS names the file of Authorization header values
-- (one per client, written by TokenBenchEnvironment); BENCH_CONNECTION_CLOSE=1 asks for a new connection per request.
local clients_file = os.getenv("BENCH_CLIENTS") or "bench/target/token-grants/clients.txt"
local close = os.getenv("BENCH_CONNECTION_CLOSE") == "1"
local thread_count = 0

function setup(thread)
   thread:set("offset", thread_count * 389)
   thread_count = thread_count + 1
end

function init(args)
   requests = {}
   local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
   if close then
      headers["Connection"] = "close"
   end
   for auth in io.lines(clients_file) do
      headers["Authorization"] = auth
      requests[#requests + 1] = wrk.format("POST", "/oauth/token", headers, "grant_type=client_credentials")
   end
   if #requests == 0 then
      error("no clients in " .. clients_file)
   end
   counter = offset % #requests
end

function request()
   counter = counter % #requests + 1
   return requests[counter]
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format("RESULT grants_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non_2xx=%d socket_errors=%d\n",
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
