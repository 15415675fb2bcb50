"""JSON Resume with the ``x-jobcenter`` block: the :class:`SeekerRecord`, its parser and writer.

The ``x-jobcenter`` block carries what JSON Resume has no place for: desired
occupations, the home region with coordinates, the commuting radius, the
desired wage, employment types, availability, consent to be found by
employers (``discoverable``) and completed training.

Privacy rule: a record in which *any* value looks like a Korean resident
registration number (주민등록번호, also the foreigner registration number
with the same layout) is rejected with an error naming the field, and the
value itself is never repeated in a message.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from .errors import ParseResult, RecordError
from .textio import Source, parse_records
from .values import (
    Invalid,
    Issues,
    describe,
    employment_types,
    latitude,
    longitude,
    non_negative_int,
    not_before,
    parse_date,
    parse_partial_date,
    salary_unit,
    text_list,
    to_bool,
    to_float,
    to_text,
)

__all__ = [
    "CertificateRecord",
    "EducationRecord",
    "SeekerRecord",
    "TrainingRecord",
    "WorkRecord",
    "find_resident_numbers",
    "parse_seeker",
    "parse_seekers",
    "seeker_to_jsonresume",
]

#: Six digits of birth date, an optional hyphen or space, then seven digits
#: whose first is 1-4 (citizens) or 5-8 (foreign residents); not the decimals
#: of a number such as a coordinate written as text.
RESIDENT_NUMBER = re.compile(r"(?<![\d.])\d{6}[- ]?[1-8]\d{6}(?!\d)")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[0-9()\-. ]{7,20}")


@dataclass(frozen=True, slots=True)
class WorkRecord:
    employer: str | None = None
    position: str | None = None
    start_date: _dt.date | None = None
    end_date: _dt.date | None = None
    summary: str | None = None
    occupation_code: str | None = None


@dataclass(frozen=True, slots=True)
class EducationRecord:
    study_type: str | None = None
    institution: str | None = None
    area: str | None = None
    end_date: _dt.date | None = None


@dataclass(frozen=True, slots=True)
class CertificateRecord:
    name: str
    date: _dt.date | None = None
    issuer: str | None = None


@dataclass(frozen=True, slots=True)
class TrainingRecord:
    name: str
    provider: str | None = None
    start_date: _dt.date | None = None
    end_date: _dt.date | None = None
    completed: bool | None = None


@dataclass(frozen=True, slots=True)
class SeekerRecord:
    """A job seeker's profile and preferences.

    Partial JSON Resume dates (``2020-05``, ``2020``) are kept as the first day
    of the period; they are written back as full dates.
    """

    identifier: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    region: str | None = None
    city: str | None = None
    work: list[WorkRecord] = field(default_factory=list)
    education: list[EducationRecord] = field(default_factory=list)
    certificates: list[CertificateRecord] = field(default_factory=list)
    training: list[TrainingRecord] = field(default_factory=list)
    desired_occupations: list[str] = field(default_factory=list)
    pref_region: str | None = None
    pref_locality: str | None = None
    pref_latitude: float | None = None
    pref_longitude: float | None = None
    max_commute_km: float | None = None
    desired_wage: int | None = None
    desired_wage_unit: str = "MONTH"
    employment_types: list[str] = field(default_factory=list)
    available_from: _dt.date | None = None
    discoverable: bool = False


# --------------------------------------------------------------------------
# reading


def find_resident_numbers(obj: Any, path: str = "") -> list[str]:
    """The paths of every value in ``obj`` that looks like a resident registration number."""
    found: list[str] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            found += find_resident_numbers(value, f"{path}.{key}" if path else str(key))
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            found += find_resident_numbers(value, f"{path}[{index}]")
    elif isinstance(obj, (str, int)) and not isinstance(obj, bool):  # not floats: coordinates
        if RESIDENT_NUMBER.search(str(obj)):
            found.append(path or "(record)")
    return found


def _email(value: Any) -> str | None:
    text = to_text(value)
    if text is not None and not _EMAIL.fullmatch(text):
        raise Invalid(f"{describe(text)} is not an e-mail address")
    return text


def _phone(value: Any) -> str | None:
    text = to_text(value)
    if text is not None and (not _PHONE.fullmatch(text) or sum(c.isdigit() for c in text) < 7):
        raise Invalid(f"{describe(text)} is not a telephone number")
    return text


def _commute(value: Any) -> float | None:
    result = to_float(value)
    if result is not None and result < 0:
        raise Invalid(f"must not be negative, got {result:g}")
    return result


def _objects(issues: Issues, name: str, value: Any) -> list[tuple[str, dict]]:
    if value is None:
        return []
    if not isinstance(value, list):
        issues.add(name, f"expected a list, got {describe(value)}")
        return []
    items = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            items.append((f"{name}[{index}]", item))
        else:
            issues.add(f"{name}[{index}]", f"expected an object, got {describe(item)}")
    return items


def _obj(issues: Issues, name: str, value: Any) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        issues.add(name, f"expected an object, got {describe(value)}")
        return {}
    return value


def _period(issues: Issues, path: str, item: dict) -> tuple[_dt.date | None, _dt.date | None]:
    start = issues.take(f"{path}.startDate", parse_partial_date, item.get("startDate"))
    end = issues.take(f"{path}.endDate", parse_partial_date, item.get("endDate"))
    if start and end and not not_before(start, end):
        issues.add(f"{path}.endDate", f"end date {to_text(item.get('endDate'))} is before the start date "
                                      f"{to_text(item.get('startDate'))}")
    return (start[0] if start else None), (end[0] if end else None)


def _day(issues: Issues, path: str, value: Any) -> _dt.date | None:
    parsed = issues.take(path, parse_partial_date, value)
    return parsed[0] if parsed else None


def _required_name(issues: Issues, path: str, value: Any) -> str | None:
    name = issues.take(path, to_text, value)
    if name is None and not any(e.field == path for e in issues.errors):
        issues.add(path, "is required")
    return name


def parse_seeker(obj: Any, *, line: int | None = None) -> SeekerRecord | list[RecordError]:
    """Read one JSON Resume object; return the record or all of its errors."""
    issues = Issues(line)
    if not isinstance(obj, dict):
        issues.add(None, f"expected a JSON object (a JSON Resume), got {describe(obj)}")
        return issues.errors
    leaks = find_resident_numbers(obj)
    identifier = issues.take("id", to_text, obj.get("id"))
    issues.key = None if "id" in leaks else identifier
    if leaks:
        for path in leaks:
            issues.add(path, "looks like a resident registration number (주민등록번호); "
                             "it must not be stored, so this record was rejected - remove the number")
        return issues.errors
    if identifier is None and not issues:
        issues.add("id", "is required")

    basics = _obj(issues, "basics", obj.get("basics"))
    location = _obj(issues, "basics.location", basics.get("location"))
    values: dict[str, Any] = {
        "identifier": identifier,
        "name": issues.take("basics.name", to_text, basics.get("name")),
        "email": issues.take("basics.email", _email, basics.get("email")),
        "phone": issues.take("basics.phone", _phone, basics.get("phone")),
        "region": issues.take("basics.location.region", to_text, location.get("region")),
        "city": issues.take("basics.location.city", to_text, location.get("city")),
    }

    work = []
    for path, item in _objects(issues, "work", obj.get("work")):
        start, end = _period(issues, path, item)
        work.append(WorkRecord(
            employer=issues.take(f"{path}.name", to_text, item.get("name", item.get("company"))),
            position=issues.take(f"{path}.position", to_text, item.get("position")),
            start_date=start, end_date=end,
            summary=issues.take(f"{path}.summary", to_text, item.get("summary")),
            occupation_code=issues.take(f"{path}.x-occupationCode", to_text, item.get("x-occupationCode")),
        ))
    education = []
    for path, item in _objects(issues, "education", obj.get("education")):
        start, end = _period(issues, path, item)
        education.append(EducationRecord(
            study_type=issues.take(f"{path}.studyType", to_text, item.get("studyType")),
            institution=issues.take(f"{path}.institution", to_text, item.get("institution")),
            area=issues.take(f"{path}.area", to_text, item.get("area")),
            end_date=end,
        ))
    certificates = []
    for path, item in _objects(issues, "certificates", obj.get("certificates")):
        certificates.append(CertificateRecord(
            name=_required_name(issues, f"{path}.name", item.get("name")),
            date=_day(issues, f"{path}.date", item.get("date")),
            issuer=issues.take(f"{path}.issuer", to_text, item.get("issuer")),
        ))

    extra = _obj(issues, "x-jobcenter", obj.get("x-jobcenter"))
    training = []
    for path, item in _objects(issues, "x-jobcenter.training", extra.get("training")):
        start, end = _period(issues, path, item)
        training.append(TrainingRecord(
            name=_required_name(issues, f"{path}.name", item.get("name")),
            provider=issues.take(f"{path}.provider", to_text, item.get("provider")),
            start_date=start, end_date=end,
            completed=issues.take(f"{path}.completed", to_bool, item.get("completed")),
        ))
    region = _obj(issues, "x-jobcenter.region", extra.get("region"))
    values.update(
        work=work, education=education, certificates=certificates, training=training,
        desired_occupations=issues.take("x-jobcenter.desiredOccupations", text_list,
                                        extra.get("desiredOccupations"), "") or [],
        pref_region=issues.take("x-jobcenter.region.addressRegion", to_text, region.get("addressRegion")),
        pref_locality=issues.take("x-jobcenter.region.addressLocality", to_text, region.get("addressLocality")),
        pref_latitude=issues.take("x-jobcenter.region.latitude", latitude, region.get("latitude")),
        pref_longitude=issues.take("x-jobcenter.region.longitude", longitude, region.get("longitude")),
        max_commute_km=issues.take("x-jobcenter.maxCommuteKm", _commute, extra.get("maxCommuteKm")),
        employment_types=issues.take("x-jobcenter.employmentTypes", employment_types,
                                     extra.get("employmentTypes")) or [],
        available_from=issues.take("x-jobcenter.availableFrom", parse_date, extra.get("availableFrom")),
        discoverable=bool(issues.take("x-jobcenter.discoverable", to_bool, extra.get("discoverable"))),
    )
    if (values["pref_latitude"] is None) != (values["pref_longitude"] is None):
        missing = "latitude" if values["pref_latitude"] is None else "longitude"
        if not any(e.field and e.field.endswith(("latitude", "longitude")) for e in issues.errors):
            issues.add(f"x-jobcenter.region.{missing}", "latitude and longitude must be given together")

    monthly, wage = extra.get("desiredMonthlyWage"), extra.get("desiredWage")
    values["desired_wage"], values["desired_wage_unit"] = None, "MONTH"
    if monthly is not None and wage is not None:
        issues.add("x-jobcenter.desiredWage", "give either desiredMonthlyWage or desiredWage, not both")
    elif monthly is not None:
        values["desired_wage"] = issues.take("x-jobcenter.desiredMonthlyWage", non_negative_int, monthly)
    elif wage is not None:
        wage = _obj(issues, "x-jobcenter.desiredWage", wage)
        values["desired_wage"] = issues.take("x-jobcenter.desiredWage.amount", non_negative_int,
                                             wage.get("amount"))
        unit = issues.take("x-jobcenter.desiredWage.unit", salary_unit, wage.get("unit"))
        values["desired_wage_unit"] = unit or "MONTH"

    if issues:
        return issues.errors
    return SeekerRecord(**values)


def parse_seekers(source: Source) -> ParseResult[SeekerRecord]:
    """Read JSON Resumes from JSON lines, a JSON list or one JSON object.

    ``source`` is a path, bytes, text, or an iterable of lines or objects.
    Duplicate ids are reported on the later record.  Raises FormatError for a
    file that is not UTF-8 or cannot be read.
    """
    return parse_records(source, parse_seeker, lambda record: record.identifier)


# --------------------------------------------------------------------------
# writing


def _put(out: dict, key: str, value: Any) -> None:
    if value is not None:
        out[key] = value.isoformat() if isinstance(value, _dt.date) else value


def _number(value: float) -> float | int:
    value = float(value)  # a Decimal from a model field must still serialise
    return int(value) if value.is_integer() else value


def seeker_to_jsonresume(record: SeekerRecord) -> dict[str, Any]:
    """A JSON Resume document with the ``x-jobcenter`` block for ``record``."""
    basics: dict[str, Any] = {}
    _put(basics, "name", record.name)
    _put(basics, "email", record.email)
    _put(basics, "phone", record.phone)
    if record.region is not None or record.city is not None:
        location: dict[str, Any] = {}
        _put(location, "region", record.region)
        _put(location, "city", record.city)
        location["countryCode"] = "KR"
        basics["location"] = location

    work = []
    for item in record.work:
        entry: dict[str, Any] = {}
        for key, value in (("name", item.employer), ("position", item.position),
                           ("startDate", item.start_date), ("endDate", item.end_date),
                           ("summary", item.summary), ("x-occupationCode", item.occupation_code)):
            _put(entry, key, value)
        work.append(entry)
    education = []
    for item in record.education:
        entry = {}
        for key, value in (("institution", item.institution), ("area", item.area),
                           ("studyType", item.study_type), ("endDate", item.end_date)):
            _put(entry, key, value)
        education.append(entry)
    certificates = []
    for item in record.certificates:
        entry = {"name": item.name}
        _put(entry, "date", item.date)
        _put(entry, "issuer", item.issuer)
        certificates.append(entry)

    extra: dict[str, Any] = {"desiredOccupations": list(record.desired_occupations)}
    region: dict[str, Any] = {}
    _put(region, "addressRegion", record.pref_region)
    _put(region, "addressLocality", record.pref_locality)
    _put(region, "latitude", None if record.pref_latitude is None else float(record.pref_latitude))
    _put(region, "longitude", None if record.pref_longitude is None else float(record.pref_longitude))
    if region:
        extra["region"] = region
    if record.max_commute_km is not None:
        extra["maxCommuteKm"] = _number(record.max_commute_km)
    if record.desired_wage_unit == "MONTH":
        _put(extra, "desiredMonthlyWage", None if record.desired_wage is None else int(record.desired_wage))
    else:
        wage: dict[str, Any] = {}
        _put(wage, "amount", None if record.desired_wage is None else int(record.desired_wage))
        wage["unit"] = record.desired_wage_unit
        extra["desiredWage"] = wage
    extra["employmentTypes"] = list(record.employment_types)
    _put(extra, "availableFrom", record.available_from)
    extra["discoverable"] = record.discoverable
    if record.training:
        training = []
        for item in record.training:
            entry = {"name": item.name}
            for key, value in (("provider", item.provider), ("startDate", item.start_date),
                               ("endDate", item.end_date), ("completed", item.completed)):
                _put(entry, key, value)
            training.append(entry)
        extra["training"] = training

    return {
        "id": record.identifier,
        "basics": basics,
        "work": work,
        "education": education,
        "certificates": certificates,
        "x-jobcenter": extra,
    }
