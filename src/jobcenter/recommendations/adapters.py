"""Models → the engine's plain dataclasses (``jobcenter.matching.recommend.types``), with units normalised.

- Wages become KRW per month (``MONTHLY_FACTOR``: 209 hours, 21.7 days, 4.345 weeks a month, a year / 12).
- Occupations become bare KECO 4-digit codes; an ESCO or ISCO code is left out (the engine speaks KECO).
- Education becomes the taxonomy ``EducationLevel.rank`` (0 = none … 7 = doctorate).
- Coordinates: the posting's own, else its workplace's, else its region's hall; the seeker's home, else their
  home region's hall.

``ProtectedAttributes`` (sex, birth year, disability) is never read here: the querysets below neither select nor
prefetch it, and no field of the engine's dataclasses could carry it (tests/recommendations/test_adapters.py
checks both).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from jobcenter.jobs.models import JobPosting
from jobcenter.matching.recommend.types import CareerItem, PostingDoc, SeekerDoc
from jobcenter.seekers.models import SeekerProfile, WageUnit

# Months' worth of one unit of each wage unit (the same factors the search page sorts by).
MONTHLY_FACTOR = {
    WageUnit.HOUR: 209.0,
    WageUnit.DAY: 21.7,
    WageUnit.WEEK: 4.345,
    WageUnit.MONTH: 1.0,
    WageUnit.YEAR: 1 / 12,
}


def monthly_wage(amount: int | float | None, unit: str | None) -> int | None:
    """``amount`` per ``unit`` as whole KRW per month; ``None`` stays ``None``."""
    if amount is None:
        return None
    factor = MONTHLY_FACTOR.get(unit or WageUnit.MONTH, 1.0)
    return int(round(float(amount) * factor))


def keco_code(occupation) -> str | None:
    """The bare KECO code of an occupation ("8173"), or ``None`` for none or another scheme."""
    if occupation is None or occupation.scheme != "KECO":
        return None
    code = (occupation.code or "").strip()
    return code or None


def months_between(start: dt.date | None, end: dt.date | None, today: dt.date) -> int:
    """Whole months worked from ``start`` to ``end`` (today when still working there); 0 without a start."""
    if start is None:
        return 0
    end = end or today
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    # A job of a few days still counts as some experience, not none.
    return max(months, 1 if end > start else 0)


def _point(lat, lon) -> tuple[float, float] | None:
    if lat is None or lon is None:
        return None
    return float(lat), float(lon)


def posting_point(posting: JobPosting) -> tuple[float, float] | None:
    point = _point(posting.latitude, posting.longitude)
    if point is None and posting.workplace_id and posting.workplace is not None:
        point = _point(posting.workplace.latitude, posting.workplace.longitude)
    if point is None and posting.region is not None:
        point = _point(posting.region.latitude, posting.region.longitude)
    return point


def seeker_point(profile: SeekerProfile) -> tuple[float, float] | None:
    point = _point(profile.home_latitude, profile.home_longitude)
    if point is None and profile.home_region is not None:
        point = _point(profile.home_region.latitude, profile.home_region.longitude)
    return point


# --------------------------------------------------------------------------------------------- postings


def _preferred_only(text: str | None) -> bool:
    text = (text or "").lower()
    return ("우대" in text or "preferred" in text) and "필수" not in text and "required" not in text


def posting_doc(posting: JobPosting) -> PostingDoc:
    """One posting as the engine reads it. Expects ``posting_queryset()``'s joins and prefetches."""
    point = posting_point(posting)
    return PostingDoc(
        id=str(posting.pk),
        title=posting.title,
        description=posting.description or "",
        occupation_code=keco_code(posting.occupation),
        required_licences=sorted(c.name for c in posting.required_certifications.all()),
        # The licences as written say whether they are preferred ("우대") rather than required.
        licences_mandatory=not _preferred_only(posting.qualifications_text),
        education_rank=posting.education_level.rank if posting.education_level_id else None,
        experience_months=int(posting.experience_months or 0),
        employment_type=posting.employment_type or "FULL_TIME",
        wage_min=monthly_wage(posting.wage_min, posting.wage_unit),
        wage_max=monthly_wage(posting.wage_max, posting.wage_unit),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        region=posting.region.full_name if posting.region_id else "",
        company=posting.company.name if posting.company_id else "",
        posted_on=posting.posted_on,
        closes_on=posting.closes_on,
    )


def posting_docs(postings: Iterable[JobPosting]) -> list[PostingDoc]:
    return [posting_doc(p) for p in postings]


# --------------------------------------------------------------------------------------------- seekers


def seeker_doc(profile: SeekerProfile, *, today: dt.date) -> SeekerDoc:
    """One seeker as the engine reads it: career, schooling, licences, training and preferences; nothing else.
    Expects ``seeker_queryset()``'s joins and prefetches."""
    careers = [
        CareerItem(
            title=w.title,
            duties=w.duties or "",
            months=months_between(w.start_date, w.end_date, today),
            occupation_code=keco_code(w.occupation),
        )
        for w in profile.work_experiences.all()
    ]
    ranks = [e.level.rank for e in profile.educations.all() if e.level_id and e.level is not None]
    licences: list[str] = []
    for certificate in profile.certificates.all():
        name = certificate.certification.name if certificate.certification_id else certificate.name
        if name and name not in licences:
            licences.append(name)
    training = [t.course_name for t in profile.training_records.all() if t.course_name]

    desired_codes: list[str] = []
    desired_texts: list[str] = []
    max_commute = desired_wage = None
    employment_types: list[str] = []
    preference = _preference(profile)
    if preference is not None:
        for occupation in preference.desired_occupations.all():
            code = keco_code(occupation)
            if code and code not in desired_codes:
                desired_codes.append(code)
        desired_texts = [str(t).strip() for t in (preference.desired_occupation_texts or []) if str(t).strip()]
        max_commute = float(preference.max_commute_km) if preference.max_commute_km is not None else None
        desired_wage = monthly_wage(preference.desired_wage, preference.desired_wage_unit)
        employment_types = [str(t).upper() for t in (preference.employment_types or []) if t]

    point = seeker_point(profile)
    return SeekerDoc(
        id=str(profile.pk),
        careers=careers,
        education_rank=max(ranks) if ranks else None,
        licences=licences,
        training=training,
        desired_occupation_codes=desired_codes,
        desired_occupation_texts=desired_texts,
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        region=profile.home_region.full_name if profile.home_region_id else "",
        max_commute_km=max_commute,
        desired_monthly_wage=desired_wage,
        employment_types=employment_types,
    )


def _preference(profile: SeekerProfile):
    try:
        return profile.preference
    except SeekerProfile.preference.RelatedObjectDoesNotExist:
        return None


def seeker_docs(profiles: Iterable[SeekerProfile], *, today: dt.date) -> list[SeekerDoc]:
    return [seeker_doc(p, today=today) for p in profiles]


# --------------------------------------------------------------------------------------------- training


def course_doc(course):
    """A training course as the engine's ``CourseDoc`` (for the next-best-step suggestions)."""
    from jobcenter.matching.recommend import CourseDoc

    certifications = [c.name for c in course.certifications.all()]
    code = keco_code(course.occupation)
    point = _point(course.latitude, course.longitude)
    if point is None and course.region is not None:
        point = _point(course.region.latitude, course.region.longitude)
    return CourseDoc(
        id=str(course.pk),
        name=course.title,
        occupation_codes=[code] if code else [],
        certification=certifications[0] if certifications else None,
        region=course.region.full_name if course.region_id else "",
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
    )
