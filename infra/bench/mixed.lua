-- One kind of request of the bench's mixed load (infra/bench/run; MixedLoad.java writes the data and
-- starts one wrk per kind). Arguments after "--": the data file (a Lua file returning a list of
-- {method, path, headers, body}), wrk's thread count, the think time in ms between a connection's
-- requests. Each thread sends its own share of the list in turn; when a share runs out it starts
-- again from its first request, and done() reports how many requests were such repeats (a repeated
-- completion or submission is not a new one, so the bench treats repeats of a write as a failure).

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local data = dofile(args[1])
  local count = tonumber(args[2])
  think = tonumber(args[3])
  requests = {}
  for i = id + 1, #data, count do
    local r = data[i]
    requests[#requests + 1] = wrk.format(r[1], r[2], r[3], r[4])
  end
  size = #requests
  sent = 0
end

function delay()
  return think
end

function request()
  sent = sent + 1
  return requests[(sent - 1) % size + 1]
end

function done(summary, latency, requests)
  local repeated = 0
  for _, thread in ipairs(threads) do
    local over = thread:get("sent") - thread:get("size")
    if over > 0 then
      repeated = repeated + over
    end
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"durationMicros":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,'
      .. '"repeated":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout, repeated,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
