-- wrk script for bench/: every request is a new conversation (fresh ids) asking one of the patients' questions,
-- with a number appended so no message repeats and no cache can answer it.
-- Capitalised as people type them: the safety screen reads a lower-cased copy, the classifier the text as typed.
local questions = {
  "Does active release therapy hurt", "What are adhesions exactly", "Is ART better than a massage",
  "Can it help my tennis elbow", "Are there side effects after a session", "What causes muscle knots",
  "Does ART actually work", "What is active release technique", "Is this medical advice",
  "How long is a session", "What's the weather like today", "Book me in please",
}
local counter = 0
local pause_ms = 0
-- thread_id and run_id are globals: setup() runs in wrk's main Lua state and thread:set gives each thread's own state
-- its values; a local of the same name would hide them from request(), and both threads would send the same ids.
thread_id = 0
run_id = 0
local threads_started = 0
local this_run = 0

-- An optional argument paces each connection: "-- 32" waits 32 ms between its requests (8 connections: 250 turns/s).
init = function(args)
  pause_ms = tonumber(args[1] or "0")
end

delay = function()
  return pause_ms
end

-- With WRK_SECOND_PORT set (two instances of the bot), every other thread sends to that port on the same host.
setup = function(thread)
  if this_run == 0 then
    math.randomseed(os.time())
    this_run = math.random(1, 999999)
  end
  thread:set("run_id", this_run)
  thread:set("thread_id", threads_started)
  local second = os.getenv("WRK_SECOND_PORT")
  if second and threads_started % 2 == 1 then
    thread.addr = wrk.lookup("127.0.0.1", second)[1]
  end
  threads_started = threads_started + 1
end

request = function()
  counter = counter + 1
  local id = string.format("%d-%d-%d", run_id, thread_id, counter)
  -- Each wrk thread counts on its own and every run starts again at 1: the thread and the run make the text unique.
  local text = string.format("%s %d %d %d", questions[(counter % #questions) + 1], run_id, thread_id, counter)
  local body = string.format(
    '{"type":"message","id":"m-%s","text":"%s","channelId":"bench","serviceUrl":"http://127.0.0.1:9/",' ..
    '"deliveryMode":"expectReplies","from":{"id":"visitor-%s"},"recipient":{"id":"artbot"},"conversation":{"id":"bench-%s"}}',
    id, text, id, id)
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d seconds=%.3f p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
