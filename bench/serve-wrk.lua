-- wrk script for bench/serve.sh: each request carries the next body of BODIES (one JSON request
-- body per line, written by serve.sh), so the service scores a mix of real posts, not one
-- cached text. Non-200 answers are counted and printed at the end.
local bodies = {}
local path = os.getenv("BODIES")
local target = os.getenv("TARGET") or "/v1alpha1/comments:analyze"
for line in io.lines(path) do
  bodies[#bodies + 1] = line
end
local i = 0
local bad = 0

function init(args)
  i = math.random(#bodies) - 1
end

function request()
  i = i % #bodies + 1
  return wrk.format("POST", target, {["Content-Type"] = "application/json"}, bodies[i])
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then
      io.stderr:write("non-200: " .. status .. " " .. body .. "\n")
    end
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
