"""The OtpStore port on Redis: every operation is one call of storage/otp.lua (atomic).

fakeredis[lua] runs the same script in the embedded default. The keys of a namespace share
a hash tag, `{trader}` (a phone's and a chat's keys go into one call): one cluster slot.
Read-old-write-new: keys kept under their names before the tag are moved under the new ones
before an operation; they live an hour at most (the longest window), so `adopt_legacy` can
go an hour after the upgrade.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

import redis

from domain.errors import OtpExpired, OtpInvalid, OtpLocked, OtpRateLimited
from domain.otp import OtpPolicy, OtpScope

SCRIPT = (Path(__file__).parent / "otp.lua").read_text(encoding="utf-8")
EXPIRED, LOCKED = -1, -2
# KEYS: a key's name before the hash tag, its name now. Run only where the old one exists,
# so only on the single server of a deployment from before the tag (never on a cluster).
# When both exist (an old process still wrote the old name during a rolling upgrade), a
# count (a sorted set of sends or wrong guesses) takes in the old one's entries, the longer
# expiry kept: dropping them would give fresh guesses. A code record: the new one wins.
MOVE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('RENAMENX', KEYS[1], KEYS[2]) == 1 then return 1 end
local function kind(key) return redis.call('TYPE', key)['ok'] end
if kind(KEYS[1]) == 'zset' and kind(KEYS[2]) == 'zset' then
  local ttl = math.max(redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2]))
  redis.call('ZUNIONSTORE', KEYS[2], 2, KEYS[1], KEYS[2], 'AGGREGATE', 'MAX')
  if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
end
redis.call('DEL', KEYS[1])
return 1
"""


class RedisOtpStore:
    def __init__(self, client: redis.Redis, prefix: str = "td") -> None:
        self.client = client
        self.prefix = prefix
        self.script = client.register_script(SCRIPT)

    def keys(self, scope: OtpScope, chat: str = "") -> list[str]:
        """The code record, the phone's sends, the chat's sends, the phone's wrong guesses."""
        base = f"{self.prefix}:otp:{{{scope.namespace}}}"
        phone = f"{base}:{scope.phone}"
        return [phone, f"{phone}:sends", f"{base}:chat:{chat}:sends", f"{phone}:wrong"]

    def adopt_legacy(self, keys: list[str]) -> None:
        """Move what is still kept under the names before the hash tag (one round trip to
        look; when both exist, the counts are merged and the newer code record wins)."""
        legacy = [key.replace("{", "", 1).replace("}", "", 1) for key in keys]
        pipe = self.client.pipeline(transaction=False)
        for name in legacy:
            pipe.exists(name)
        for name, key, found in zip(legacy, keys, pipe.execute(), strict=True):
            if found:
                self.client.eval(MOVE, 2, name, key)

    def _run(
        self,
        op: str,
        keys: list[str],
        now: datetime | None,
        arg: str,
        policy: OtpPolicy,
        extra: str = "",
    ) -> int:
        limits = (
            policy.lifetime.total_seconds(),
            policy.max_attempts,
            policy.wrong_window.total_seconds(),
            policy.max_wrong_per_window,
            policy.resend_cooldown.total_seconds(),
            policy.send_window.total_seconds(),
            policy.max_sends_per_window,
        )
        seconds = now.timestamp() if now is not None else 0.0
        self.adopt_legacy(keys)
        return int(self.script(keys=keys, args=[op, repr(seconds), arg, *limits, extra]))

    def reserve_send(self, scope: OtpScope, chat: str, now: datetime, policy: OtpPolicy) -> str:
        token = uuid.uuid4().hex
        wait_s = self._run("reserve", self.keys(scope, chat), now, token, policy)
        if wait_s > 0:
            raise OtpRateLimited(wait_s)
        return token

    def release_send(self, scope: OtpScope, chat: str, token: str) -> None:
        self._run("release", self.keys(scope, chat), None, token, OtpPolicy())

    def put_code(
        self, scope: OtpScope, token: str, code_hash: str, now: datetime, policy: OtpPolicy
    ) -> bool:
        return self._run("put", self.keys(scope), now, token, policy, code_hash) == 1

    def try_code(
        self, scope: OtpScope, candidate_hash: str, now: datetime, policy: OtpPolicy
    ) -> None:
        guess_id = uuid.uuid4().hex
        outcome = self._run("try", self.keys(scope), now, candidate_hash, policy, guess_id)
        if outcome == EXPIRED:
            raise OtpExpired()
        if outcome == LOCKED:
            raise OtpLocked()
        if outcome > 0:
            raise OtpInvalid(outcome)
