-- wrk script: GET the URL as the member with a year of readings (token in BENCH_MAIN_TOKEN): the 1-year
-- blood pressure trend, and /users/me as the authenticated floor.
local token = os.getenv("BENCH_MAIN_TOKEN")

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  }
  return wrk.format("GET", nil, headers)
end
