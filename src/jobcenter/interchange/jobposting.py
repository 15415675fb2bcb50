"""schema.org JobPosting (JSON-LD): the :class:`PostingRecord`, its parser and writer.

Reading is lenient about the shapes schema.org allows (a string or a
PropertyValue identifier, a plain or prefixed occupational code or a
CategoryCode, a number or a QuantitativeValue salary, a date or a date-time)
and strict about values: unknown employment types, impossible dates, negative
or inverted wages, a closing date before the posting date and out-of-range
coordinates are all reported, every one of them, naming the record and field.
Unknown keys are dropped.

``parse_posting(posting_to_jsonld(r)) == r`` holds for every valid record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import ParseResult, RecordError
from .textio import Source, parse_records
from .values import (
    Invalid,
    Issues,
    describe,
    employment_types,
    end_of_day_kst,
    latitude,
    longitude,
    parse_date_or_datetime,
    salary_unit,
    to_bool,
    to_int,
    to_text,
)

__all__ = [
    "DEFAULT_OCCUPATION_SCHEME",
    "JSONLD_FIELDS",
    "PostingRecord",
    "check_posting",
    "parse_posting",
    "parse_postings",
    "posting_to_jsonld",
    "split_qualifications",
]

DEFAULT_OCCUPATION_SCHEME = "KECO"
#: Separators between licence names in a ``qualifications`` string: comma,
#: full-width comma and ideographic comma.  The middle dot "·" is *not* one:
#: it occurs inside real licence names (항공전기·전자정비기능사) and in the
#: dictionary's shorthand (대기환경기사·산업기사), so splitting on it would
#: invent licences that do not exist.
QUALIFICATION_SEPARATORS = ",，、"
_COUNTRY_KR = {"KR", "KOR", "KOREA", "SOUTH KOREA", "REPUBLIC OF KOREA", "대한민국", "한국"}


@dataclass(frozen=True, slots=True)
class PostingRecord:
    """One vacancy, independent of the format it came in."""

    identifier: str
    title: str
    date_posted: date
    description: str = ""
    valid_through: date | None = None
    occupation_code: str | None = None
    occupation_scheme: str = DEFAULT_OCCUPATION_SCHEME
    qualifications: list[str] = field(default_factory=list)
    education: str | None = None
    experience_months: int | None = None
    employment_types: list[str] = field(default_factory=list)
    organization_name: str | None = None
    organization_id: str | None = None
    address_region: str | None = None
    address_locality: str | None = None
    street_address: str | None = None
    postal_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    salary_currency: str = "KRW"
    salary_min: int | None = None
    salary_max: int | None = None
    salary_unit: str | None = None
    work_hours: str | None = None
    openings: int | None = None
    url: str | None = None
    direct_apply: bool | None = None


#: Where each PostingRecord attribute lives in JSON-LD (used in error messages).
JSONLD_FIELDS: dict[str, str] = {
    "identifier": "identifier",
    "title": "title",
    "description": "description",
    "date_posted": "datePosted",
    "valid_through": "validThrough",
    "occupation_code": "occupationalCategory",
    "occupation_scheme": "occupationalCategory",
    "qualifications": "qualifications",
    "education": "educationRequirements",
    "experience_months": "experienceRequirements.monthsOfExperience",
    "employment_types": "employmentType",
    "organization_name": "hiringOrganization.name",
    "organization_id": "hiringOrganization.identifier",
    "address_region": "jobLocation.address.addressRegion",
    "address_locality": "jobLocation.address.addressLocality",
    "street_address": "jobLocation.address.streetAddress",
    "postal_code": "jobLocation.address.postalCode",
    "latitude": "jobLocation.geo.latitude",
    "longitude": "jobLocation.geo.longitude",
    "salary_currency": "baseSalary.currency",
    "salary_min": "baseSalary.value.minValue",
    "salary_max": "baseSalary.value.maxValue",
    "salary_unit": "baseSalary.value.unitText",
    "work_hours": "workHours",
    "openings": "totalJobOpenings",
    "url": "url",
    "direct_apply": "directApply",
}


# --------------------------------------------------------------------------
# checks shared with the other posting sources (Work24 XML)


def check_posting(values: Mapping[str, Any], issues: Issues, fields: Mapping[str, str],
                  skip: set[str] = frozenset()) -> None:
    """Report required, range and cross-field problems of posting ``values``.

    ``values`` maps PostingRecord attribute names to converted values (None
    where conversion failed, and those attributes are listed in ``skip`` so
    that they are not reported twice).  ``fields`` maps attribute names to the
    source format's field names for the messages.
    """
    def report(attr: str, message: str) -> None:
        if attr not in skip:
            issues.add(fields.get(attr, attr), message)

    for attr in ("identifier", "title", "date_posted"):
        if values.get(attr) in (None, ""):
            report(attr, "is required")
    for attr in ("salary_min", "salary_max"):
        amount = values.get(attr)
        if amount is not None and amount < 0:
            report(attr, f"must not be negative, got {amount}")
    low, high = values.get("salary_min"), values.get("salary_max")
    if low is not None and high is not None and 0 <= high < low:
        report("salary_max", f"maximum wage {high} is less than the minimum wage {low}")
    posted, closing = values.get("date_posted"), values.get("valid_through")
    if posted is not None and closing is not None and closing < posted:
        report("valid_through", f"closing date {closing.isoformat()} is before the posting date "
                                f"{posted.isoformat()}")
    lat, lon = values.get("latitude"), values.get("longitude")
    if (lat is None) != (lon is None) and not {"latitude", "longitude"} & skip:
        report("longitude" if lon is None else "latitude",
               "latitude and longitude must be given together")
    months = values.get("experience_months")
    if months is not None and months < 0:
        report("experience_months", f"must not be negative, got {months}")
    openings = values.get("openings")
    if openings is not None and openings < 1:
        report("openings", f"must be at least 1, got {openings}")
    currency = values.get("salary_currency")
    if currency is not None and not re.fullmatch(r"[A-Z]{3}", currency):
        report("salary_currency", f"expected a three-letter currency code such as KRW, got {describe(currency)}")
    url = values.get("url")
    if url is not None and not re.match(r"https?://\S+$", url):
        report("url", f"expected an http or https address, got {describe(url)}")
    code, scheme = values.get("occupation_code"), values.get("occupation_scheme")
    if code is not None:
        if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z._-]*", code):
            report("occupation_code", f"{describe(code)} is not an occupation code")
        elif scheme == "KECO" and not re.fullmatch(r"[0-9]{4}", code):
            report("occupation_code", f"a KECO occupation code has 4 digits, got {describe(code)}")


def split_qualifications(value: Any) -> list[str]:
    """Licence names from a string, a credential object or a list of either."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name", item.get("credentialCategory"))
            if isinstance(item, dict):
                item = item.get("name", item.get("termCode"))
        text = to_text(item)
        if text is None:
            continue
        for piece in re.split("[" + QUALIFICATION_SEPARATORS + "]", text):
            if piece.strip():
                names.append(piece.strip())
    return names


# --------------------------------------------------------------------------
# reading


def _identifier(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("value", value.get("@id"))
    if isinstance(value, (dict, list)):
        raise Invalid("expected text or a PropertyValue with a value")
    return to_text(value)


def _occupation(value: Any) -> tuple[str | None, str]:
    scheme = DEFAULT_OCCUPATION_SCHEME
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        code = to_text(value.get("codeValue", value.get("termCode")))
        code_set = value.get("inCodeSet")
        if isinstance(code_set, dict):
            code_set = code_set.get("name", code_set.get("@id"))
        code_set = to_text(code_set)
        if code_set:
            scheme = code_set.upper() if re.fullmatch(r"[A-Za-z0-9_-]+", code_set) else code_set
        return code, scheme
    text = to_text(value)
    if text is None:
        return None, scheme
    match = re.fullmatch(r"([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(\S+)", text)
    if match:
        return match.group(2), match.group(1).upper()
    return text, scheme


def _education(value: Any) -> str | None:
    if isinstance(value, list):
        if len(value) > 1:
            raise Invalid("expected one education requirement, got a list of several")
        value = value[0] if value else None
    if isinstance(value, dict):
        category = value.get("credentialCategory", value.get("name"))
        if isinstance(category, dict):
            category = category.get("name", category.get("termCode"))
        value = category
    return to_text(value)


def _experience(value: Any) -> int | None:
    if value is None or isinstance(value, (int, float)) and not isinstance(value, bool):
        return to_int(value)
    if isinstance(value, dict):
        return to_int(value.get("monthsOfExperience"))
    raise Invalid(f"expected OccupationalExperienceRequirements with monthsOfExperience, got {describe(value)}")


def _obj(issues: Issues, name: str, value: Any) -> dict:
    if value is None:
        return {}
    if isinstance(value, list):
        value = value[0] if value else {}
    if not isinstance(value, dict):
        issues.add(name, f"expected an object, got {describe(value)}")
        return {}
    return value


def _country(value: Any) -> None:
    if isinstance(value, dict):
        value = value.get("name", value.get("identifier"))
    text = to_text(value)
    if text is not None and text.upper() not in _COUNTRY_KR:
        raise Invalid(f"only postings in Korea (KR) are supported, got {describe(text)}")


def parse_posting(obj: Any, *, line: int | None = None) -> PostingRecord | list[RecordError]:
    """Read one JobPosting object; return the record or all of its errors."""
    issues = Issues(line)
    if not isinstance(obj, dict):
        issues.add(None, f"expected a JSON object (a JobPosting), got {describe(obj)}")
        return issues.errors
    skip: set[str] = set()
    values: dict[str, Any] = {}

    def take(attr: str, convert, *args, name: str | None = None):
        before = len(issues.errors)
        result = issues.take(name or JSONLD_FIELDS[attr], convert, *args)
        if len(issues.errors) > before:
            skip.add(attr)
        values[attr] = result
        return result

    issues.key = take("identifier", _identifier, obj.get("identifier"))
    kind = obj.get("@type")
    if kind is not None and kind != "JobPosting" and not (isinstance(kind, list) and "JobPosting" in kind):
        issues.add("@type", f"expected a JobPosting, got {describe(kind)}")

    take("title", to_text, obj.get("title"))
    take("description", to_text, obj.get("description"))
    take("date_posted", parse_date_or_datetime, obj.get("datePosted"))
    take("valid_through", parse_date_or_datetime, obj.get("validThrough"))
    before = len(issues.errors)
    code, scheme = issues.take("occupationalCategory", _occupation, obj.get("occupationalCategory")) or (None, None)
    if len(issues.errors) > before:
        skip.add("occupation_code")
    values["occupation_code"], values["occupation_scheme"] = code, scheme or DEFAULT_OCCUPATION_SCHEME
    take("qualifications", split_qualifications, obj.get("qualifications"))
    take("education", _education, obj.get("educationRequirements"))
    take("experience_months", _experience, obj.get("experienceRequirements"))
    take("employment_types", employment_types, obj.get("employmentType"))

    org = obj.get("hiringOrganization")
    if isinstance(org, str):
        org = {"name": org}
    org = _obj(issues, "hiringOrganization", org)
    take("organization_name", to_text, org.get("name"))
    take("organization_id", _identifier, org.get("identifier"))

    place = _obj(issues, "jobLocation", obj.get("jobLocation"))
    address = place.get("address")
    if isinstance(address, str):
        address = {"streetAddress": address}
    address = _obj(issues, "jobLocation.address", address)
    for attr, key in (("address_region", "addressRegion"), ("address_locality", "addressLocality"),
                      ("street_address", "streetAddress"), ("postal_code", "postalCode")):
        take(attr, to_text, address.get(key))
    issues.take("jobLocation.address.addressCountry", _country, address.get("addressCountry"))
    geo = _obj(issues, "jobLocation.geo", place.get("geo"))
    take("latitude", latitude, geo.get("latitude"))
    take("longitude", longitude, geo.get("longitude"))

    salary = _obj(issues, "baseSalary", obj.get("baseSalary"))
    currency = take("salary_currency", to_text, salary.get("currency"))
    values["salary_currency"] = currency.upper() if currency else "KRW"
    amount = salary.get("value")
    prefix = "baseSalary.value"
    if isinstance(amount, dict):
        amounts = amount
    elif amount is None:
        amounts, prefix = salary, "baseSalary"
    else:
        amounts = {"value": amount}
    single = take("salary_min", to_int, amounts.get("value"), name=f"{prefix}.value")
    low = take("salary_min", to_int, amounts.get("minValue"), name=f"{prefix}.minValue")
    high = take("salary_max", to_int, amounts.get("maxValue"), name=f"{prefix}.maxValue")
    values["salary_min"] = low if low is not None else single
    values["salary_max"] = high if high is not None else single
    take("salary_unit", salary_unit, amounts.get("unitText", salary.get("unitText")),
         name=f"{prefix}.unitText")
    take("work_hours", to_text, obj.get("workHours"))
    take("openings", to_int, obj.get("totalJobOpenings"))
    take("url", to_text, obj.get("url"))
    take("direct_apply", to_bool, obj.get("directApply"))

    fields = dict(JSONLD_FIELDS)
    for attr, key in (("salary_min", "minValue"), ("salary_max", "maxValue")):
        if key not in amounts and "value" in amounts:
            key = "value"
        fields[attr] = f"{prefix}.{key}"
    fields["salary_unit"] = f"{prefix}.unitText"
    check_posting(values, issues, fields, skip)
    if issues:
        return issues.errors
    values["description"] = values["description"] or ""
    return PostingRecord(**values)


def parse_postings(source: Source) -> ParseResult[PostingRecord]:
    """Read JobPostings from JSON lines, a JSON list or one JSON object.

    ``source`` is a path, bytes, text, or an iterable of lines or objects.
    Duplicate identifiers are reported on the later record.  Raises
    FormatError ("file is not UTF-8 encoded (byte 0x.. at offset N)") for a
    file that is not UTF-8, and for one that cannot be read.
    """
    return parse_records(source, parse_posting, lambda record: record.identifier)


# --------------------------------------------------------------------------
# writing


def posting_to_jsonld(record: PostingRecord) -> dict[str, Any]:
    """A schema.org JobPosting for ``record`` (valid JSON-LD, Google-compatible).

    Numbers are written as plain ints and floats, so a record built from
    ``Decimal`` model fields still serialises with ``json.dumps``.
    """
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "identifier": record.identifier,
        "title": record.title,
        "description": record.description,
        "datePosted": record.date_posted.isoformat(),
    }
    if record.valid_through is not None:
        out["validThrough"] = end_of_day_kst(record.valid_through)
    if record.occupation_code is not None:
        if (record.occupation_scheme or DEFAULT_OCCUPATION_SCHEME).upper() == DEFAULT_OCCUPATION_SCHEME:
            out["occupationalCategory"] = record.occupation_code
        else:
            out["occupationalCategory"] = {"@type": "CategoryCode", "codeValue": record.occupation_code,
                                           "inCodeSet": record.occupation_scheme}
    if record.qualifications:
        out["qualifications"] = ", ".join(record.qualifications)
    if record.education is not None:
        out["educationRequirements"] = record.education
    if record.experience_months is not None:
        out["experienceRequirements"] = {"@type": "OccupationalExperienceRequirements",
                                         "monthsOfExperience": int(record.experience_months)}
    if record.employment_types:
        types = record.employment_types
        out["employmentType"] = types[0] if len(types) == 1 else list(types)
    if record.organization_name is not None or record.organization_id is not None:
        org: dict[str, Any] = {"@type": "Organization"}
        if record.organization_name is not None:
            org["name"] = record.organization_name
        if record.organization_id is not None:
            org["identifier"] = record.organization_id
        out["hiringOrganization"] = org
    address = {"@type": "PostalAddress"}
    for attr, key in (("street_address", "streetAddress"), ("address_locality", "addressLocality"),
                      ("address_region", "addressRegion"), ("postal_code", "postalCode")):
        if getattr(record, attr) is not None:
            address[key] = getattr(record, attr)
    has_geo = record.latitude is not None or record.longitude is not None
    if len(address) > 1 or has_geo:
        address["addressCountry"] = "KR"
        place: dict[str, Any] = {"@type": "Place", "address": address}
        if has_geo:
            geo: dict[str, Any] = {"@type": "GeoCoordinates"}
            if record.latitude is not None:
                geo["latitude"] = float(record.latitude)
            if record.longitude is not None:
                geo["longitude"] = float(record.longitude)
            place["geo"] = geo
        out["jobLocation"] = place
    if (record.salary_min is not None or record.salary_max is not None or record.salary_unit is not None
            or record.salary_currency != "KRW"):
        value: dict[str, Any] = {"@type": "QuantitativeValue"}
        if record.salary_min is not None and record.salary_min == record.salary_max:
            value["value"] = int(record.salary_min)
        else:
            if record.salary_min is not None:
                value["minValue"] = int(record.salary_min)
            if record.salary_max is not None:
                value["maxValue"] = int(record.salary_max)
        if record.salary_unit is not None:
            value["unitText"] = record.salary_unit
        out["baseSalary"] = {"@type": "MonetaryAmount", "currency": record.salary_currency, "value": value}
    if record.work_hours is not None:
        out["workHours"] = record.work_hours
    if record.openings is not None:
        out["totalJobOpenings"] = int(record.openings)
    if record.url is not None:
        out["url"] = record.url
    if record.direct_apply is not None:
        out["directApply"] = record.direct_apply
    return out
