"""ESCO v1.1.1 classification CSV files: occupations and ISCO groups.

``occupations.csv`` columns: ORIGINURI, ID, UUIDHISTORY, ISCOGROUPCODE, CODE,
PREFERREDLABEL, ALTLABELS (newline-separated inside one quoted field),
DESCRIPTION, DEFINITION, SCOPENOTE, REGULATEDPROFESSIONNOTE, OCCUPATIONTYPE,
ISLOCALIZED.  ``ISCOGroups.csv`` columns: ORIGINURI, ID, UUIDHISTORY, CODE,
PREFERREDLABEL, ALTLABELS, DESCRIPTION.  Only the columns the records need
are required; a missing file or column raises :class:`FormatError`.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import FormatError, ParseResult, RecordError
from .textio import Source, read_source
from .values import Issues, describe

__all__ = [
    "EscoOccupationRecord",
    "IscoGroupRecord",
    "OCCUPATIONS_FILE",
    "ISCO_GROUPS_FILE",
    "parse_esco_dir",
    "parse_esco_occupations",
    "parse_isco_groups",
]

OCCUPATIONS_FILE = "occupations.csv"
ISCO_GROUPS_FILE = "ISCOGroups.csv"
OCCUPATION_COLUMNS = ("ORIGINURI", "ISCOGROUPCODE", "CODE", "PREFERREDLABEL", "ALTLABELS",
                      "DESCRIPTION", "REGULATEDPROFESSIONNOTE")
ISCO_GROUP_COLUMNS = ("ORIGINURI", "CODE", "PREFERREDLABEL", "DESCRIPTION")


@dataclass(frozen=True, slots=True)
class IscoGroupRecord:
    uri: str
    code: str            # 1 to 4 digits ("2", "26", "265", "2654")
    label: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class EscoOccupationRecord:
    uri: str
    code: str            # e.g. "2654.1.7"
    isco_group: str      # 4-digit ISCO-08 unit group
    preferred_label: str
    alt_labels: list[str] = field(default_factory=list)
    description: str | None = None
    regulated_note: str | None = None


def _rows(source: Source, name: str, required: tuple[str, ...]):
    """Yield (first line number, row dict) after checking the header."""
    try:
        data = read_source(source)
    except FormatError as exc:
        raise FormatError(f"{name}: {exc}") from None
    text = data if isinstance(data, str) else "".join(
        line if str(line).endswith("\n") else f"{line}\n" for line in data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise FormatError(f"{name}: the file is empty (no header row)") from None
    except csv.Error as exc:
        raise FormatError(f"{name}: cannot read the CSV header ({exc})") from None
    header = [column.strip() for column in header]
    missing = [column for column in required if column not in header]
    if missing:
        raise FormatError(f"{name}: missing required column{'s' if len(missing) > 1 else ''} "
                          + ", ".join(missing))
    previous = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield previous + 1, RecordError(previous + 1, None, None, f"malformed CSV row ({exc})")
            previous = reader.line_num
            continue
        start, previous = previous + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield start, RecordError(start, None, None,
                                     f"expected {len(header)} columns, found {len(row)}")
            continue
        yield start, dict(zip(header, row))


def _cell(row: dict[str, str], column: str) -> str | None:
    value = row.get(column)
    value = value.strip() if value is not None else None
    return value or None


def _parse(source: Source, name: str, required: tuple[str, ...],
           build: Callable[[Issues, dict[str, str]], Any], key_column: str) -> ParseResult:
    result: ParseResult = ParseResult()
    seen: dict[str, int] = {}
    for line, row in _rows(source, name, required):
        if isinstance(row, RecordError):
            result.errors.append(row)
            continue
        issues = Issues(line, _cell(row, key_column))
        record = build(issues, row)
        if issues:
            result.errors.extend(issues.errors)
        elif record.uri in seen:
            result.errors.append(RecordError(line, issues.key, "ORIGINURI",
                                             f"duplicate of the row on line {seen[record.uri]}"))
        else:
            seen[record.uri] = line
            result.records.append((line, record))
    return result


def _required(issues: Issues, row: dict[str, str], column: str, pattern: str | None = None,
              example: str = "") -> str | None:
    value = _cell(row, column)
    if value is None:
        issues.add(column, "is required")
    elif pattern and not re.fullmatch(pattern, value):
        issues.add(column, f"expected {example}, got {describe(value)}")
        return None
    return value


def parse_isco_groups(source: Source) -> ParseResult[IscoGroupRecord]:
    """Read ``ISCOGroups.csv`` (a path, bytes, text or lines)."""
    def build(issues: Issues, row: dict[str, str]) -> IscoGroupRecord:
        return IscoGroupRecord(
            uri=_required(issues, row, "ORIGINURI", r"https?://\S+", "a URI"),
            code=_required(issues, row, "CODE", r"[0-9]{1,4}", "an ISCO code of 1 to 4 digits"),
            label=_required(issues, row, "PREFERREDLABEL"),
            description=_cell(row, "DESCRIPTION"),
        )
    return _parse(source, ISCO_GROUPS_FILE, ISCO_GROUP_COLUMNS, build, "CODE")


def parse_esco_occupations(source: Source, *,
                           isco_codes: Collection[str] | None = None) -> ParseResult[EscoOccupationRecord]:
    """Read ``occupations.csv``; with ``isco_codes``, check each ISCO group exists."""
    def build(issues: Issues, row: dict[str, str]) -> EscoOccupationRecord:
        group = _required(issues, row, "ISCOGROUPCODE", r"[0-9]{4}", "a 4-digit ISCO unit group")
        code = _required(issues, row, "CODE", r"[0-9]{4}(\.[0-9]+)+", "an ESCO code like 2654.1.7")
        if group and code and not code.startswith(group + "."):
            issues.add("CODE", f"code {code} is not inside its ISCO group {group}")
        if group and isco_codes is not None and group not in isco_codes:
            issues.add("ISCOGROUPCODE", f"ISCO group {group} is not in {ISCO_GROUPS_FILE}")
        labels: list[str] = []
        for label in (row.get("ALTLABELS") or "").splitlines():
            label = " ".join(label.split())
            if label and label not in labels:
                labels.append(label)
        return EscoOccupationRecord(
            uri=_required(issues, row, "ORIGINURI", r"https?://\S+", "a URI"),
            code=code,
            isco_group=group,
            preferred_label=_required(issues, row, "PREFERREDLABEL"),
            alt_labels=labels,
            description=_cell(row, "DESCRIPTION"),
            regulated_note=_cell(row, "REGULATEDPROFESSIONNOTE"),
        )
    return _parse(source, OCCUPATIONS_FILE, OCCUPATION_COLUMNS, build, "CODE")


def parse_esco_dir(directory: str | os.PathLike) -> tuple[ParseResult[IscoGroupRecord],
                                                         ParseResult[EscoOccupationRecord]]:
    """Read ``ISCOGroups.csv`` and ``occupations.csv`` from an ESCO CSV directory.

    Raises FormatError when the directory, a required file or a required
    column is missing, or a file is not UTF-8.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise FormatError(f"ESCO directory not found: {folder}")
    for name in (ISCO_GROUPS_FILE, OCCUPATIONS_FILE):
        if not (folder / name).is_file():
            raise FormatError(f"{name} is missing from {folder}")
    groups = parse_isco_groups(folder / ISCO_GROUPS_FILE)
    codes = {record.code for record in groups.values()}
    occupations = parse_esco_occupations(folder / OCCUPATIONS_FILE, isco_codes=codes or None)
    return groups, occupations
