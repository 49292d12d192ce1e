-- wrk script: POST blood pressure readings in the normal range (no alert: the ladder's `quiet` rung), rotating over the members' tokens (file in BENCH_TOKENS),
-- each request from its own X-Forwarded-For address (the server under test trusts the header).
local tokens = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  counter = counter + 1
  local systolic = 100 + (counter % 15)
  local body = string.format('{"type":"blood_pressure","value":%d,"metadata":{"diastolic":%d}}', systolic, systolic - 40)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  }
  return wrk.format("POST", nil, headers, body)
end
