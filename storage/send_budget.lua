-- One shared sending budget (storage/send_budget.py): slots at least 1/rate apart for every
-- process using a budget's key (a token bucket one token deep, GCRA), and one send per
-- spacing to the chat of KEYS[1]. Times are this server's clock (TIME), in integer
-- microseconds: every process reads the same clock, whatever its own says (no float drift:
-- rate slots in any 1 s).
-- KEYS: the chat's next free time, then each budget's next free slot (all in one cluster
-- slot: their names share a hash tag). A slot is taken from every budget at once.
-- ARGV: the per-chat spacing (0: none), then each budget's interval between slots, in µs.
-- Returns {1, the slot's time, now} when a slot was reserved (the caller waits until then),
-- or {0, when to ask again, now} while the chat has had its message. Checking and
-- reserving are this one call, so two processes never get the same slot.
if redis.replicate_commands then redis.replicate_commands() end -- TIME then writes (< 5.0)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local function us(value) return string.format('%.0f', value) end
local spacing = tonumber(ARGV[1])
local chat_free = tonumber(redis.call('GET', KEYS[1]) or '0')
if chat_free > now then return {0, us(chat_free), us(now)} end
local start = now
for i = 2, #KEYS do start = math.max(start, tonumber(redis.call('GET', KEYS[i]) or '0')) end
for i = 2, #KEYS do
  local interval = tonumber(ARGV[i])
  local ttl = math.ceil((start - now + interval) / 1000) + 1000
  redis.call('SET', KEYS[i], us(start + interval), 'PX', ttl)
end
if spacing > 0 then
  local ttl = math.ceil((start - now + spacing) / 1000) + 1000
  redis.call('SET', KEYS[1], us(start + spacing), 'PX', ttl)
end
return {1, us(start), us(now)}
