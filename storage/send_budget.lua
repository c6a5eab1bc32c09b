-- One shared sending budget (storage/send_budget.py): slots at least 1/rate apart for every
-- process using KEYS[1] (a token bucket one token deep, GCRA), and one send per spacing to
-- the chat of KEYS[2]. Times are integer microseconds (no float drift: rate slots in any 1 s).
-- KEYS: the next free slot, the chat's next free time.
-- ARGV: now, the interval between slots, the per-chat spacing (0: none), all in µs.
-- Returns {1, the slot's time} when a slot was reserved (the caller waits until then), or
-- {0, when to ask again} while the chat has had its message. Checking and reserving are this
-- one call, so two processes never get the same slot.
local now, interval, spacing = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local chat_free = tonumber(redis.call('GET', KEYS[2]) or '0')
if chat_free > now then return {0, string.format('%.0f', chat_free)} end
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local ttl = math.ceil((start - now + interval) / 1000) + 1000
redis.call('SET', KEYS[1], string.format('%.0f', start + interval), 'PX', ttl)
if spacing > 0 then
  ttl = math.ceil((start - now + spacing) / 1000) + 1000
  redis.call('SET', KEYS[2], string.format('%.0f', start + spacing), 'PX', ttl)
end
return {1, string.format('%.0f', start)}
