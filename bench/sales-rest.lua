-- The REST sale path of bench/sales-e2e.sh: POST /v1/sales, each request with its own Idempotency-Key, bodies and
-- partners' tokens cycled from the file SALES_REST_REQUESTS (one "token<TAB>body" per line), run name SALES_REST_RUN.
-- Counts the answers by status and prints them at the end ("created N other M").
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for line in io.lines(os.getenv("SALES_REST_REQUESTS")) do
    local token, body = line:match("^(%S+)\t(.*)$")
    requests[#requests + 1] = { token = token, body = body }
  end
  run = os.getenv("SALES_REST_RUN")
  n = 0
  created = 0
  other = 0
end

function request()
  n = n + 1
  local r = requests[(n + id * 7919) % #requests + 1]
  return wrk.format("POST", "/v1/sales", {
    ["Authorization"] = "Bearer " .. r.token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "." .. id .. "." .. n,
  }, r.body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    o = o + thread:get("other")
  end
  io.write(string.format("created %d other %d\n", c, o))
end
