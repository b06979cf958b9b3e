-- wrk script for `crm serve`: every request posts one distinct JSON lead.
-- Usage: KEY=crm_… wrk -t2 -c64 -d20s -s scripts/bench/intake-post.lua http://127.0.0.1:8080/api/v1/leads
local key = os.getenv("KEY")
local counter = 0
local thread_id = 0
local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"first_name":"Ana","last_name":"Bench%d","company":"Bench Ltd %d-%d","email":"ana.%d.%d@bench.example","source":"bench","utm_source":"wrk"}',
    counter, thread_id, counter, thread_id, counter)
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
