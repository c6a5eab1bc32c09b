"""Expected business outcomes, as named exceptions.

The conversation engine maps each one to a French sentence and leaves the state as it was.
Anything that is not a DomainError is a bug.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


class DomainError(Exception):
    """Base class of every expected business error."""


class InvalidInput(DomainError):
    """A value typed by a user could not be read or is out of bounds."""

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


class InvalidPhone(InvalidInput):
    def __init__(self) -> None:
        super().__init__("invalid_phone")


class ContainerFull(DomainError):
    def __init__(self, remaining_l: int, code: str = "") -> None:
        super().__init__(f"container {code} has {remaining_l} L left")
        self.remaining_l = remaining_l
        self.code = code


class ContainerClosed(DomainError):
    """The container no longer accepts orders (it left the collecte stage)."""


class ContainerCancelled(ContainerClosed):
    """The container was cancelled by the importer (it is off the voyage)."""


class NoOpenContainer(DomainError):
    pass


class StageTransitionError(DomainError):
    pass


class IllegalTransition(DomainError):
    def __init__(self, current: str, target: str) -> None:
        super().__init__(f"an order that is {current} cannot become {target}")
        self.current = current
        self.target = target


class NotFound(DomainError):
    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} {key!r} not found")
        self.what = what
        self.key = key


def found(value: T | None, what: str, key: object) -> T:
    """`value`, read by `key`; NotFound when the repository had none."""
    if value is None:
        raise NotFound(what, key)
    return value


class ProofRejected(DomainError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class OtpError(DomainError):
    pass


class OtpExpired(OtpError):
    pass


class OtpInvalid(OtpError):
    def __init__(self, attempts_left: int) -> None:
        super().__init__(f"wrong code, {attempts_left} attempts left")
        self.attempts_left = attempts_left


class OtpLocked(OtpError):
    """Too many wrong attempts: a new code must be requested."""


class OtpRateLimited(OtpError):
    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"retry in {retry_after_s} s")
        self.retry_after_s = retry_after_s


class DuplicateRequest(DomainError):
    """The same request (e.g. one quote confirmed twice) was already carried out."""


class QuoteChanged(DomainError):
    """The terms changed between the quote shown and its confirmation."""

    def __init__(self, new_total_gnf: int) -> None:
        super().__init__(f"the total is now {new_total_gnf} GNF")
        self.new_total_gnf = new_total_gnf


class DeliveryFailed(DomainError):
    """A message (SMS, chat) could not be handed to its provider."""


class SendBudgetUnavailable(DeliveryFailed):
    """The sending budget shared by the processes (Redis) did not answer: transient."""


class CounterUnavailable(Exception):
    """The shared hit counter (Redis) did not answer: a caller decides whether to go on."""
