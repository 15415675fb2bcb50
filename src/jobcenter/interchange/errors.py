"""Error and result types shared by every interchange parser.

A parser never stops at a bad record: it returns the good records together with
a list of :class:`RecordError`, each naming the record (line number and/or
natural key) and the field, with a plain English message.  Only failures that
concern a whole file or response (not UTF-8, unreadable, malformed XML, a
missing CSV column, an API error response) raise :class:`FormatError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

__all__ = ["FormatError", "ParseResult", "RecordError"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RecordError:
    """One problem with one record.

    ``line`` is the 1-based line of a JSON-lines file, the 1-based item index
    of a JSON list or of the items of an XML response, or the first line of a
    CSV row.  ``key`` is the record's natural key when it could be read, and
    ``field`` is the field's name *in the source format* (for example
    ``baseSalary.value.minValue`` or ``closeDt``).
    """

    line: int | None
    key: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.key:
            where.append(f"({self.key})" if where else f"record {self.key}")
        if self.field:
            where.append(f"field {self.field!r}")
        return f"{' '.join(where)}: {self.message}" if where else self.message


@dataclass(slots=True)
class ParseResult(Generic[T]):
    """The records that parsed, each with its line number, and the errors."""

    records: list[tuple[int, T]] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there were no errors at all."""
        return not self.errors

    def values(self) -> list[T]:
        """The records without their line numbers."""
        return [record for _, record in self.records]


class FormatError(Exception):
    """The whole file or response cannot be read (not just one record)."""
