-- wrk script: GET the URL without a token, each request from its own X-Forwarded-For address (the
-- server under test trusts the header), so that no one client meets the rate limit.
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local headers = {
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  }
  return wrk.format("GET", nil, headers)
end
