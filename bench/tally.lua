-- wrk script for bench/run.sh: a host's tap, POST /centrum/1/tellen, each with a key of its own
-- (thread number and counter), as static/tally.js sends it (a fragment back, not a redirect).
-- The CSRF token comes from the environment (CSRF), the session cookie from run.sh's -H.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
function request()
  counter = counter + 1
  local body = "_csrf=" .. os.getenv("CSRF") .. "&delta=1&key=wrk-" .. tid .. "-" .. counter
  -- wrk.format takes these headers instead of wrk's own (the cookie, the host): so both.
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["HX-Request"] = "true"
  return wrk.format("POST", nil, headers, body)
end
