-- One-time codes in Redis: each operation is one call of this script, so a check and its
-- change happen in one atomic step however many processes race (see domain/otp.py).
--
-- KEYS[1] the code record (hash: h = code HMAC, issued, wrong = wrong guesses, pending)
-- KEYS[2] the phone's sends (zset, score = time)   KEYS[3] the chat's sends (zset)
-- KEYS[4] the phone's wrong guesses (zset, score = time)
-- ARGV[1] operation   ARGV[2] now (seconds)   ARGV[3] token or candidate hash
-- ARGV[4..] the policy: lifetime, max_attempts, wrong_window, max_wrong, cooldown,
--           send_window, max_sends;  ARGV[11] the code hash to put in force
-- Times come from the application's clock; key expiries only collect garbage.

local op, now, arg = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local lifetime, max_attempts = tonumber(ARGV[4]), tonumber(ARGV[5])
local wrong_window, max_wrong = tonumber(ARGV[6]), tonumber(ARGV[7])
local cooldown, send_window, max_sends = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])

local function field(name)
  return tonumber(redis.call('HGET', KEYS[1], name) or '0')
end

local function alive()
  return redis.call('HEXISTS', KEYS[1], 'h') == 1 and now - field('issued') <= lifetime
end

-- Seconds until fewer than `most` entries of `key` are younger than `window`.
local function wait_below(key, window, most)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count < most then return 0 end
  local oldest = redis.call('ZRANGE', key, count - most, count - most, 'WITHSCORES')
  return tonumber(oldest[2]) + window - now
end

local function wait_for_sends(key)
  local wait = wait_below(key, send_window, max_sends)
  local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  if last[2] then wait = math.max(wait, tonumber(last[2]) + cooldown - now) end
  return wait
end

local function wait_for_guesses()
  local wait = wait_below(KEYS[4], wrong_window, max_wrong)
  if field('wrong') >= max_attempts and alive() then
    wait = math.max(wait, field('issued') + lifetime - now)
  end
  return wait
end

local function remember(key, member, window)
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, math.ceil(window * 1000))
end

if op == 'reserve' then
  local wait = math.max(wait_for_guesses(), wait_for_sends(KEYS[2]), wait_for_sends(KEYS[3]))
  if wait > 0 then return math.floor(wait) + 1 end
  remember(KEYS[2], arg, send_window)
  remember(KEYS[3], arg, send_window)
  redis.call('HSET', KEYS[1], 'pending', arg)
  if redis.call('PTTL', KEYS[1]) < lifetime * 1000 then
    redis.call('PEXPIRE', KEYS[1], math.ceil(lifetime * 1000))
  end
  return 0
elseif op == 'release' then
  redis.call('ZREM', KEYS[2], arg)
  redis.call('ZREM', KEYS[3], arg)
  if redis.call('HGET', KEYS[1], 'pending') == arg then redis.call('HDEL', KEYS[1], 'pending') end
  return 0
elseif op == 'put' then
  if redis.call('HGET', KEYS[1], 'pending') ~= arg then return 0 end
  if not alive() then redis.call('HSET', KEYS[1], 'wrong', 0) end -- a live code's count stays
  redis.call('HSET', KEYS[1], 'h', ARGV[11], 'issued', now)
  redis.call('HDEL', KEYS[1], 'pending')
  redis.call('PEXPIRE', KEYS[1], math.ceil(lifetime * 1000))
  return 1
elseif op == 'try' then
  -- returns: -1 expired, -2 locked, 0 right code (now deleted), n > 0 wrong with n tries left
  if not alive() then return -1 end
  if wait_for_guesses() > 0 then return -2 end
  if redis.call('HGET', KEYS[1], 'h') == arg then
    redis.call('DEL', KEYS[1])
    return 0
  end
  local wrong = redis.call('HINCRBY', KEYS[1], 'wrong', 1)
  remember(KEYS[4], ARGV[11], wrong_window)
  local left = math.min(max_attempts - wrong, max_wrong - redis.call('ZCARD', KEYS[4]))
  if left <= 0 then return -2 end
  return left
end
return redis.error_reply('unknown operation ' .. tostring(op))
