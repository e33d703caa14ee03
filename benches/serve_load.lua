-- wrk script for `dateline serve`: a mixed load of searches, facets and entity pages
-- on an index of Reuters-21578 (1987 economic news).
--
--   wrk -t2 -c20 -d30s -s benches/serve_load.lua http://127.0.0.1:PORT
--
-- Normally run by benches/serve_load.py, which starts the server, warms it up with
-- one pass over these same paths and checks the targets. With DATELINE_LOAD_PATHS
-- set to a file (one path per line; blank lines and `#` comments skipped) the paths
-- come from that file instead, for other archives.
--
-- Each wrk thread walks the list round-robin from its own offset. (wrk's Lua API has
-- no handle on the connection a request goes out on, so the rotation is per thread;
-- a thread's connections take consecutive paths from it, so every connection sees
-- the whole mix.)
--
-- done() prints machine-readable lines, one `name value` each: requests, errors
-- (socket errors connect/read/write/timeout + non-200 statuses), socket_errors,
-- non200, p50_ms, p95_ms, p99_ms, max_ms, rps, and `statuses CODE:N ...` when any
-- answer was not 200.

-- The paths, already URL-encoded (form encoding: space is `+`, `"` is %22).
-- serve_load.py reads the strings between these two marker lines: keep one quoted
-- path per line, without backslashes.
-- paths:begin
local default_paths = {
  -- the HTML search page (computes the people/orgs/places/source/date facets)
  "/search?q=oil",
  "/search?q=%22interest+rates%22",
  "/search?q=coffee+OR+cocoa",
  "/search?q=opec+-saudi",
  "/search?q=person:baker+dollar",
  "/search?q=org:opec+date:1987-03",
  "/search?q=NEAR/10(oil+price)",
  "/search?q=SENTENCE(baker+dollar)",
  "/search?q=yen&since=1987-03&until=1987-04",
  "/search?q=%22trade+deficit%22+japan&page=2",
  -- the API with every facet
  "/api/search?q=opec&facets=all",
  "/api/search?q=%22trade+deficit%22&facets=all",
  "/api/search?q=place:japan+yen&facets=all",
  "/api/search?q=volcker+OR+greenspan&facets=all",
  "/api/search?q=dollar&facets=all&since=1987-03&until=1987-04",
  "/api/search?q=wheat+-corn&facets=all",
  "/api/search?q=NEAR/10(oil+price)&facets=all",
  -- the API with people and orgs counted by story
  "/api/search?q=oil&facets=people,orgs&count=stories",
  "/api/search?q=person:reagan&facets=people,orgs&count=stories",
  "/api/search?q=%22interest+rates%22+date:1987-03&facets=people,orgs&count=stories",
  "/api/search?q=SENTENCE(baker+dollar)&facets=people,orgs&count=stories",
  "/api/search?q=coffee+place:brazil&facets=people,orgs&count=stories",
  "/api/search?q=opec+OR+(crude+-gasoline)&facets=people,orgs&count=stories",
  -- the API without facets
  "/api/search?q=%22bank+of+japan%22+OR+%22federal+reserve%22&limit=20",
  "/api/search?q=grain+date:1987-04",
  -- entity lists
  "/api/entities?type=person&limit=20",
  "/api/entities?type=org&limit=20",
  "/api/entities?type=place&q=oil&limit=20",
  -- entity pages
  "/entity?type=place&name=Japan",
  "/entity?type=place&name=Brazil",
}
-- paths:end

local function load_paths()
  local file = os.getenv("DATELINE_LOAD_PATHS")
  if file == nil or file == "" then
    return default_paths
  end
  local paths = {}
  for line in io.lines(file) do
    line = line:match("^%s*(.-)%s*$")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. file)
  end
  return paths
end

-- Main state: one entry per wrk thread, read back in done().
local threads = {}

function setup(thread)
  local n = #load_paths()
  local id = #threads
  -- Offsets spread by the golden ratio: well apart for any number of threads.
  thread:set("offset", math.floor(id * n * 0.618034) % n)
  table.insert(threads, thread)
end

-- Thread states. Globals, so that done() can read them with thread:get().
errors = 0
statuses = {}

local requests_ = {}
local position = 0

function init(args)
  for i, path in ipairs(load_paths()) do
    requests_[i] = wrk.format("GET", path)
  end
  position = offset or 0
end

function request()
  position = position % #requests_ + 1
  return requests_[position]
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
    local key = tostring(status)
    statuses[key] = (statuses[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local non200 = 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    non200 = non200 + (thread:get("errors") or 0)
    for code, n in pairs(thread:get("statuses") or {}) do
      by_status[code] = (by_status[code] or 0) + n
    end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  local out = {
    string.format("requests %d", summary.requests),
    string.format("errors %d", socket + non200),
    string.format("socket_errors %d", socket),
    string.format("non200 %d", non200),
    -- wrk's latencies are in microseconds
    string.format("p50_ms %.2f", latency:percentile(50) / 1000),
    string.format("p95_ms %.2f", latency:percentile(95) / 1000),
    string.format("p99_ms %.2f", latency:percentile(99) / 1000),
    string.format("max_ms %.2f", latency.max / 1000),
    string.format("rps %.1f", seconds > 0 and summary.requests / seconds or 0),
  }
  local codes = {}
  for code, n in pairs(by_status) do
    codes[#codes + 1] = code .. ":" .. n
  end
  if #codes > 0 then
    table.sort(codes)
    out[#out + 1] = "statuses " .. table.concat(codes, " ")
  end
  io.write(table.concat(out, "\n") .. "\n")
end
