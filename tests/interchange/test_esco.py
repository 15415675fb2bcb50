from __future__ import annotations

import shutil

import pytest

from jobcenter.interchange.errors import FormatError
from jobcenter.interchange.esco import parse_esco_dir, parse_esco_occupations, parse_isco_groups

HEADER = ("ORIGINURI,ID,UUIDHISTORY,ISCOGROUPCODE,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION,DEFINITION,"
          "SCOPENOTE,REGULATEDPROFESSIONNOTE,OCCUPATIONTYPE,ISLOCALIZED\n")


def test_fixture_directory(fixtures):
    groups, occupations = parse_esco_dir(fixtures / "esco")
    assert groups.ok and len(groups.records) == 14
    assert len(occupations.records) == 3
    first = occupations.records[0][1]
    assert first.code == "2654.1.7" and first.isco_group == "2654"
    assert first.preferred_label == "technical director"
    assert first.alt_labels[:2] == ["technical and operations director", "head of technical"]
    assert first.regulated_note.endswith("/unregulated")
    (error,) = occupations.errors
    assert error.field == "ISCOGROUPCODE" and error.key == "3155.1" and error.line > 4


def test_multiline_alt_labels_keep_line_numbers():
    text = (HEADER
            + 'http://x/o/1,k1,u,2654,2654.1,one,"a\nb\n\nb",d,,,http://r/unregulated,escooccupation,false\n'
            + 'http://x/o/2,k2,u,2654,2654.2,two,,d2,,,,escooccupation,false\n'
            + 'http://x/o/3,k3,u,2654,9999.1,,,d3,,,,escooccupation,false\n')
    result = parse_esco_occupations(text, isco_codes={"2654"})
    assert [(line, r.alt_labels) for line, r in result.records] == [(2, ["a", "b"]), (6, [])]
    assert {(e.line, e.field) for e in result.errors} == {(7, "CODE"), (7, "PREFERREDLABEL")}


def test_unknown_isco_group_is_reported():
    text = HEADER + "http://x/o/1,k1,u,1111,1111.1,one,,d,,,,escooccupation,false\n"
    (error,) = parse_esco_occupations(text, isco_codes={"2654"}).errors
    assert error.field == "ISCOGROUPCODE" and "not in ISCOGroups.csv" in error.message


def test_missing_column_is_a_format_error(fixtures):
    with pytest.raises(FormatError, match="occupations.csv: missing required column ALTLABELS"):
        parse_esco_dir(fixtures / "esco_missing_column")


def test_missing_file_and_directory(tmp_path, fixtures):
    shutil.copy(fixtures / "esco" / "occupations.csv", tmp_path / "occupations.csv")
    with pytest.raises(FormatError, match="ISCOGroups.csv is missing"):
        parse_esco_dir(tmp_path)
    with pytest.raises(FormatError, match="not found"):
        parse_esco_dir(tmp_path / "nope")


def test_not_utf8_is_a_format_error(tmp_path):
    (tmp_path / "ISCOGroups.csv").write_bytes(b"ORIGINURI,ID,UUIDHISTORY,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION\n"
                                              b"http://x/C1,k,u,1,Caf\xe9,,\n")
    (tmp_path / "occupations.csv").write_text(HEADER, encoding="utf-8")
    with pytest.raises(FormatError, match=r"ISCOGroups.csv: file is not UTF-8 encoded \(byte 0xe9 at offset"):
        parse_esco_dir(tmp_path)


def test_isco_groups_validation():
    text = ("ORIGINURI,ID,UUIDHISTORY,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION\n"
            "http://x/C2,k,u,2,Professionals,,d\nhttp://x/C2x,k,u,2a,Bad,,\nhttp://x/C2,k,u,2,Again,,\n")
    result = parse_isco_groups(text)
    assert [r.code for r in result.values()] == ["2"]
    assert [(e.line, e.field) for e in result.errors] == [(3, "CODE"), (4, "ORIGINURI")]
