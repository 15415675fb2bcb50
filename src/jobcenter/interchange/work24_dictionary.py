"""The Korean Dictionary of Occupations (한국직업사전) as served by the Work24 Open API.

:func:`parse_dictionary` reads the JSON lines form (one API detail object per
line: ``dJobCd``, ``dJobCdSeq``, ``dJobNm``, ``workSum``, ``doWork`` and an
``optionJobInfo`` block).  :func:`parse_dictionary_xml` reads the API's XML
detail responses (root ``<dJobsSum>``, assumed to carry the same element
names as the JSON form) and :func:`parse_dictionary_list_xml` its list
responses (``<dJobList>`` items with ``dJobCd``, ``dJobCdSeq``, ``dJobNm``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import FormatError, ParseResult, RecordError
from .textio import Source, parse_records
from .values import Invalid, Issues, describe, text_list, to_int, to_text
from .xmlio import child_text, element_to_dict, parse_xml

__all__ = [
    "DictionaryJobRecord",
    "DictionaryListItem",
    "DictionaryListResult",
    "parse_dictionary",
    "parse_dictionary_job",
    "parse_dictionary_list_xml",
    "parse_dictionary_xml",
]

_LABEL = re.compile(r"\[([^\]]*)\]\s*")


@dataclass(frozen=True, slots=True)
class DictionaryJobRecord:
    job_code: str                      # dJobCd, e.g. K000007263
    seq: str                           # dJobCdSeq
    name: str                          # dJobNm
    summary: str | None                # workSum
    duties: str | None                 # doWork
    keco_code: str                     # dJobECd, 4 digits (한국고용직업분류)
    keco_name: str | None              # dJobECdNm without the "[0111]" label
    ksco_code: str | None = None       # dJobJCd (한국표준직업분류)
    ksco_name: str | None = None
    ksic_code: str | None = None       # dJobICd (한국표준산업분류), may be "C211/M701"
    ksic_name: str | None = None
    similar_names: list[str] = field(default_factory=list)   # similarNm
    related_jobs: list[str] = field(default_factory=list)    # connectJob
    certifications: list[str] = field(default_factory=list)  # certLic
    education_level: str | None = None                       # eduLevel, raw
    skill_year: str | None = None                            # skillYear, raw
    work_strength: str | None = None                         # workStrong
    work_place: str | None = None                            # workPlace
    inquiry_year: int | None = None                          # inqYear
    note: str | None = None                                  # etc (editor's note)

    @property
    def key(self) -> str:
        return f"{self.job_code}:{self.seq}"


@dataclass(frozen=True, slots=True)
class DictionaryListItem:
    job_code: str
    seq: str
    name: str


@dataclass(slots=True)
class DictionaryListResult(ParseResult[DictionaryListItem]):
    total: int = 0
    start_page: int = 1
    display: int = 0


def _strip_labels(value: Any) -> str | None:
    text = to_text(value)
    if text is None:
        return None
    return _LABEL.sub("", text).strip() or None


def _labels(value: Any) -> list[str]:
    text = to_text(value)
    return _LABEL.findall(text) if text else []


def _related(value: Any) -> list[str]:
    return [re.sub(r"\s+등\.?$", "", name) for name in text_list(value)]


def _code(pattern: str, example: str):
    def check(value: Any) -> str | None:
        text = to_text(value)
        if text is not None and not re.fullmatch(pattern, text):
            raise Invalid(f"expected a code like {example}, got {describe(text)}")
        return text
    return check


def _year(value: Any) -> int | None:
    year = to_int(value)
    if year is not None and not 1900 <= year <= 2100:
        raise Invalid(f"expected a four-digit year, got {year}")
    return year


def parse_dictionary_job(obj: Any, *, line: int | None = None) -> DictionaryJobRecord | list[RecordError]:
    """Read one dictionary job object; return the record or all of its errors."""
    issues = Issues(line)
    if not isinstance(obj, dict):
        issues.add(None, f"expected a JSON object, got {describe(obj)}")
        return issues.errors
    job_code = issues.take("dJobCd", _code(r"[A-Za-z0-9_-]+", "K000007263"), obj.get("dJobCd"))
    seq = issues.take("dJobCdSeq", _code(r"[0-9]+", "1"), obj.get("dJobCdSeq"))
    issues.key = f"{job_code}:{seq}" if job_code and seq else job_code
    info = obj.get("optionJobInfo")
    if info is None:
        info = {}
    elif not isinstance(info, dict):
        issues.add("optionJobInfo", f"expected an object, got {describe(info)}")
        info = {}
    opt = "optionJobInfo."

    values = {
        "job_code": job_code,
        "seq": seq,
        "name": issues.take("dJobNm", to_text, obj.get("dJobNm")),
        "summary": issues.take("workSum", to_text, obj.get("workSum")),
        "duties": issues.take("doWork", to_text, obj.get("doWork")),
        "keco_code": issues.take(opt + "dJobECd", _code(r"[0-9]{4}", "0111 (4 digits)"), info.get("dJobECd")),
        "keco_name": issues.take(opt + "dJobECdNm", _strip_labels, info.get("dJobECdNm")),
        "ksco_code": issues.take(opt + "dJobJCd", _code(r"[0-9]{1,5}", "1110"), info.get("dJobJCd")),
        "ksco_name": issues.take(opt + "dJobJCdNm", _strip_labels, info.get("dJobJCdNm")),
        "ksic_code": issues.take(opt + "dJobICd", _code(r"[A-Z0-9]+(/[A-Z0-9]+)*", "O841 or C211/M701"),
                                 info.get("dJobICd")),
        "ksic_name": issues.take(opt + "dJobICdNm", _strip_labels, info.get("dJobICdNm")),
        "similar_names": issues.take(opt + "similarNm", text_list, info.get("similarNm")) or [],
        "related_jobs": issues.take(opt + "connectJob", _related, info.get("connectJob")) or [],
        "certifications": issues.take(opt + "certLic", text_list, info.get("certLic")) or [],
        "education_level": issues.take(opt + "eduLevel", to_text, info.get("eduLevel")),
        "skill_year": issues.take(opt + "skillYear", to_text, info.get("skillYear")),
        "work_strength": issues.take(opt + "workStrong", to_text, info.get("workStrong")),
        "work_place": issues.take(opt + "workPlace", to_text, info.get("workPlace")),
        "inquiry_year": issues.take(opt + "inqYear", _year, info.get("inqYear")),
        "note": issues.take(opt + "etc", to_text, info.get("etc")),
    }
    for attr, name in (("job_code", "dJobCd"), ("seq", "dJobCdSeq"), ("name", "dJobNm"),
                       ("keco_code", opt + "dJobECd")):
        if values[attr] is None and not any(e.field == name for e in issues.errors):
            issues.add(name, "is required")
    for code_attr, name_key in (("keco_code", "dJobECdNm"), ("ksco_code", "dJobJCdNm")):
        labels = _labels(info.get(name_key)) if isinstance(info.get(name_key), str) else []
        code = values[code_attr]
        if code and labels and labels != [code]:
            issues.add(opt + name_key, f"is labelled [{labels[0]}] but the code is {code}")
    if issues:
        return issues.errors
    return DictionaryJobRecord(**values)


def parse_dictionary(source: Source) -> ParseResult[DictionaryJobRecord]:
    """Read dictionary jobs from JSON lines (or a JSON list, or one object).

    Raises FormatError for a file that is not UTF-8 or cannot be read.
    """
    return parse_records(source, parse_dictionary_job, lambda record: record.key)


def parse_dictionary_xml(source: Source) -> ParseResult[DictionaryJobRecord]:
    """Read a Work24 dictionary detail response (``<dJobsSum>``), or several.

    The "line" of each record is its 1-based position in the document.
    Raises FormatError for malformed XML and Work24ApiError for an error response.
    """
    root = parse_xml(source, ("dJobsSum", "dJobsSumList", "dJobsList"))
    items = [root] if root.tag == "dJobsSum" else root.findall(".//dJobsSum")
    result: ParseResult[DictionaryJobRecord] = ParseResult()
    for index, item in enumerate(items, start=1):
        parsed = parse_dictionary_job(element_to_dict(item), line=index)
        if isinstance(parsed, list):
            result.errors.extend(parsed)
        else:
            result.records.append((index, parsed))
    return result


def parse_dictionary_list_xml(source: Source) -> DictionaryListResult:
    """Read a Work24 dictionary list response (``<dJobList>`` items with total/startPage/display)."""
    root = parse_xml(source, None)  # the list's root element name is not documented
    items = root.findall(".//dJobList") if root.tag != "dJobList" else [root]
    if not items and root.find("total") is None:
        raise FormatError(f"<{root.tag}> has neither <dJobList> items nor <total>: not a dictionary list")
    result = DictionaryListResult()
    result.total = to_int(child_text(root, "total")) or 0
    result.start_page = to_int(child_text(root, "startPage")) or 1
    result.display = to_int(child_text(root, "display")) or 0
    for index, item in enumerate(items, start=1):
        issues = Issues(index)
        code, seq, name = (child_text(item, tag) for tag in ("dJobCd", "dJobCdSeq", "dJobNm"))
        issues.key = code
        for tag, value in (("dJobCd", code), ("dJobNm", name)):
            if not value:
                issues.add(tag, "is required")
        if issues:
            result.errors.extend(issues.errors)
        else:
            result.records.append((index, DictionaryListItem(code, seq or "1", name)))
    return result
