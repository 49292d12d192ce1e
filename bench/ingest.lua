-- wrk script: POST blood pressure readings, rotating over the members' tokens (file in BENCH_TOKENS),
-- from 110/70 to 159/119 (most raise a risk alert), or with the argument "quiet" (wrk ... -- quiet) from
-- 100/60 to 114/74 (normal: none does; the ladder's quiet rung),
-- each request from its own X-Forwarded-For address (the server under test trusts the header).
local tokens = {}
local counter = 0
local lowest, spread = 110, 50

function init(args)
  if args[1] == "quiet" then lowest, spread = 100, 15 end
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  counter = counter + 1
  local systolic = lowest + (counter % spread)
  local body = string.format('{"type":"blood_pressure","value":%d,"metadata":{"diastolic":%d}}', systolic, systolic - 40)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  }
  return wrk.format("POST", nil, headers, body)
end
