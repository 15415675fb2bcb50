"""Work24 (고용24, formerly WorkNet) Open API recruitment (채용정보) XML → PostingRecord.

Documented responses (Work24 Open API service pages, 채용정보 목록/상세):

* list (``callTp=L``): ``<wantedRoot>`` with ``<total>``, ``<startPage>``,
  ``<display>`` and repeated ``<wanted>`` items holding ``wantedAuthNo,
  company, busino, indTpNm, title, salTpNm, sal, minSal, maxSal, region,
  holidayTpNm, minEdubg, maxEdubg, career, regDt, closeDt, infoSvc,
  wantedInfoUrl, wantedMobileInfoUrl, smodifyDtm, zipCd, strtnmCd, basicAddr,
  detailAddr, empTpCd, jobsCd, prefCd``;
* detail (``callTp=D``): ``<wantedDtl>`` with ``<corpInfo>`` (corpNm, ...),
  ``<wantedInfo>`` (wantedTitle, jobsNm, jobCont, receiptCloseDt, empTpNm,
  empTpCd, collectPsncnt, salTpNm, salTpCd, enterTpNm, eduNm, certificate,
  workRegion, workdayWorkhrCont, jobsCd, regionCd, ...) and
  ``<empchargeInfo>`` (contact data, deliberately not read).

The documented detail response names neither the posting nor its
registration date, so ``parse_recruit_detail`` takes ``wanted_auth_no=`` and
the list record (``listed=``) to complete the posting, or ``date_posted=`` for
a stand-alone detail; without them the record is rejected with errors that say
what to pass (a ``wantedAuthNo``/``regDt`` element is used if one is there).

Mapping choices (assumptions, not documented):

* ``empTpCd`` 10 → FULL_TIME; 11 → PART_TIME; 20 → FULL_TIME + TEMPORARY;
  21 → PART_TIME + TEMPORARY; 4 (파견근로, a request filter) → OTHER;
  Y (대체인력채용, a request filter) → TEMPORARY.
* ``jobsCd`` is Work24's own 직종코드, kept with ``occupation_scheme="WORK24"``
  (it is not a 4-digit KECO code).
* ``sal`` text such as "250만원 ~ 300만원", "월급 250만원 이상" or
  "연봉30,000,000원 이상 ~ 35,000,000원 이하" gives the amounts; when it has
  no amount, ``minSal``/``maxSal`` are used (0 means "not given").
* ``career``/``enterTpNm``: 신입 or 관계없음 → 0 months; "경력 2년 이상" → 24;
  "경력" alone → unknown (None).
* abbreviated regions ("서울 강남구") are expanded to the full province name
  ("서울특별시", locality "강남구") as in the other sources.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields as dataclass_fields
from datetime import date
from typing import Any
from urllib.parse import quote
from xml.etree.ElementTree import Element

from .errors import FormatError, ParseResult, RecordError
from .jobposting import DEFAULT_OCCUPATION_SCHEME, PostingRecord, check_posting, split_qualifications
from .textio import Source
from .values import Invalid, Issues, describe, to_int, to_text
from .xmlio import Work24ApiError, child_text, parse_xml

__all__ = [
    "EMPLOYMENT_TYPE_CODES",
    "OCCUPATION_SCHEME",
    "RecruitListResult",
    "WAGE_TYPES",
    "Work24ApiError",
    "parse_recruit_detail",
    "parse_recruit_item",
    "parse_recruit_list",
    "parse_recruit_xml",
    "parse_wage_text",
    "parse_work24_date",
    "wanted_detail_url",
]

OCCUPATION_SCHEME = "WORK24"

#: empTpCd → (documented name, schema.org employment types).
EMPLOYMENT_TYPE_CODES: dict[str, tuple[str, list[str]]] = {
    "10": ("기간의 정함이 없는 근로계약", ["FULL_TIME"]),
    "11": ("기간의 정함이 없는 근로계약(시간(선택)제)", ["PART_TIME"]),
    "20": ("기간의 정함이 있는 근로계약", ["FULL_TIME", "TEMPORARY"]),
    "21": ("기간의 정함이 있는 근로계약(시간(선택)제)", ["PART_TIME", "TEMPORARY"]),
    "4": ("파견근로", ["OTHER"]),
    "Y": ("대체인력채용", ["TEMPORARY"]),
}
#: Wage type (salTpNm, and the salTp / salTpCd codes) → QuantitativeValue unitText.
WAGE_TYPES = {"시급": "HOUR", "일급": "DAY", "주급": "WEEK", "월급": "MONTH", "연봉": "YEAR"}
WAGE_TYPE_CODES = {"H": "HOUR", "D": "DAY", "M": "MONTH", "Y": "YEAR"}

_PROVINCES = {
    "서울": "서울특별시", "부산": "부산광역시", "대구": "대구광역시", "인천": "인천광역시",
    "광주": "광주광역시", "대전": "대전광역시", "울산": "울산광역시", "세종": "세종특별자치시",
    "경기": "경기도", "강원": "강원특별자치도", "충북": "충청북도", "충남": "충청남도",
    "전북": "전북특별자치도", "전남": "전라남도", "경북": "경상북도", "경남": "경상남도",
    "제주": "제주특별자치도",
}
_OPEN_ENDED = ("채용시까지", "상시", "수시", "마감시", "충원시")

#: Where each PostingRecord attribute comes from in a list item.
LIST_FIELDS = {
    "identifier": "wantedAuthNo", "title": "title", "date_posted": "regDt", "valid_through": "closeDt",
    "organization_name": "company", "organization_id": "busino", "occupation_code": "jobsCd",
    "employment_types": "empTpCd", "salary_unit": "salTpNm", "salary_min": "sal", "salary_max": "sal",
    "experience_months": "career", "education": "minEdubg", "address_region": "region",
    "address_locality": "region", "street_address": "basicAddr", "postal_code": "zipCd",
    "work_hours": "holidayTpNm", "url": "wantedInfoUrl",
}
#: Where each PostingRecord attribute comes from in a detail response.
DETAIL_FIELDS = {
    "identifier": "wantedAuthNo", "title": "wantedInfo/wantedTitle", "description": "wantedInfo/jobCont",
    "date_posted": "regDt", "valid_through": "wantedInfo/receiptCloseDt",
    "organization_name": "corpInfo/corpNm", "occupation_code": "wantedInfo/jobsCd",
    "employment_types": "wantedInfo/empTpCd", "salary_unit": "wantedInfo/salTpCd",
    "salary_min": "wantedInfo/salTpNm", "salary_max": "wantedInfo/salTpNm",
    "experience_months": "wantedInfo/enterTpNm", "education": "wantedInfo/eduNm",
    "qualifications": "wantedInfo/certificate", "openings": "wantedInfo/collectPsncnt",
    "work_hours": "wantedInfo/workdayWorkhrCont", "address_region": "wantedInfo/workRegion",
    "address_locality": "wantedInfo/workRegion", "street_address": "wantedInfo/workRegion",
    "postal_code": "wantedInfo/workRegion",
}


def wanted_detail_url(wanted_auth_no: str) -> str:
    """The Work24 posting page the terms of use require links to point at."""
    return ("https://www.work24.go.kr/wk/a/b/1500/empDetailAuthView.do?wantedAuthNo="
            f"{quote(wanted_auth_no)}&infoTypeCd=VALIDATION&infoTypeGroup=tb_workinfoworknet")


# --------------------------------------------------------------------------
# value parsers

_DATE_PATTERNS = (
    re.compile(r"(?<![0-9])([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})(?![0-9])"),
    re.compile(r"(?<![0-9])([0-9]{4})([0-9]{2})([0-9]{2})(?:[0-9]{4}|[0-9]{6})?(?![0-9])"),
    re.compile(r"(?<![0-9])([0-9]{2})[-./]([0-9]{1,2})[-./]([0-9]{1,2})(?![0-9])"),
)


def parse_work24_date(value: Any, *, open_ended_ok: bool = False) -> date | None:
    """A Work24 date: 25-06-30, 2025-06-30, 20250630 (a time may follow).

    With ``open_ended_ok``, text such as "채용시까지" without a date gives None,
    and "채용시까지 25-07-31" gives the date.
    """
    text = to_text(value)
    if text is None:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            if year < 100:
                year += 2000
            try:
                return date(year, month, day)
            except ValueError as exc:
                raise Invalid(f"{match.group(0)!r} is not a real date ({exc})") from None
    if open_ended_ok and any(word in text.replace(" ", "") for word in _OPEN_ENDED):
        return None
    raise Invalid(f"expected a date like 25-06-30 or 2025-06-30, got {describe(text)}")


_AMOUNT = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*(억|천만|백만|만|천)?\s*(원)?")
_SCALE = {None: 1, "천": 1_000, "만": 10_000, "백만": 1_000_000, "천만": 10_000_000, "억": 100_000_000}


def parse_wage_text(value: Any) -> tuple[int | None, int | None, str | None] | None:
    """Amounts in a Work24 wage text, as (minimum, maximum, unit).

    "250만원 ~ 300만원" → (2500000, 3000000, None); "월급 250만원 이상" →
    (2500000, None, "MONTH"); "2,500,000원 이하" → (None, 2500000, None);
    "3000만원" → (30000000, 30000000, None).  Returns None when the text has
    no amount in won (e.g. "회사내규에 따름").
    """
    text = to_text(value)
    if text is None:
        return None
    unit = next((code for word, code in WAGE_TYPES.items() if text.startswith(word)), None)
    amounts: list[tuple[int, int]] = []  # (amount, end position)
    for match in _AMOUNT.finditer(text):
        number, scale, won = match.groups()
        if scale is None and won is None:
            continue  # a bare number (hours, years) is not an amount of money
        amount = round(float(number.replace(",", "")) * _SCALE[scale])
        if amounts and scale != "억" and text[amounts[-1][1]:match.start()].strip() == "" \
                and amounts[-1][0] % 100_000_000 == 0 and amount < 100_000_000:
            amounts[-1] = (amounts[-1][0] + amount, match.end())  # "1억 2000만원"
            continue
        amounts.append((amount, match.end()))
    if not amounts:
        return None
    if len(amounts) >= 2:
        return amounts[0][0], amounts[1][0], unit
    amount, end = amounts[0]
    after = text[end:end + 6]
    if "이상" in after or "부터" in after:
        return amount, None, unit
    if "이하" in after or "까지" in after or "미만" in after:
        return None, amount, unit
    return amount, amount, unit


def _wage_type(value: Any) -> str | None:
    text = to_text(value)
    if text is None:
        return None
    for word, code in WAGE_TYPES.items():
        if text.startswith(word):
            return code
    raise Invalid(f"unknown wage type {describe(text)}; expected 시급, 일급, 주급, 월급 or 연봉")


def _wage_type_code(value: Any) -> str | None:
    text = to_text(value)
    if text is None:
        return None
    if text.upper() not in WAGE_TYPE_CODES:
        raise Invalid(f"unknown wage type code {describe(text)}; expected H, D, M or Y")
    return WAGE_TYPE_CODES[text.upper()]


def _employment(value: Any) -> list[str]:
    text = to_text(value)
    if text is None:
        return []
    result: list[str] = []
    for code in re.split(r"[,|]", text):
        code = code.strip()
        if not code:
            continue
        if code not in EMPLOYMENT_TYPE_CODES:
            raise Invalid(f"unknown employment type code {describe(code)}; expected one of "
                          + ", ".join(EMPLOYMENT_TYPE_CODES))
        result += [kind for kind in EMPLOYMENT_TYPE_CODES[code][1] if kind not in result]
    return result


def _employment_name(value: Any) -> list[str]:
    text = (to_text(value) or "").replace(" ", "")
    if not text:
        return []
    part_time = "시간(선택)제" in text or "시간선택제" in text
    if "정함이없는" in text:
        return ["PART_TIME"] if part_time else ["FULL_TIME"]
    if "정함이있는" in text:
        return ["PART_TIME" if part_time else "FULL_TIME", "TEMPORARY"]
    if text.startswith("파견"):
        return ["OTHER"]
    if text.startswith("대체인력"):
        return ["TEMPORARY"]
    raise Invalid(f"unknown employment type {describe(value)}")


def _experience(value: Any) -> int | None:
    text = to_text(value)
    if text is None:
        return None
    compact = text.replace(" ", "")
    if "신입" in compact or "관계없음" in compact or "무관" in compact:
        return 0
    years = re.search(r"([0-9]+)년", compact)
    months = re.search(r"([0-9]+)개월", compact)
    if years or months:
        return (int(years.group(1)) * 12 if years else 0) + (int(months.group(1)) if months else 0)
    return None


def _openings(value: Any) -> int | None:
    text = to_text(value)
    if text is None:
        return None
    match = re.search(r"[0-9]+", text.replace(",", ""))
    if not match:
        return None  # "○명", "00명": not stated
    return int(match.group(0)) or None


def _region(value: Any) -> tuple[str | None, str | None]:
    text = to_text(value)
    if text is None:
        return None, None
    text = re.sub(r"^\([0-9]{5}\)\s*", "", text.split(",")[0].strip())
    tokens = text.split()
    if not tokens or tokens[0] == "전국":
        return None, None
    region = _PROVINCES.get(tokens[0], tokens[0])
    return region, tokens[1] if len(tokens) > 1 else None


# --------------------------------------------------------------------------
# records


def _fields(node: Element | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(node, Mapping):
        return dict(node)
    return {child.tag: child_text(node, child.tag) for child in node if not len(child)}


class _Builder:
    """Collects converted PostingRecord values and their errors for one item."""

    def __init__(self, line: int | None, names: Mapping[str, str]) -> None:
        self.issues = Issues(line)
        self.names = dict(names)
        self.values: dict[str, Any] = {}
        self.skip: set[str] = set()

    def take(self, attr: str, name: str, convert, value: Any) -> Any:
        before = len(self.issues.errors)
        result = self.issues.take(name, convert, value)
        if len(self.issues.errors) > before:
            self.skip.add(attr)
        self.values[attr] = result
        self.names.setdefault(attr, name)
        return result

    def salary(self, sal_name: str, sal: Any, min_sal: Any = None, max_sal: Any = None) -> None:
        parsed = self.issues.take(sal_name, parse_wage_text, sal)
        if parsed is not None:
            low, high, unit = parsed
            self.names["salary_min"] = self.names["salary_max"] = sal_name
            if unit and self.values.get("salary_unit") is None and "salary_unit" not in self.skip:
                self.values["salary_unit"] = unit
        else:
            low = self.take("salary_min", "minSal", to_int, min_sal) or None
            high = self.take("salary_max", "maxSal", to_int, max_sal) or None
            self.names["salary_min"], self.names["salary_max"] = "minSal", "maxSal"
        self.values["salary_min"], self.values["salary_max"] = low, high

    def finish(self, base: PostingRecord | None = None) -> PostingRecord | list[RecordError]:
        values = {f.name: getattr(base, f.name) for f in dataclass_fields(PostingRecord)} if base else {}
        for attr, value in self.values.items():
            if value not in (None, [], "") or attr not in values:
                values[attr] = value
        values.setdefault("description", "")
        values["description"] = values["description"] or ""
        if values.get("occupation_code") is None:
            values["occupation_scheme"] = DEFAULT_OCCUPATION_SCHEME
        values.setdefault("occupation_scheme", OCCUPATION_SCHEME)
        values.setdefault("salary_currency", "KRW")
        for f in dataclass_fields(PostingRecord):
            values.setdefault(f.name, [] if f.name in ("qualifications", "employment_types") else None)
        check_posting(values, self.issues, self.names, self.skip)
        if self.issues:
            return self.issues.errors
        return PostingRecord(**values)


def parse_recruit_item(item: Element | Mapping[str, Any], *,
                       line: int | None = None) -> PostingRecord | list[RecordError]:
    """One ``<wanted>`` item of a list response (or a dict of its fields)."""
    raw = _fields(item)
    b = _Builder(line, LIST_FIELDS)
    b.issues.key = b.take("identifier", "wantedAuthNo", to_text, raw.get("wantedAuthNo"))
    b.take("title", "title", to_text, raw.get("title"))
    b.take("date_posted", "regDt", parse_work24_date, raw.get("regDt"))
    b.take("valid_through", "closeDt", lambda v: parse_work24_date(v, open_ended_ok=True), raw.get("closeDt"))
    b.take("organization_name", "company", to_text, raw.get("company"))
    b.take("organization_id", "busino", to_text, raw.get("busino"))
    b.take("occupation_code", "jobsCd", to_text, raw.get("jobsCd"))
    b.values["occupation_scheme"] = OCCUPATION_SCHEME
    b.take("employment_types", "empTpCd", _employment, raw.get("empTpCd"))
    b.take("salary_unit", "salTpNm", _wage_type, raw.get("salTpNm"))
    b.salary("sal", raw.get("sal"), raw.get("minSal"), raw.get("maxSal"))
    b.take("experience_months", "career", _experience, raw.get("career"))
    b.take("education", "minEdubg", to_text, raw.get("minEdubg"))
    region, locality = b.issues.take("region", _region, raw.get("region")) or (None, None)
    b.values["address_region"], b.values["address_locality"] = region, locality
    street = " ".join(part for part in (to_text(raw.get("basicAddr")), to_text(raw.get("detailAddr"))) if part)
    b.values["street_address"] = street or None
    b.take("postal_code", "zipCd", to_text, raw.get("zipCd"))
    b.take("work_hours", "holidayTpNm", to_text, raw.get("holidayTpNm"))
    url = b.take("url", "wantedInfoUrl", to_text, raw.get("wantedInfoUrl"))
    if url is None and b.values.get("identifier"):
        b.values["url"] = wanted_detail_url(b.values["identifier"])
    return b.finish()


@dataclass(slots=True)
class RecruitListResult(ParseResult[PostingRecord]):
    """A list response: the parsed items plus the paging numbers."""

    total: int = 0
    start_page: int = 1
    display: int = 0


def parse_recruit_list(source: Source) -> RecruitListResult:
    """Read a list response (``<wantedRoot>``).

    The "line" of each record or error is the 1-based position of its
    ``<wanted>`` item.  Raises FormatError for malformed XML (with the
    parser's message) and Work24ApiError for an error response.
    """
    return _list_from_root(parse_xml(source, ("wantedRoot",)))


def _list_from_root(root: Element) -> RecruitListResult:
    items = root.findall("wanted")
    result = RecruitListResult()
    for tag, default in (("total", len(items)), ("startPage", 1), ("display", len(items))):
        text = child_text(root, tag)
        try:
            number = to_int(text)
        except Invalid:
            raise FormatError(f"<{tag}> is not a number: {describe(text)}") from None
        setattr(result, {"startPage": "start_page"}.get(tag, tag), default if number is None else number)
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        try:
            parsed = parse_recruit_item(item, line=index)
        except Exception as exc:  # a bug must not lose the other items
            parsed = [RecordError(index, child_text(item, "wantedAuthNo"), None,
                                  f"could not read this item ({exc!r})")]
        if isinstance(parsed, list):
            result.errors.extend(parsed)
        elif parsed.identifier in seen:
            result.errors.append(RecordError(index, parsed.identifier, "wantedAuthNo",
                                             f"duplicate of item {seen[parsed.identifier]}"))
        else:
            seen[parsed.identifier] = index
            result.records.append((index, parsed))
    return result


def parse_recruit_detail(source: Source, *, wanted_auth_no: str | None = None,
                         listed: PostingRecord | None = None,
                         date_posted: date | None = None) -> ParseResult[PostingRecord]:
    """Read a detail response (``<wantedDtl>``) into one PostingRecord.

    ``listed`` (the record from the list response) supplies what the detail
    lacks (registration date, business number) and is overridden by every
    field the detail does give.  Without ``listed``, ``date_posted`` (for
    example the day the posting was fetched) stands in for the registration
    date the detail response does not carry; without either, the record is
    rejected with an error saying so.  Raises FormatError for malformed XML or
    a response without ``<wantedInfo>``, and Work24ApiError for an error
    response.
    """
    return _detail_from_root(parse_xml(source, ("wantedDtl",)), wanted_auth_no=wanted_auth_no,
                             listed=listed, date_posted=date_posted)


def parse_recruit_xml(source: Source, *, wanted_auth_no: str | None = None,
                      date_posted: date | None = None) -> ParseResult[PostingRecord]:
    """Read a list response or a detail response, whichever ``source`` holds.

    A list gives a :class:`RecruitListResult`; a detail gives one record.  The
    documented detail response names neither the posting (``wantedAuthNo``)
    nor its registration date, so a stand-alone detail needs
    ``wanted_auth_no`` and ``date_posted`` (see :func:`parse_recruit_detail`);
    without them it is rejected with errors that say so.
    """
    root = parse_xml(source, ("wantedRoot", "wantedDtl"))
    if root.tag == "wantedRoot":
        return _list_from_root(root)
    return _detail_from_root(root, wanted_auth_no=wanted_auth_no, date_posted=date_posted)


def _detail_from_root(root: Element, *, wanted_auth_no: str | None = None, listed: PostingRecord | None = None,
                      date_posted: date | None = None) -> ParseResult[PostingRecord]:
    info = root.find("wantedInfo")
    if info is None:
        raise FormatError("the detail response has no <wantedInfo>: the posting may be closed or unknown")
    corp = root.find("corpInfo")
    raw = _fields(info)
    b = _Builder(1, DETAIL_FIELDS)
    identifier = (to_text(child_text(root, "wantedAuthNo")) or to_text(raw.get("wantedAuthNo"))
                  or wanted_auth_no or (listed.identifier if listed else None))
    b.values["identifier"] = b.issues.key = identifier
    if identifier is None:
        b.skip.add("identifier")
        b.issues.add("wantedAuthNo", "the detail response does not name the posting; pass wanted_auth_no=")
    for other in (wanted_auth_no, listed.identifier if listed else None):
        if other and identifier and other != identifier:
            b.issues.add("wantedAuthNo", f"the response is for {identifier}, not {other}")
    b.take("title", "wantedInfo/wantedTitle", to_text, raw.get("wantedTitle") or raw.get("jobsNm"))
    b.take("description", "wantedInfo/jobCont", to_text, raw.get("jobCont"))
    regdt = child_text(root, "regDt") or raw.get("regDt")
    if regdt is None and listed is None and date_posted is not None:
        b.values["date_posted"] = date_posted
    elif regdt is not None or listed is None:
        b.take("date_posted", "regDt", parse_work24_date, regdt)
        if regdt is None:
            b.skip.add("date_posted")
            b.issues.add("regDt", "the detail response has no registration date; "
                                  "pass the list record as listed= (or date_posted=)")
    b.take("valid_through", "wantedInfo/receiptCloseDt",
           lambda v: parse_work24_date(v, open_ended_ok=True), raw.get("receiptCloseDt"))
    if corp is not None:
        b.take("organization_name", "corpInfo/corpNm", to_text, child_text(corp, "corpNm"))
    code = b.take("occupation_code", "wantedInfo/jobsCd", to_text, raw.get("jobsCd"))
    if code is not None:
        b.values["occupation_scheme"] = OCCUPATION_SCHEME
    if raw.get("empTpCd"):
        b.take("employment_types", "wantedInfo/empTpCd", _employment, raw.get("empTpCd"))
    else:
        b.take("employment_types", "wantedInfo/empTpNm", _employment_name, raw.get("empTpNm"))
    b.take("salary_unit", "wantedInfo/salTpCd", _wage_type_code, raw.get("salTpCd"))
    b.salary("wantedInfo/salTpNm", raw.get("salTpNm"))
    b.take("experience_months", "wantedInfo/enterTpNm", _experience, raw.get("enterTpNm"))
    b.take("education", "wantedInfo/eduNm", to_text, raw.get("eduNm"))
    b.take("qualifications", "wantedInfo/certificate", split_qualifications, raw.get("certificate"))
    b.take("openings", "wantedInfo/collectPsncnt", _openings, raw.get("collectPsncnt"))
    b.take("work_hours", "wantedInfo/workdayWorkhrCont", to_text, raw.get("workdayWorkhrCont"))
    place = to_text(raw.get("workRegion"))
    if place:
        postal = re.match(r"\(?([0-9]{5})\)?\s*", place)
        b.values["postal_code"] = postal.group(1) if postal else None
        b.values["address_region"], b.values["address_locality"] = _region(place)
        b.values["street_address"] = place[postal.end():] if postal else place
    if identifier and not (listed and listed.url):
        b.values["url"] = wanted_detail_url(identifier)
    result: ParseResult[PostingRecord] = ParseResult()
    parsed = b.finish(listed)
    if isinstance(parsed, list):
        result.errors.extend(parsed)
    else:
        result.records.append((1, parsed))
    return result
