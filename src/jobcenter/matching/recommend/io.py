"""Interchange records → engine documents: schema.org JobPosting and JSON Resume (+ ``x-jobcenter``) to
:class:`PostingDoc` / :class:`SeekerDoc`, with units normalised (monthly KRW, education rank, months).

Uses the pure parsers of :mod:`jobcenter.interchange` (no Django) and the plain-data vocabularies of
:mod:`jobcenter.taxonomy.reference`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jobcenter.nlp.text import fold

from .types import CareerItem, PostingDoc, SeekerDoc

#: Monthly equivalents. 209 hours = 40 h a week plus the paid weekly rest day (주휴), the basis of the Korean
#: monthly minimum wage; 21.75 working days and 4.345 weeks a month on average.
MONTHLY_FACTOR = {"HOUR": 209.0, "DAY": 21.75, "WEEK": 4.345, "MONTH": 1.0, "YEAR": 1 / 12}


@lru_cache(maxsize=1)
def _education_aliases() -> dict[str, int]:
    from jobcenter.taxonomy.reference import EDUCATION_LEVELS

    out: dict[str, int] = {}
    for level in EDUCATION_LEVELS:
        for text in [level["code"], level["name_ko"], level["name_en"], *level["aliases"]]:
            out.setdefault(fold(text), int(level["rank"]))
    return out


def education_rank(text: str | None) -> int | None:
    """``"대학교 졸업"`` / ``"bachelor degree"`` / ``"BACHELOR"`` → 5; None when unknown or empty."""
    if not text:
        return None
    aliases = _education_aliases()
    key = fold(text)
    if key in aliases:
        return aliases[key]
    # "대학원 졸업(석사)", "고졸 이상": the longest known alias the text starts with
    best = None
    for alias, rank in aliases.items():
        if alias and key.startswith(alias) and (best is None or len(alias) > best[0]):
            best = (len(alias), rank)
    return best[1] if best else None


def monthly(amount: float | int | None, unit: str | None) -> int | None:
    if amount is None:
        return None
    return int(round(float(amount) * MONTHLY_FACTOR.get((unit or "MONTH").upper(), 1.0)))


def months_between(start: date | None, end: date | None) -> int:
    if start is None or end is None or end < start:
        return 0
    return (end.year - start.year) * 12 + (end.month - start.month) - (1 if end.day < start.day else 0)


def posting_doc(record: Any) -> PostingDoc:
    """A :class:`~jobcenter.interchange.jobposting.PostingRecord` as an engine document."""
    code = record.occupation_code if (record.occupation_scheme or "KECO").upper() == "KECO" else None
    region = " ".join(x for x in (record.address_region, record.address_locality) if x)
    return PostingDoc(
        id=record.identifier, title=record.title, description=record.description or "",
        occupation_code=code, required_licences=list(record.qualifications),
        education_rank=education_rank(record.education), experience_months=int(record.experience_months or 0),
        employment_type=(record.employment_types[0] if record.employment_types else "FULL_TIME"),
        wage_min=monthly(record.salary_min, record.salary_unit),
        wage_max=monthly(record.salary_max, record.salary_unit),
        latitude=record.latitude, longitude=record.longitude, region=region,
        company=record.organization_name or "", posted_on=record.date_posted, closes_on=record.valid_through,
    )


def seeker_doc(record: Any, today: date | None = None) -> SeekerDoc:
    """A :class:`~jobcenter.interchange.jsonresume.SeekerRecord` as an engine document.

    A career without an end date runs to ``today``. The education rank is the highest level listed. Nothing
    about the person (name, contacts, age) is carried over.
    """
    today = today or date.today()
    # most recent first: a current job (no end date) before ended ones, then by end date (stable for ties)
    work = sorted((w for w in record.work if w.position or w.summary),
                  key=lambda w: (w.end_date is not None, -(w.end_date or today).toordinal()))
    careers = [CareerItem(title=w.position or "", duties=w.summary or "",
                          months=months_between(w.start_date, w.end_date or today), occupation_code=w.occupation_code)
               for w in work]
    ranks = [r for r in (education_rank(e.study_type) for e in record.education) if r is not None]
    region = " ".join(x for x in (record.pref_region or record.region, record.pref_locality or record.city) if x)
    return SeekerDoc(
        id=record.identifier, careers=careers, education_rank=max(ranks) if ranks else None,
        licences=[c.name for c in record.certificates if c.name],
        training=[t.name for t in record.training if t.name and t.completed is not False],
        desired_occupation_texts=list(record.desired_occupations),
        latitude=record.pref_latitude, longitude=record.pref_longitude, region=region,
        max_commute_km=record.max_commute_km,
        desired_monthly_wage=monthly(record.desired_wage, record.desired_wage_unit),
        employment_types=list(record.employment_types),
    )


def read_postings(path: str | Path) -> tuple[list[PostingDoc], list[Any]]:
    """Postings from a JSON-lines file of schema.org JobPostings: ``(docs, errors)``."""
    from jobcenter.interchange.jobposting import parse_postings

    result = parse_postings(Path(path))
    return [posting_doc(r) for r in result.values()], list(result.errors)


def read_seekers(path: str | Path, today: date | None = None) -> tuple[list[SeekerDoc], list[Any]]:
    """Seekers from a JSON-lines file of JSON Resumes with ``x-jobcenter``: ``(docs, errors)``."""
    from jobcenter.interchange.jsonresume import parse_seekers

    result = parse_seekers(Path(path))
    return [seeker_doc(r, today) for r in result.values()], list(result.errors)
