"""One chat's conversation: state name, language, data, and the choices last offered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.engine.events import Choice


@dataclass
class Conversation:
    state: str = "start"
    lang: str = "fr"
    trader_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    choices: list[Choice] = field(default_factory=list)

    def go(self, state: str, **data: Any) -> None:
        """Enter `state` with exactly `data` (what the previous step kept is dropped)."""
        self.state = state
        self.data = dict(data)

    def to_dict(self) -> dict[str, object]:
        return {
            "state": self.state,
            "lang": self.lang,
            "trader_id": self.trader_id,
            "data": self.data,
            "choices": [[c.id, c.label] for c in self.choices],
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> Conversation:
        if not raw:
            return cls()
        return cls(
            state=str(raw.get("state", "start")),
            lang=str(raw.get("lang", "fr")),
            trader_id=raw.get("trader_id"),
            data=dict(raw.get("data") or {}),
            choices=[Choice(str(i), str(label)) for i, label in raw.get("choices") or []],
        )
