"""Entities the database numbers: `id` is None until the entity is stored."""

from __future__ import annotations


class Stored:
    """A mix-in for entities with a database id. `stored_id` is that id, for code that
    works on entities read back from a repository (an unsaved one there is a bug)."""

    id: int | None

    @property
    def stored_id(self) -> int:
        if self.id is None:
            raise ValueError(f"this {type(self).__name__} has no id until it is stored")
        return self.id
