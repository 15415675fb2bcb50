"""Reading text safely: the UTF-8 check, and JSON lines / JSON list / JSON object."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Union

from .errors import FormatError, ParseResult, RecordError

__all__ = ["Source", "decode_utf8", "iter_json_records", "parse_records", "read_source", "read_text"]

#: What a parser accepts: a path, raw bytes, the text itself, or an iterable of
#: lines (str or bytes) or of already-decoded JSON objects.
Source = Union[str, os.PathLike, bytes, bytearray, Iterable]

_BOM = "\ufeff"


def decode_utf8(data: bytes | bytearray) -> str:
    """Decode UTF-8 (a leading BOM is accepted and dropped) or raise FormatError."""
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise FormatError(
            f"file is not UTF-8 encoded (byte 0x{bad:02x} at offset {exc.start})"
        ) from None
    return text[1:] if text.startswith(_BOM) else text


def read_text(path_or_bytes: str | os.PathLike | bytes | bytearray) -> str:
    """Return the text of a file path or of raw bytes, checking it is UTF-8.

    A ``str`` argument is a path here (use :func:`read_source` when a string may
    be the content itself).  Raises :class:`FormatError` for a file that cannot
    be read or is not UTF-8.
    """
    if isinstance(path_or_bytes, (bytes, bytearray)):
        return decode_utf8(path_or_bytes)
    try:
        data = Path(path_or_bytes).read_bytes()
    except OSError as exc:
        raise FormatError(f"cannot read {os.fspath(path_or_bytes)!s}: {exc.strerror or exc}") from None
    return decode_utf8(data)


def _looks_like_content(text: str) -> bool:
    stripped = text.lstrip(_BOM + " \t\r\n")
    return "\n" in text or not stripped or stripped[0] in "{[<"


def read_source(source: Source) -> str | list:
    """Normalise a parser's input.

    Returns the text for a path, bytes or string content; for any other
    iterable returns a list of its items (lines or objects).  A ``str`` is taken
    as the content itself when it contains a newline or starts with ``{``,
    ``[`` or ``<``; otherwise it is a file path.  A :class:`pathlib.Path` is
    always a path.
    """
    if isinstance(source, (bytes, bytearray)):
        return decode_utf8(source)
    if isinstance(source, str):
        if _looks_like_content(source):
            return source[1:] if source.startswith(_BOM) else source
        return read_text(source)
    if isinstance(source, os.PathLike):
        return read_text(source)
    if isinstance(source, Iterable):
        return list(source)
    raise TypeError(f"cannot read records from a {type(source).__name__}")


def _json_error(line: int, exc: json.JSONDecodeError) -> RecordError:
    return RecordError(line, None, None, f"malformed JSON: {exc.msg} (column {exc.colno})")


def _iter_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, object | RecordError]]:
    for number, line in lines:
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, _json_error(number, exc)


def iter_json_records(text: str | Iterable) -> Iterator[tuple[int, object | RecordError]]:
    """Yield ``(line, object)`` or ``(line, RecordError)`` for each record.

    Accepts JSON lines (blank lines are skipped), a single JSON list (the
    "line" is then the 1-based item index) or a single JSON object, which may
    be pretty-printed over several lines.  A malformed JSON line gives a
    RecordError for that line only; the other lines still parse.  An iterable
    of lines (str or bytes) is read as JSON lines, and an iterable of already
    decoded objects is passed through with 1-based indexes.
    """
    if not isinstance(text, str):
        for index, item in enumerate(text, start=1):
            if isinstance(item, (bytes, bytearray)):
                try:
                    item = decode_utf8(item)
                except FormatError as exc:
                    yield index, RecordError(index, None, None, str(exc))
                    continue
            if isinstance(item, str):
                yield from _iter_lines([(index, item)])
            else:
                yield index, item
        return

    if text.startswith(_BOM):
        text = text[1:]
    body = text.strip()
    if not body:
        return
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    try:
        whole = json.loads(body)
    except json.JSONDecodeError as exc:
        whole_error: json.JSONDecodeError | None = exc
    else:
        whole_error = None
        if isinstance(whole, list):
            for index, item in enumerate(whole, start=1):
                yield index, item
            return
        yield first + 1, whole
        return

    # Not one JSON document: JSON lines, unless it is a broken pretty-printed
    # document (a list, or an object whose lines are fragments), which is
    # reported once rather than line by line.
    if body[0] == "[" or not any(_is_object_line(line) for line in lines[first:]):
        yield whole_error.lineno, _json_error(whole_error.lineno, whole_error)
        return
    yield from _iter_lines(enumerate(lines, start=1))


def _is_object_line(line: str) -> bool:
    line = line.strip()
    if not (line.startswith("{") and line.endswith("}")):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def parse_records(source: Source, parse_one: Callable[..., Any], key_of: Callable[[Any], str]) -> ParseResult:
    """Run ``parse_one(obj, line=...)`` over every JSON record of ``source``.

    ``parse_one`` returns a record or a list of RecordError.  A record whose
    ``key_of`` was already seen is reported as a duplicate.  Whole-file
    problems (a file that is not UTF-8 or cannot be read) raise FormatError
    before any record is read.
    """
    result: ParseResult = ParseResult()
    data = read_source(source)
    first_seen: dict[str, int] = {}
    for line, item in iter_json_records(data):
        if isinstance(item, RecordError):
            result.errors.append(item)
            continue
        try:
            parsed = parse_one(item, line=line)
        except Exception as exc:  # a bug must not lose the other records
            result.errors.append(RecordError(line, None, None, f"could not read this record ({exc!r})"))
            continue
        if isinstance(parsed, list):
            result.errors.extend(parsed)
            continue
        key = key_of(parsed)
        if key in first_seen:
            result.errors.append(RecordError(line, key, None, f"duplicate of the record on line {first_seen[key]}"))
            continue
        first_seen[key] = line
        result.records.append((line, parsed))
    return result
