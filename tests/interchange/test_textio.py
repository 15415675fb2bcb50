from __future__ import annotations

import json

import pytest

from jobcenter.interchange.errors import FormatError, ParseResult, RecordError
from jobcenter.interchange.textio import iter_json_records, read_source, read_text


def test_record_error_str_names_line_key_and_field():
    error = RecordError(12, "P00012", "baseSalary.value.minValue", "must not be negative")
    assert str(error) == "line 12 (P00012) field 'baseSalary.value.minValue': must not be negative"
    assert str(RecordError(None, "P1", None, "duplicate")) == "record P1: duplicate"
    assert str(RecordError(None, None, None, "file is empty")) == "file is empty"


def test_parse_result_helpers():
    result = ParseResult(records=[(1, "a"), (3, "b")])
    assert result.ok and result.values() == ["a", "b"]
    result.errors.append(RecordError(2, None, None, "bad"))
    assert not result.ok


def test_read_text_accepts_utf8_and_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff안녕".encode("utf-8"))
    assert read_text(path) == "안녕"
    assert read_text(str(path)) == "안녕"
    assert read_text("한글".encode("utf-8")) == "한글"


def test_read_text_rejects_non_utf8_with_byte_and_offset():
    with pytest.raises(FormatError) as info:
        read_text(b"ab" + "한".encode("cp949"))
    assert str(info.value) == "file is not UTF-8 encoded (byte 0xc7 at offset 2)"


def test_read_text_missing_file_is_a_format_error(tmp_path):
    with pytest.raises(FormatError, match="cannot read"):
        read_text(tmp_path / "missing.jsonl")


def test_read_source_tells_content_from_paths(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n', encoding="utf-8")
    assert read_source(str(path)) == '{"a": 1}\n'
    assert read_source('{"a": 1}') == '{"a": 1}'
    assert read_source(["x", "y"]) == ["x", "y"]


def test_json_lines_with_a_malformed_line_among_good_ones():
    text = '{"a": 1}\n\n{"a": \n{"a": 3}\n'
    items = list(iter_json_records(text))
    assert [line for line, _ in items] == [1, 3, 4]
    assert items[0][1] == {"a": 1} and items[2][1] == {"a": 3}
    error = items[1][1]
    assert isinstance(error, RecordError) and error.line == 3 and "malformed JSON" in error.message


def test_first_line_malformed_still_reads_the_rest():
    items = list(iter_json_records('{"a": \n{"a": 2}\n'))
    assert isinstance(items[0][1], RecordError) and items[1] == (2, {"a": 2})


def test_json_list_uses_item_index_as_line():
    assert list(iter_json_records('[{"a": 1}, {"a": 2}]')) == [(1, {"a": 1}), (2, {"a": 2})]


def test_single_pretty_printed_object():
    text = json.dumps({"a": 1, "b": [1, 2]}, indent=2)
    assert list(iter_json_records("\n" + text)) == [(2, {"a": 1, "b": [1, 2]})]


def test_broken_pretty_printed_document_gives_one_error():
    items = list(iter_json_records('{\n  "a": 1,\n  "b": \n}\n'))
    assert len(items) == 1 and isinstance(items[0][1], RecordError)
    items = list(iter_json_records('[\n {"a": 1},\n {"a": \n]\n'))
    assert len(items) == 1 and isinstance(items[0][1], RecordError)


def test_iterables_of_lines_and_of_objects():
    assert list(iter_json_records(['{"a": 1}', b'{"a": 2}', "  "])) == [(1, {"a": 1}), (2, {"a": 2})]
    assert list(iter_json_records([{"a": 1}])) == [(1, {"a": 1})]
    bad = list(iter_json_records([b"\xff"]))
    assert isinstance(bad[0][1], RecordError) and "not UTF-8" in bad[0][1].message


def test_empty_text_has_no_records():
    assert list(iter_json_records("  \n")) == []
