-- The refresh grant rotates the refresh token on every use, so each response feeds the next
-- request: a pool of live refresh tokens (one per line of the file REFRESH_FILE) circulates.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BASIC")
local pool = {}
for line in io.lines(os.getenv("REFRESH_FILE")) do
  pool[#pool + 1] = line
end
function request()
  local token = table.remove(pool)
  if token == nil then
    -- More requests in flight than tokens: should not happen with more tokens than connections.
    token = "exhausted"
  end
  return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=" .. token)
end
function response(status, headers, body)
  local token = string.match(body, '"refresh_token":"([^"]+)"')
  if token ~= nil then
    pool[#pool + 1] = token
  end
end
