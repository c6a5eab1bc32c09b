"""The HitCounter port on Redis: a fixed-window counter per key, INCR and EXPIRE in one Lua
call, so a burst of parallel requests can neither skip the count nor leave a key that never
expires (fakeredis[lua] runs the same script in the embedded default)."""

from __future__ import annotations

from datetime import datetime

import redis

from domain.errors import CounterUnavailable

SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return count
"""


class RedisHitCounter:
    def __init__(self, client: redis.Redis, prefix: str = "td") -> None:
        self.client = client
        self.prefix = prefix
        self.script = client.register_script(SCRIPT)

    def hit(self, key: str, window_s: int, now: datetime) -> int:
        """Count one hit of `key` in the window that holds `now`; returns the window's count."""
        window = int(now.timestamp()) // window_s
        full_key = f"{self.prefix}:hits:{key}:{window}"
        try:
            return int(self.script(keys=[full_key], args=[window_s]))
        except redis.RedisError as error:
            raise CounterUnavailable(str(error)) from error
