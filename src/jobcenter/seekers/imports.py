"""Job seekers in and out as JSON Resume with an ``x-jobcenter`` block (preferences, training, occupations).

Idempotent on (source, id): a re-import replaces the person's careers, education, certificates and training
with what the file says, inside one savepoint, so a bad record leaves the stored profile as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from django.core.exceptions import ValidationError

from jobcenter.common.imports import ImportReport, import_run, progress, save_record
from jobcenter.seekers.models import (
    Education,
    JobPreference,
    SeekerCertificate,
    SeekerProfile,
    TrainingRecord,
    WorkExperience,
)
from jobcenter.taxonomy.lookups import VocabularyCache


def _snapshot(profile: SeekerProfile):
    """Everything the import writes, as comparable plain values (to tell updated from unchanged)."""
    from jobcenter.seekers.exports import seeker_to_record

    return seeker_to_record(profile)


def _write_seeker(record, *, source: str, vocab: VocabularyCache) -> str:
    profile = SeekerProfile.objects.filter(source=source, source_key=record.identifier).first()
    before = _snapshot(profile) if profile else None
    home_region = vocab.region(record.pref_region or record.region, record.pref_locality or record.city)
    values = {
        "display_name": record.name or record.identifier,
        "email": record.email or "",
        "phone": record.phone or "",
        "home_region": home_region,
        "home_latitude": record.pref_latitude if record.pref_latitude is not None else (
            home_region.latitude if home_region else None),
        "home_longitude": record.pref_longitude if record.pref_longitude is not None else (
            home_region.longitude if home_region else None),
        "discoverable": bool(record.discoverable),
    }
    if profile is None:
        profile = SeekerProfile(source=source, source_key=record.identifier, **values)
        outcome = "created"
    else:
        for name, value in values.items():
            setattr(profile, name, value)
        outcome = "updated"
    profile.full_clean(validate_unique=False)
    profile.save()

    profile.work_experiences.all().delete()
    profile.educations.all().delete()
    profile.certificates.all().delete()
    profile.training_records.all().delete()
    for i, w in enumerate(record.work):
        occupation = vocab.occupation(w.occupation_code) if w.occupation_code else vocab.occupation_by_label(w.position)
        if w.occupation_code and occupation is None:
            raise ValidationError({f"work[{i}].x-occupationCode": f"unknown occupation code {w.occupation_code!r}"})
        exp = WorkExperience(
            seeker=profile, title=w.position or "", employer_name=w.employer or "", start_date=w.start_date,
            end_date=w.end_date, duties=w.summary or "", occupation=occupation,
        )
        exp.full_clean(exclude=["seeker"])
        exp.save()
    for e in record.education:
        Education.objects.create(
            seeker=profile, level=vocab.education_level(e.study_type), level_text=e.study_type or "",
            institution=e.institution or "", major=e.area or "", end_date=e.end_date,
        )
    for c in record.certificates:
        SeekerCertificate.objects.create(
            seeker=profile, name=c.name, certification=vocab.certification(c.name), issuer=c.issuer or "",
            acquired_on=c.date,
        )
    for t in record.training:
        TrainingRecord.objects.create(
            seeker=profile, course_name=t.name, provider=t.provider or "", start_date=t.start_date,
            end_date=t.end_date, completed=t.completed,
        )
    pref, _ = JobPreference.objects.get_or_create(seeker=profile)
    pref.desired_occupation_texts = list(record.desired_occupations)
    pref.max_commute_km = record.max_commute_km
    pref.desired_wage = record.desired_wage
    pref.desired_wage_unit = record.desired_wage_unit or "MONTH"
    pref.employment_types = list(record.employment_types)
    pref.available_from = record.available_from
    pref.full_clean(exclude=["seeker"])
    pref.save()
    pref.desired_occupations.set([o for o in (vocab.occupation_by_label(t) for t in record.desired_occupations) if o])
    if before is not None and _snapshot(profile) == before:
        return "unchanged"
    return outcome


def seekers_import_records(
    records: Iterable[tuple[int, object]], *, report: ImportReport, source: str = "jsonresume",
    show_progress: bool = False, total: int | None = None,
) -> ImportReport:
    vocab = VocabularyCache()
    for line, record in progress(records, enabled=show_progress, total=total, desc="seekers"):
        save_record(report, line=line, key=record.identifier,
                    write=lambda record=record: _write_seeker(record, source=source, vocab=vocab))
    return report


def seekers_import_jsonresume(*, path: str | Path, source: str = "jsonresume",
                              show_progress: bool = False) -> ImportReport:
    from jobcenter.interchange.jsonresume import parse_seekers

    parsed = parse_seekers(Path(path))
    with import_run("seekers-jsonresume", str(path)) as report:
        for err in parsed.errors:
            report.reject(line=err.line, key=err.key, field=err.field, message=err.message)
        seekers_import_records(parsed.records, report=report, source=source, show_progress=show_progress,
                               total=len(parsed.records))
    return report


def seekers_export_jsonresume(profiles: Iterable[SeekerProfile]) -> Iterator[dict]:
    from jobcenter.interchange.jsonresume import seeker_to_jsonresume
    from jobcenter.seekers.exports import seeker_to_record

    for profile in profiles:
        yield seeker_to_jsonresume(seeker_to_record(profile))
