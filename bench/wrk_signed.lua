-- wrk script: POSTs the pre-signed WhatsApp webhooks of a file ("signature<TAB>body" lines),
-- thread i of n taking lines i, i+n, ...; prints one JSON line of results when done.
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local reqs = {}
local i = 0
function init(args)
  local n, nthreads = 0, tonumber(args[2])
  for line in io.lines(args[1]) do
    if n % nthreads == id - 1 then
      local sig, body = line:match("([^\t]*)\t(.*)")
      local headers = {}
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      headers["X-Twilio-Signature"] = sig
      reqs[#reqs + 1] = wrk.format("POST", nil, headers, body)
    end
    n = n + 1
  end
end

function request()
  i = i + 1
  if i > #reqs then i = 1 end
  return reqs[i]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"non2xx":%d,"errors":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
