-- wrk script for `crm serve`: every request posts one distinct JSON lead.
-- Names are made of random syllables, as varied as real web-form leads; posting thousands of
-- leads whose names sort next to each other ("Bench1", "Bench2", …) is the slow case of the
-- name ranks (see docs/PERFORMANCE.md, "Lead intake").
-- Usage: KEY=crm_… wrk -t2 -c64 -d20s -s scripts/bench/intake-post.lua http://127.0.0.1:8080/api/v1/leads
local key = os.getenv("KEY")
local counter = 0
local thread_id = 0
local threads = 0
local syllables = {"ka", "lo", "mi", "ne", "ra", "to", "vi", "su", "de", "po", "an", "el", "or", "us", "ba", "ze"}

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function init(args)
  math.randomseed(os.time() + thread_id * 7919)
end

local function word()
  local text = ""
  for _ = 1, 4 do text = text .. syllables[math.random(#syllables)] end
  return text:sub(1, 1):upper() .. text:sub(2)
end

function request()
  counter = counter + 1
  local last = word()
  local body = string.format(
    '{"first_name":"%s","last_name":"%s","company":"%s Ltd","email":"%s.%d.%d@bench.example","source":"bench","utm_source":"wrk"}',
    word(), last, word(), last:lower(), thread_id, counter)
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json",
  }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
