"""Postings in and out: schema.org JobPosting JSON-LD and the Work24/WorkNet recruitment XML.

Idempotent on the source's natural key (source, identifier). Each record is validated by the parser, then by
the model's own rules, inside its own savepoint: a bad record is reported with its line and field and never
costs its neighbours.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone

from jobcenter.common.imports import ImportReport, import_run, progress, save_record
from jobcenter.employers.models import Company
from jobcenter.jobs.models import JobPosting, PostingStatus, PostingStatusChange
from jobcenter.taxonomy.lookups import VocabularyCache

_MODEL_FIELDS = [
    "company", "title", "description", "occupation", "qualifications_text", "education_level", "education_text",
    "experience_months", "employment_type", "wage_min", "wage_max", "wage_unit", "working_hours", "region",
    "address", "latitude", "longitude", "posted_on", "closes_on", "openings", "url", "status",
]


_KNOWN_SCHEMES = {"KECO", "ESCO", "ISCO"}


def _company_for(record, source: str, cache: dict) -> Company:
    """The hiring organisation: by business number when the source gives a valid one, else by source+name."""
    from jobcenter.employers.validators import business_number_is_valid, normalize_business_number

    key = (record.organization_id or "", record.organization_name or "")
    if key in cache:
        return cache[key]
    number = normalize_business_number(record.organization_id or "")
    company = None
    if number and business_number_is_valid(number):
        company = Company.objects.filter(business_number=number).first()
        if company is None:
            company = Company.objects.create(name=record.organization_name or number, business_number=number,
                                             source=source, source_key=number)
    if company is None:
        name = (record.organization_name or "").strip()
        if not name:
            raise ValidationError({"hiringOrganization.name": "a posting needs its hiring organisation's name"})
        company, _ = Company.objects.get_or_create(source=source, source_key=name[:255], defaults={"name": name})
    cache[key] = company
    return company


def _status_for(closes_on, today) -> str:
    return PostingStatus.EXPIRED if closes_on and closes_on < today else PostingStatus.OPEN


def _posting_values(record, *, vocab: VocabularyCache, company: Company, today) -> tuple[dict, list]:
    errors: dict[str, str] = {}
    occupation = None
    scheme = (record.occupation_scheme or "KECO").upper()
    if record.occupation_code and scheme in _KNOWN_SCHEMES:
        occupation = vocab.occupation(record.occupation_code, scheme)
        if occupation is None:
            errors["occupationalCategory"] = f"unknown occupation code {record.occupation_code!r}"
    else:
        # No code, or a code of a scheme the taxonomy does not hold (Work24's 6-digit jobsCd): normalise the
        # title instead. A title shared by several occupations stays unassigned for the matching engine.
        occupation = vocab.occupation_by_label(record.title)
    employment_types = list(record.employment_types or [])
    region = vocab.region(record.address_region, record.address_locality)
    certs = [c for c in (vocab.certification(n) for n in record.qualifications) if c is not None]
    education_level = vocab.education_level(record.education)
    if record.education and education_level is None:
        errors["educationRequirements"] = f"unknown education level {record.education!r}"
    if errors:
        raise ValidationError(errors)
    latitude = record.latitude if record.latitude is not None else (region.latitude if region else None)
    longitude = record.longitude if record.longitude is not None else (region.longitude if region else None)
    address = ", ".join(p for p in [record.street_address, record.address_locality, record.address_region] if p)
    values = {
        "company": company,
        "title": record.title,
        "description": record.description or "",
        "occupation": occupation,
        "qualifications_text": ", ".join(record.qualifications),
        "education_level": education_level,
        "education_text": record.education or "",
        "experience_months": record.experience_months or 0,
        "employment_type": employment_types[0] if employment_types else "FULL_TIME",
        "wage_min": record.salary_min,
        "wage_max": record.salary_max,
        "wage_unit": record.salary_unit or "MONTH",
        "working_hours": record.work_hours or "",
        "region": region,
        "address": address[:255],
        "latitude": latitude,
        "longitude": longitude,
        "posted_on": record.date_posted,
        "closes_on": record.valid_through,
        "openings": record.openings or 1,
        "url": record.url or "",
        "status": _status_for(record.valid_through, today),
    }
    return values, certs


def _write_posting(record, *, source: str, vocab: VocabularyCache, companies: dict, existing: dict, today) -> str:
    company = _company_for(record, source, companies)
    values, certs = _posting_values(record, vocab=vocab, company=company, today=today)
    cached = existing.get(record.identifier)
    # Work on a copy: if this record fails validation, the cached row must still show what is stored.
    posting = copy.copy(cached) if cached is not None else None
    if posting is None:
        posting = JobPosting(source=source, source_key=record.identifier, **values)
        outcome = "created"
        old_status = ""
    else:
        old_status = posting.status
        changed = False
        for name, value in values.items():
            field = JobPosting._meta.get_field(name)
            current = getattr(posting, field.attname)
            wanted = (value.pk if value is not None else None) if field.is_relation else value
            if current != wanted:
                setattr(posting, name, value)
                changed = True
        if {c.pk for c in posting.required_certifications.all()} != {c.pk for c in certs}:
            changed = True
        outcome = "updated" if changed else "unchanged"
        if not changed:
            return outcome
    # Field rules here; the table's check constraints (wage order, date order) are enforced by the database
    # itself and were already checked by the parser, so they are not re-queried record by record.
    posting.full_clean(validate_unique=False, validate_constraints=False)
    posting.save()
    posting.required_certifications.set(certs)
    existing[record.identifier] = posting
    if posting.status != old_status:
        PostingStatusChange.objects.create(posting=posting, from_status=old_status, to_status=posting.status,
                                           note=f"import from {source}")
    return outcome


def postings_import_records(
    records: Iterable[tuple[int, object]], *, report: ImportReport, source: str, show_progress: bool = False,
    total: int | None = None,
) -> ImportReport:
    vocab = VocabularyCache()
    companies: dict = {}
    existing = {p.source_key: p for p in JobPosting.objects.filter(source=source).prefetch_related(
        "required_certifications")}
    today = timezone.localdate()
    for line, record in progress(records, enabled=show_progress, total=total, desc="postings"):
        save_record(
            report, line=line, key=record.identifier,
            write=lambda record=record: _write_posting(record, source=source, vocab=vocab, companies=companies,
                                                       existing=existing, today=today),
        )
    return report


def postings_import_jsonld(*, path: str | Path, source: str = "jsonld", show_progress: bool = False) -> ImportReport:
    """Import schema.org JobPosting JSON-LD (JSON lines or a JSON list)."""
    from jobcenter.interchange.jobposting import parse_postings

    parsed = parse_postings(Path(path))
    with import_run("postings-jsonld", str(path)) as report:
        for err in parsed.errors:
            report.reject(line=err.line, key=err.key, field=err.field, message=err.message)
        postings_import_records(parsed.records, report=report, source=source, show_progress=show_progress,
                                total=len(parsed.records))
    return report


def postings_import_work24_xml(*, path: str | Path, show_progress: bool = False) -> ImportReport:
    """Import a Work24/WorkNet recruitment list or detail XML response."""
    from jobcenter.interchange.work24_recruit import parse_recruit_xml

    parsed = parse_recruit_xml(Path(path))
    with import_run("postings-work24-xml", str(path)) as report:
        for err in parsed.errors:
            report.reject(line=err.line, key=err.key, field=err.field, message=err.message)
        postings_import_records(parsed.records, report=report, source="work24", show_progress=show_progress,
                                total=len(parsed.records))
    return report


def postings_import_work24_api(*, auth_key: str, pages: int = 1, display: int = 100, filters: dict | None = None,
                               show_progress: bool = False, transport=None) -> ImportReport:
    """Import open postings from the live Work24 Open API, page by page (``transport`` is injectable for tests)."""
    from jobcenter.interchange.errors import RecordError
    from jobcenter.interchange.work24_api import Work24Client

    client = Work24Client(auth_key, transport=transport) if transport else Work24Client(auth_key)
    with import_run("postings-work24-api", "work24-api") as report:
        records = []
        for n, item in enumerate(client.iter_recruit(display=display, max_pages=pages, **(filters or {})), start=1):
            if isinstance(item, RecordError):
                report.reject(line=item.line, key=item.key, field=item.field, message=item.message)
            else:
                records.append((n, item))
        postings_import_records(records, report=report, source="work24", show_progress=show_progress,
                                total=len(records))
    return report


def posting_to_record(posting: JobPosting):
    """The model's fields as an interchange PostingRecord (the inverse of the import mapping)."""
    from jobcenter.interchange.jobposting import PostingRecord

    region = posting.region
    province = region.parent if region is not None and region.parent_id else region
    locality = region.name if region is not None and region.parent_id else (region.short_name if region else None)
    occupation = posting.occupation
    return PostingRecord(
        identifier=posting.source_key or f"jobcenter:{posting.pk}",
        title=posting.title,
        description=posting.description,
        occupation_code=occupation.code if occupation else None,
        occupation_scheme=occupation.scheme if occupation else "KECO",
        qualifications=[q.strip() for q in posting.qualifications_text.split(",") if q.strip()]
        if posting.qualifications_text else [c.name for c in posting.required_certifications.all()],
        education=posting.education_text or (posting.education_level.name_en if posting.education_level else None),
        experience_months=posting.experience_months,
        employment_types=[posting.employment_type],
        date_posted=posting.posted_on,
        valid_through=posting.closes_on,
        organization_name=posting.company.name,
        organization_id=posting.company.business_number,
        address_region=province.name if province else None,
        address_locality=locality,
        street_address=None,
        postal_code=None,
        latitude=posting.latitude,
        longitude=posting.longitude,
        salary_currency="KRW",
        salary_min=posting.wage_min,
        salary_max=posting.wage_max,
        salary_unit=posting.wage_unit,
        work_hours=posting.working_hours or None,
        openings=posting.openings,
        url=posting.url or None,
        direct_apply=None,
    )


def postings_export_jsonld(postings: Iterable[JobPosting]) -> Iterator[dict]:
    from jobcenter.interchange.jobposting import posting_to_jsonld

    for posting in postings:
        yield posting_to_jsonld(posting_to_record(posting))
