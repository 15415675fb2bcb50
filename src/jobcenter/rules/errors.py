"""Errors the rules raise for input they cannot calculate with. Each names the offending field."""

from __future__ import annotations


class InvalidInput(ValueError):
    """One or more input fields are invalid. ``errors`` maps each field name to a message a person can act on.

    Field names are the keyword names of the engine's input dataclasses (``separation_date``, ``age``…), which
    are also the JSON keys of the API and the tool functions, so every layer can point at the same field.
    """

    def __init__(self, errors: dict[str, str]):
        if not errors:
            raise ValueError("InvalidInput needs at least one field error")
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))

    @classmethod
    def single(cls, field: str, message: str) -> InvalidInput:
        return cls({field: message})


class NoRuleInForce(InvalidInput):
    """No version of a rule is in force on the date asked about (before the engine's data, or a future year
    whose values have not been published). Raised naming the date field that selected the version."""

    def __init__(self, field: str, message: str, *, rule_key: str):
        self.rule_key = rule_key
        super().__init__({field: message})


class ErrorCollector:
    """Gathers field errors so one call reports every bad field at once, not only the first."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)
