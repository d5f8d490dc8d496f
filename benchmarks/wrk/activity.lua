-- wrk script: posts Emulator-shaped message activities, one conversation and user per (thread, slot), so turns load
-- and save real per-conversation state. Environment: SERVICE_URL (where replies go), TEXT (the message),
-- CONVERSATIONS (distinct conversations per wrk thread, default 64), RUN (a prefix keeping runs apart).
local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  service_url = os.getenv("SERVICE_URL") or error("SERVICE_URL is not set")
  text = os.getenv("TEXT") or "meetings"
  conversations = tonumber(os.getenv("CONVERSATIONS") or "64")
  run = os.getenv("RUN") or "wrk"
  n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local slot = n % conversations
  local conversation = string.format("%s-t%d-c%d", run, tid, slot)
  local body = string.format(
    '{"type":"message","id":"%s-%d","serviceUrl":"%s","channelId":"emulator",' ..
    '"from":{"id":"user-%s","name":"User","role":"user"},"conversation":{"id":"%s|livechat"},' ..
    '"recipient":{"id":"bot","name":"Bot","role":"bot"},"text":"%s","locale":"en-US"}',
    conversation, n, service_url, conversation, conversation, text)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, errors,
    summary.errors.status, summary.errors.timeout))
end
