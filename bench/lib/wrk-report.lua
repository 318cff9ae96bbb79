-- Used by every wrk run of bench/. Prints one line the scripts read, times in microseconds:
--   bench-wrk requests=N duration_us=N failed=N counted=not-200|4xx-5xx connect=N read=N write=N timeout=N p50_us=N p90_us=N p99_us=N max_us=N
-- With BENCH_WRK_COUNT_STATUS=1 it counts every response that is not 200: wrk's own "Non-2xx or 3xx responses" line
-- leaves 3xx out, and a 302 to the sign-in page is how a lapsed session would show; an analytics page answers 202
-- (still gathering) instead of its report, which on a warm cache is a failure too. That makes wrk hand every
-- response to Lua, which costs wrk more CPU than a trivial page costs the server, so the page-cost runs leave it
-- off and take wrk's own count of 4xx and 5xx (and check the session before and after instead).
local count_every_status = os.getenv("BENCH_WRK_COUNT_STATUS") == "1"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
end

if count_every_status then
  function response(status, headers, body)
    if status ~= 200 then
      failed = failed + 1
    end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  local total = errors.status
  if count_every_status then
    total = 0
    for _, thread in ipairs(threads) do
      total = total + thread:get("failed")
    end
  end

  io.write(string.format(
    "bench-wrk requests=%d duration_us=%d failed=%d counted=%s connect=%d read=%d write=%d timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, total, count_every_status and "not-200" or "4xx-5xx",
    errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
