-- wrk script: GET a path template, replacing {id} by the next pupil id from a file (one per line),
-- with the staff member's bearer token. Arguments after "--": <path template> <ids file> <token>.
local ids = {}
local template
local next_index = 0

function init(args)
  template = args[1]
  for line in io.lines(args[2]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  wrk.headers["Authorization"] = "Bearer " .. args[3]
  wrk.headers["Accept"] = "application/json"
  -- each thread starts at a different place in the list
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
  next_index = math.random(#ids)
end

function request()
  next_index = next_index % #ids + 1
  return wrk.format("GET", (template:gsub("{id}", ids[next_index])))
end
